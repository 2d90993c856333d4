namespace InclusionModel.Programs;

/// <summary>
/// One participant phase of a program (for example <c>preparation</c>, <c>employment</c> or
/// <c>exit-support</c>): its id, whether it may be skipped, and its bounds.
/// </summary>
/// <remarks>
/// Durations are whole calendar months; a bound the source does not state is <c>null</c> and is then
/// never checked. Instances are immutable; create them with <see cref="Create"/>.
/// </remarks>
public sealed record PhaseDefinition
{
    private PhaseDefinition(string id, bool isOptional, int? minimumMonths, int? maximumMonths, int? maxStudyDaysPerWeek)
    {
        Id = id;
        IsOptional = isOptional;
        MinimumMonths = minimumMonths;
        MaximumMonths = maximumMonths;
        MaxStudyDaysPerWeek = maxStudyDaysPerWeek;
    }

    /// <summary>The phase id: kebab-case, unique in its program, never a fixed lifecycle state name.</summary>
    public string Id { get; }

    /// <summary>Whether a participant may skip this phase ("the next phase" may jump over it).</summary>
    public bool IsOptional { get; }

    /// <summary>The least number of calendar months the phase lasts, or <c>null</c> when not stated.</summary>
    public int? MinimumMonths { get; }

    /// <summary>The most calendar months the phase lasts, or <c>null</c> when not stated.</summary>
    public int? MaximumMonths { get; }

    /// <summary>
    /// The most days a week a participant may study during the phase (Romane Bucha's employment: one),
    /// or <c>null</c> when not stated.
    /// </summary>
    public int? MaxStudyDaysPerWeek { get; }

    /// <summary>
    /// The definition's own names for the phase, which people read instead of the library's built-in name
    /// (for this program only), or <c>null</c>; set it with <c>with { Names = … }</c>.
    /// </summary>
    public LocalizedText? Names { get; init; }

    /// <summary>Creates a phase. The values are checked when the phase becomes part of a <see cref="ProgramDefinition"/>.</summary>
    /// <param name="id">The phase id.</param>
    /// <param name="isOptional">Whether the phase may be skipped; default <c>false</c>.</param>
    /// <param name="minimumMonths">The minimum duration in months, or <c>null</c>.</param>
    /// <param name="maximumMonths">The maximum duration in months, or <c>null</c>.</param>
    /// <param name="maxStudyDaysPerWeek">The most study days a week, or <c>null</c>.</param>
    /// <returns>The phase.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    public static PhaseDefinition Create(
        string id,
        bool isOptional = false,
        int? minimumMonths = null,
        int? maximumMonths = null,
        int? maxStudyDaysPerWeek = null)
        => new(Preconditions.CheckNotNull(id), isOptional, minimumMonths, maximumMonths, maxStudyDaysPerWeek);
}
