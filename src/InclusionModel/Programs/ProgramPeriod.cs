namespace InclusionModel.Programs;

/// <summary>
/// The stages of a program's own period, each with its dates where the source states them: analysis and
/// planning, implementation (when participants are enrolled), and closing.
/// </summary>
/// <param name="Planning">Analysis and planning, or <c>null</c> when not stated.</param>
/// <param name="Implementation">Implementation, or <c>null</c> when not stated.</param>
/// <param name="Closing">Closing, or <c>null</c> when not stated.</param>
/// <remarks>
/// The implementation dates imply the enrolment window: a program enrols while it is implemented.
/// <see cref="ProgramSchedule"/> turns the period into the program's own lifecycle.
/// </remarks>
public sealed record ProgramPeriod(DateRange? Planning, DateRange? Implementation, DateRange? Closing)
{
    /// <summary>A period of which nothing is stated.</summary>
    public static ProgramPeriod Unknown { get; } = new(null, null, null);

    /// <summary>Whether any date of any stage is known.</summary>
    public bool IsKnown => Planning is { IsBounded: true } || Implementation is { IsBounded: true } || Closing is { IsBounded: true };
}
