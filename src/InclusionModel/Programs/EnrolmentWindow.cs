using NodaTime;

namespace InclusionModel.Programs;

/// <summary>
/// The dates between which a program may enrol participants, both included. Either bound may be
/// unknown (<c>null</c>): an unknown bound does not limit.
/// </summary>
/// <param name="Start">The first day on which the program enrols, or <c>null</c> when not stated.</param>
/// <param name="End">The last day on which the program enrols, or <c>null</c> when not stated.</param>
public readonly record struct EnrolmentWindow(LocalDate? Start, LocalDate? End)
{
    /// <summary>A window without bounds: the program may enrol on any date.</summary>
    public static EnrolmentWindow Unbounded => default;

    /// <summary>Whether either bound is known.</summary>
    public bool IsBounded => Start.HasValue || End.HasValue;

    /// <summary>Whether <paramref name="date"/> lies inside the window (bounds included).</summary>
    /// <param name="date">The date of an enrolment.</param>
    /// <returns><c>true</c> when no known bound excludes the date.</returns>
    public bool Contains(LocalDate date)
        => (Start is not { } start || date >= start) && (End is not { } end || date <= end);

    /// <inheritdoc />
    public override string ToString()
        => Texts.Format("window", Start is { } start ? IsoDates.Format(start) : Texts.Get("window.no-start"), End is { } end ? IsoDates.Format(end) : Texts.Get("window.no-end"));
}
