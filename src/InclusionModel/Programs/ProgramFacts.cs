using System.Collections.Immutable;
using NodaTime;

namespace InclusionModel.Programs;

/// <summary>A program's budget as its source states it.</summary>
/// <param name="Amount">The amount, above zero.</param>
/// <param name="Currency">The ISO 4217 currency code, for example <c>SEK</c>.</param>
public readonly record struct Budget(decimal Amount, string Currency)
{
    /// <inheritdoc />
    public override string ToString() => $"{Amount.ToString("#,0.##", System.Globalization.CultureInfo.InvariantCulture)} {Currency}";
}

/// <summary>A staff role of a program (coach, bridge builder …): a role, never a named person.</summary>
/// <param name="Role">The role id, kebab-case (<c>coach</c>, <c>bridge-builder</c>, <c>matcher</c>, <c>staff</c>).</param>
/// <param name="Count">How many people hold the role, or <c>null</c> when not stated.</param>
/// <param name="PerMunicipality">Whether <paramref name="Count"/> is per participating municipality rather than for the whole program.</param>
/// <param name="Description">What the role does, or <c>null</c>: a plain text, the same in every language (see <see cref="LocalizedDescription"/>).</param>
public sealed record StaffRole(string Role, int? Count = null, bool PerMunicipality = false, string? Description = null)
{
    /// <summary>What the role does in every language given, or <c>null</c>; set a text per language with <c>with { LocalizedDescription = … }</c>.</summary>
    public LocalizedText? LocalizedDescription { get; init; } = Description;

    /// <summary>What the role does in <see cref="System.Globalization.CultureInfo.CurrentUICulture"/>, or <c>null</c>.</summary>
    public string? Description
    {
        get => LocalizedDescription?.ToString();
        init => LocalizedDescription = value;
    }
}

/// <summary>The quantity a measurable goal is tracked against.</summary>
public enum GoalQuantity
{
    /// <summary>Enrolments so far (each enrolment takes a place).</summary>
    Enrolments,

    /// <summary>The share of women among distinct participants enrolled so far, a fraction from 0 to 1.</summary>
    WomenShare,

    /// <summary>Exits with outcome <c>work</c> so far.</summary>
    ExitsIntoWork,

    /// <summary>Exits with outcome <c>studies</c> so far.</summary>
    ExitsIntoStudies,
}

/// <summary>Which way a goal's target binds.</summary>
public enum GoalBound
{
    /// <summary>At least the target (390 into work): short of it the goal is at risk or missed.</summary>
    AtLeast,

    /// <summary>
    /// At most the target, a ceiling ("Maximalt 648 personer ska delta"): kept while the value stays at or
    /// under it, however far under; only going over it (or a projection sure to go over) counts against it.
    /// </summary>
    AtMost,
}

/// <summary>An intermediate target of a goal: by this date, at least this much.</summary>
/// <param name="On">The date by which the target should be reached.</param>
/// <param name="Target">The target on that date, in the goal's quantity.</param>
public readonly record struct GoalMilestone(LocalDate On, decimal Target);

/// <summary>
/// A goal of a program. A measurable goal names a <see cref="Quantity"/> and a <see cref="Target"/> (an
/// "at least" target); a goal the source states only in words has neither and is not tracked.
/// </summary>
public sealed record Goal
{
    /// <summary>Creates a goal.</summary>
    /// <param name="id">The goal id, kebab-case and unique in the program (<c>places</c>, <c>women-share</c>, <c>into-work</c>).</param>
    /// <param name="quantity">The quantity tracked, or <c>null</c> for a goal stated only in words.</param>
    /// <param name="target">The target, or <c>null</c> for a goal stated only in words.</param>
    /// <param name="description">The goal in words, or <c>null</c>.</param>
    /// <param name="milestones">Intermediate targets, in date order.</param>
    /// <param name="bound">Whether the target is a floor (the default) or a ceiling.</param>
    public Goal(string id, GoalQuantity? quantity = null, decimal? target = null, string? description = null, IEnumerable<GoalMilestone>? milestones = null, GoalBound bound = GoalBound.AtLeast)
    {
        Id = Preconditions.CheckNotNull(id);
        Quantity = quantity;
        Target = target;
        LocalizedDescription = description;
        Milestones = milestones?.ToImmutableArray() ?? [];
        Bound = bound;
    }

    /// <summary>Whether <see cref="Target"/> is a floor (at least, the default) or a ceiling (at most).</summary>
    public GoalBound Bound { get; }

    /// <summary>The goal id.</summary>
    public string Id { get; }

    /// <summary>The quantity tracked, or <c>null</c> for a goal stated only in words.</summary>
    public GoalQuantity? Quantity { get; }

    /// <summary>The target (at least, or at most: <see cref="Bound"/>): a count, or a fraction from 0 to 1 for a share; <c>null</c> for a goal stated only in words.</summary>
    public decimal? Target { get; }

    /// <summary>The goal in words in <see cref="System.Globalization.CultureInfo.CurrentUICulture"/>, or <c>null</c>.</summary>
    public string? Description => LocalizedDescription?.ToString();

    /// <summary>The goal in words in every language given, or <c>null</c>; set a text per language with <c>with { LocalizedDescription = … }</c>.</summary>
    public LocalizedText? LocalizedDescription { get; init; }

    /// <summary>
    /// The definition's own names for the goal, which people read instead of the library's built-in name (for
    /// this program only), or <c>null</c>; set them with <c>with { Names = … }</c>.
    /// </summary>
    public LocalizedText? Names { get; init; }

    /// <summary>Intermediate targets, in date order; empty when none.</summary>
    public ImmutableArray<GoalMilestone> Milestones { get; }

    /// <summary>Whether the goal can be tracked (it has a quantity and a target).</summary>
    public bool IsMeasurable => Quantity.HasValue && Target.HasValue;
}

/// <summary>The kinds of report a program may owe.</summary>
public enum ReportKind
{
    /// <summary>A summary of each calendar month of implementation (månadssammanfattning).</summary>
    MonthlySummary,

    /// <summary>A report of each calendar half-year of implementation (halvårsrapport).</summary>
    HalfYearReport,

    /// <summary>The final report on the whole program (slutrapport).</summary>
    FinalReport,
}

/// <summary>A reporting duty of a program.</summary>
/// <param name="Kind">The kind of report.</param>
/// <param name="EvaluatedBy">For a final report: who evaluates the program, or <c>null</c>.</param>
/// <param name="DaysToSubmit">
/// Days after the last day of the period a report covers on which it is due, or <c>null</c> when the
/// source does not say; the schedule then takes the day after the period (see <see cref="ProgramSchedule"/>).
/// </param>
/// <param name="Recipient">
/// Who the report goes to (the program's owner, a funder such as Delegationen mot segregation or the ESF
/// council, which may require reports of their own), or <c>null</c> when the source does not say.
/// </param>
public sealed record ReportDuty(ReportKind Kind, string? EvaluatedBy = null, int? DaysToSubmit = null, string? Recipient = null);

/// <summary>A source text a definition's facts come from.</summary>
/// <param name="File">The source's file name (for the built-in catalogue, a file of the project's source texts).</param>
/// <param name="Title">The source's title, or <c>null</c>.</param>
public sealed record SourceReference(string File, string? Title = null);

/// <summary>
/// A "taken as" reading: a vague statement of a source that the definition fixes so that rules can be
/// checked (docs/domain.md), marked as such in the data with the source it reads.
/// </summary>
/// <param name="Path">The JSON path of the value the reading fixes, for example <c>$.period.implementation.end</c>.</param>
/// <param name="Source">The file name of the source read; one of the definition's <see cref="ProgramDefinition.Sources"/>.</param>
/// <param name="Says">What the source says, in its own words where short, or <c>null</c>.</param>
/// <param name="Reading">How the definition reads it: a plain text, the same in every language (see <see cref="LocalizedReading"/>).</param>
public sealed record TakenAs(string Path, string Source, string? Says, string Reading)
{
    /// <summary>How the definition reads the source, in every language given; set a text per language with <c>with { LocalizedReading = … }</c>.</summary>
    public LocalizedText LocalizedReading { get; init; } = LocalizedText.Plain(Reading ?? "");

    /// <summary>How the definition reads the source, in <see cref="System.Globalization.CultureInfo.CurrentUICulture"/>.</summary>
    public string Reading
    {
        get => LocalizedReading.ToString();
        init => LocalizedReading = LocalizedText.Plain(value ?? "");
    }
}

/// <summary>
/// A fact a source states: the value at <paramref name="Path"/> (and everything under it) is what the
/// source says in <paramref name="Says"/>, quoted word for word. Every fact of a built-in definition is
/// either stated (here) or a reading (<see cref="TakenAs"/>).
/// </summary>
/// <param name="Path">The JSON path of the value, for example <c>$.places</c> or <c>$.phases[1]</c>.</param>
/// <param name="Source">The file name of the source; one of the definition's <see cref="ProgramDefinition.Sources"/>.</param>
/// <param name="Says">The source's own words.</param>
public sealed record StatedBy(string Path, string Source, string Says);

/// <summary>
/// A result or a lesson of the program as a source reports it (not participant data): "of ten called to an
/// interview, half were hired", "the orientation course is a good start". Dated by the source where it
/// gives a date.
/// </summary>
/// <param name="On">The date the source gives for it (its publication, or the period it describes), or <c>null</c>.</param>
/// <param name="Text">The finding in the project's words: a plain text, the same in every language (see <see cref="LocalizedText"/>).</param>
/// <param name="Source">The file name of the source; one of the definition's <see cref="ProgramDefinition.Sources"/>.</param>
/// <param name="Says">The source's own words, quoted.</param>
public sealed record Finding(LocalDate? On, string Text, string Source, string Says)
{
    /// <summary>The finding in the project's words, in every language given; set a text per language with <c>with { LocalizedText = … }</c>.</summary>
    public LocalizedText LocalizedText { get; init; } = InclusionModel.LocalizedText.Plain(Text ?? "");

    /// <summary>The finding in the project's words, in <see cref="System.Globalization.CultureInfo.CurrentUICulture"/>.</summary>
    public string Text
    {
        get => LocalizedText.ToString();
        init => LocalizedText = InclusionModel.LocalizedText.Plain(value ?? "");
    }
}
