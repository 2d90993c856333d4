using NodaTime;

namespace InclusionModel.Programs;

/// <summary>
/// A span of days, both ends included, either of which may be unknown (<c>null</c>): an unknown end does
/// not limit. Used for the stages of a program's period (planning, implementation, closing).
/// </summary>
/// <param name="Start">The first day, or <c>null</c> when the source does not state it.</param>
/// <param name="End">The last day, or <c>null</c> when the source does not state it.</param>
public readonly record struct DateRange(LocalDate? Start, LocalDate? End)
{
    /// <summary>Whether either end is known.</summary>
    public bool IsBounded => Start.HasValue || End.HasValue;

    /// <summary>Whether <paramref name="date"/> lies inside the range (ends included; an unknown end does not limit).</summary>
    /// <param name="date">A date.</param>
    /// <returns><c>true</c> when no known end excludes the date.</returns>
    public bool Contains(LocalDate date)
        => (Start is not { } start || date >= start) && (End is not { } end || date <= end);

    /// <summary>Whether the range has no day at all (a known start after a known end).</summary>
    public bool IsEmpty => Start is { } s && End is { } e && s > e;

    /// <inheritdoc />
    public override string ToString()
        => Texts.Format("window", Start is { } start ? IsoDates.Format(start) : Texts.Get("window.no-start"), End is { } end ? IsoDates.Format(end) : Texts.Get("window.no-end"));
}
