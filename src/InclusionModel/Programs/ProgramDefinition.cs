using System.Collections.Immutable;

namespace InclusionModel.Programs;

/// <summary>
/// A labour-market inclusion program (arbetsmarknadspolitiskt projekt): who runs and funds it, its period,
/// places and target group, its participant phases, its goals and reporting duties, and the sources its
/// facts come from.
/// </summary>
/// <remarks>
/// <para>
/// A fact the source does not state is <c>null</c> (unknown), never guessed; a value the definition fixes
/// from a vague source is listed in <see cref="TakenAs"/>. A definition is immutable, checked when it is
/// created (an invalid one never reaches the engine) and safe to share across threads.
/// </para>
/// <para>
/// Create one from JSON with <see cref="ProgramDefinitionJson.Parse(string)"/>, in code with
/// <see cref="ProgramDefinitionBuilder"/>, or take one from <see cref="ProgramCatalogue.BuiltIn"/>.
/// </para>
/// </remarks>
public sealed class ProgramDefinition
{
    private readonly Lazy<ProgramSchedule> _schedule;
    private readonly string[] _phaseIds;

    internal ProgramDefinition(ProgramDefinitionBuilder b)
        : this(b, b.StatedByValue, b.TakenAsValue)
    {
    }

    /// <summary>The builder's definition with other quotes and readings (those of values a derived definition kept).</summary>
    internal ProgramDefinition(ProgramDefinitionBuilder b, IEnumerable<StatedBy> statedBy, IEnumerable<TakenAs> takenAs)
    {
        Id = b.IdValue;
        Name = b.NameValue;
        LocalizedDescription = b.DescriptionValue;
        Owner = b.OwnerValue;
        Partners = b.PartnersValue;
        Municipalities = b.MunicipalitiesValue;
        Funders = b.FundersValue;
        Budget = b.BudgetValue;
        LocalizedPurpose = b.PurposeValue;
        LocalizedMethods = b.MethodsValue;
        Staff = b.StaffValue;
        Period = b.PeriodValue;
        StatedEnrolmentWindow = b.EnrolmentWindowValue;
        Places = b.PlacesValue;
        SpecialCategoryData = b.SpecialCategoryDataValue;
        TargetGroup = b.TargetGroupValue;
        Phases = [.. b.PhasesValue];
        Goals = b.GoalsValue;
        Reports = b.ReportsValue;
        StrategicGoals = b.StrategicGoalsValue;
        Sources = [.. b.SourcesValue];
        TakenAs = [.. takenAs];
        StatedBy = [.. statedBy];
        Findings = [.. b.FindingsValue];
        _phaseIds = [.. Phases.Select(p => p.Id)];
        _schedule = new Lazy<ProgramSchedule>(() => new ProgramSchedule(this), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The program id, kebab-case (for example <c>eskilstuna-romane-bucha</c>).</summary>
    public string Id { get; }

    /// <summary>The program's name as its owner writes it (usually Swedish).</summary>
    public string Name { get; }

    /// <summary>A short description in <see cref="System.Globalization.CultureInfo.CurrentUICulture"/> (see <see cref="LocalizedText.For"/>), or <c>null</c>.</summary>
    public string? Description => LocalizedDescription?.ToString();

    /// <summary>A short description in every language the definition gives it, or <c>null</c>.</summary>
    public LocalizedText? LocalizedDescription { get; }

    /// <summary>The organisation that runs and answers for the program (projektägare), or <c>null</c>.</summary>
    public string? Owner { get; }

    /// <summary>Partner organisations, or <c>null</c> when not stated.</summary>
    public ImmutableArray<string>? Partners { get; }

    /// <summary>The municipalities the program serves (by Swedish name, for example <c>Kumla</c>), or <c>null</c> when not stated.</summary>
    public ImmutableArray<string>? Municipalities { get; }

    /// <summary>Who funds the program, or <c>null</c> when not stated.</summary>
    public ImmutableArray<string>? Funders { get; }

    /// <summary>The budget, or <c>null</c> when not stated.</summary>
    public Budget? Budget { get; }

    /// <summary>The program's purpose in words, in <see cref="System.Globalization.CultureInfo.CurrentUICulture"/>, or <c>null</c>.</summary>
    public string? Purpose => LocalizedPurpose?.ToString();

    /// <summary>The program's purpose in every language the definition gives it, or <c>null</c>.</summary>
    public LocalizedText? LocalizedPurpose { get; }

    /// <summary>
    /// Methods and ways of working (empowerment, salutogenic and solution-focused coaching …) in
    /// <see cref="System.Globalization.CultureInfo.CurrentUICulture"/> (see <see cref="LocalizedText.For"/>), or
    /// <c>null</c> when not stated.
    /// </summary>
    public ImmutableArray<string>? Methods => LocalizedMethods is { } methods ? [.. methods.Select(m => m.ToString())] : null;

    /// <summary>Methods and ways of working in every language the definition gives each, or <c>null</c> when not stated.</summary>
    public ImmutableArray<LocalizedText>? LocalizedMethods { get; }

    /// <summary>Staff roles (never named people), or <c>null</c> when not stated.</summary>
    public ImmutableArray<StaffRole>? Staff { get; }

    /// <summary>The program's own period: planning, implementation and closing, with the dates the source states.</summary>
    public ProgramPeriod Period { get; }

    /// <summary>
    /// An enrolment window the definition states in addition to its period, or <c>null</c>. The window the
    /// engine uses is <see cref="EnrolmentWindow"/>.
    /// </summary>
    public EnrolmentWindow? StatedEnrolmentWindow { get; }

    /// <summary>
    /// The dates between which the program enrols (inskrivning): its implementation stage, narrowed by
    /// <see cref="StatedEnrolmentWindow"/> when one is stated; unbounded where nothing is stated. The validator's
    /// <c>outside-enrolment-window</c> rule reads it from <see cref="Schedule"/>.
    /// </summary>
    public EnrolmentWindow EnrolmentWindow => Schedule.EnrolmentWindow;

    /// <summary>How many participants the program may enrol in total (platser), or <c>null</c> when not stated.</summary>
    public int? Places { get; }

    /// <summary>
    /// Whether taking part in the program itself reveals special-category personal data (GDPR art. 9): a
    /// program for a self-declared national minority, such as the Roma programs of the catalogue. Every
    /// output about its participants or people is marked (<c>"specialCategoryData": true</c> in JSON, a first
    /// line in text; docs/privacy.md).
    /// </summary>
    public bool SpecialCategoryData { get; }

    /// <summary>The target group: required rules and exceptions (docs/interchange-contract.md §5), or <c>null</c> when not stated.</summary>
    public TargetGroup? TargetGroup { get; }

    /// <summary>The participant phases in program order; never empty.</summary>
    public ImmutableArray<PhaseDefinition> Phases { get; }

    /// <summary>The program's goals, or <c>null</c> when none is stated.</summary>
    public ImmutableArray<Goal>? Goals { get; }

    /// <summary>The reports the program owes, or <c>null</c> when not stated.</summary>
    public ImmutableArray<ReportDuty>? Reports { get; }

    /// <summary>Ids of the national strategic goals the program works toward (see <see cref="Programs.StrategicGoals"/>), or <c>null</c>.</summary>
    public ImmutableArray<string>? StrategicGoals { get; }

    /// <summary>The source texts the facts come from; empty for a definition that names none.</summary>
    public ImmutableArray<SourceReference> Sources { get; }

    /// <summary>Every "taken as" reading: a value fixed from a vague source, with the source it reads.</summary>
    public ImmutableArray<TakenAs> TakenAs { get; }

    /// <summary>The facts a source states, each with its words (<c>statedBy</c>); empty when the definition quotes none.</summary>
    public ImmutableArray<StatedBy> StatedBy { get; }

    /// <summary>Results and lessons the sources report of the program (<c>findings</c>); empty when none.</summary>
    public ImmutableArray<Finding> Findings { get; }

    /// <summary>
    /// The program's participant lifecycle once built (<c>InclusionModel.Lifecycle</c>'s <c>Lifecycle</c> extension
    /// property builds it on first use and keeps it here); typed as <see cref="object"/> so that a definition does not
    /// depend on the lifecycle built from it (the concept folders' direction, docs/embedding.md).
    /// </summary>
    internal object? CompiledLifecycle;

    /// <summary>The program's own lifecycle (planning → implementation → closing → closed) and the reports it owes.</summary>
    public ProgramSchedule Schedule => _schedule.Value;

    /// <summary>Starts a builder for a program definition.</summary>
    /// <param name="id">The program id.</param>
    /// <param name="name">The program's name.</param>
    /// <returns>A builder.</returns>
    public static ProgramDefinitionBuilder Builder(string id, string name) => new ProgramDefinitionBuilder(id, name);

    /// <summary>Creates a program definition with only what the participant lifecycle needs, and checks it.</summary>
    /// <param name="id">The program id.</param>
    /// <param name="name">The program's name.</param>
    /// <param name="phases">The phases in program order.</param>
    /// <param name="enrolmentWindow">The enrolment window; default unbounded.</param>
    /// <param name="places">The total places, or <c>null</c> when not stated.</param>
    /// <returns>The definition.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidProgramDefinitionException">The definition breaks a rule; the exception lists every failure.</exception>
    public static ProgramDefinition Create(
        string id,
        string name,
        IEnumerable<PhaseDefinition> phases,
        EnrolmentWindow enrolmentWindow = default,
        int? places = null)
    {
        var builder = new ProgramDefinitionBuilder(Preconditions.CheckNotNull(id), Preconditions.CheckNotNull(name))
            .WithPhases(Preconditions.CheckNotNull(phases))
            .WithPlaces(places);
        if (enrolmentWindow.IsBounded)
        {
            builder.WithEnrolmentWindow(enrolmentWindow);
        }

        return builder.Build();
    }

    /// <summary>The index of the phase with id <paramref name="phaseId"/>, or -1 when the program has no such phase.</summary>
    /// <param name="phaseId">A phase id.</param>
    /// <returns>The 0-based index in <see cref="Phases"/>, or -1.</returns>
    public int IndexOfPhase(string? phaseId)
    {
        var ids = _phaseIds;
        for (int i = 0; i < ids.Length; i++)
        {
            string id = ids[i];
            if (ReferenceEquals(id, phaseId) || string.Equals(id, phaseId, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// The name people read for the phase <paramref name="phaseId"/> in <see cref="System.Globalization.CultureInfo.CurrentUICulture"/>:
    /// the definition's own name (<see cref="PhaseDefinition.Names"/>), else the library's built-in name, else the id.
    /// </summary>
    /// <param name="phaseId">A phase id.</param>
    /// <returns>The name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="phaseId"/> is null.</exception>
    public string PhaseName(string phaseId) => DisplayNames.Name(DisplayNames.Phase, Preconditions.CheckNotNull(phaseId), OwnName(DisplayNames.Phase, phaseId));

    /// <summary>The name people read for the goal <paramref name="goalId"/>: the definition's own (<see cref="Goal.Names"/>), else the built-in name, else the id.</summary>
    /// <param name="goalId">A goal id.</param>
    /// <returns>The name, in <see cref="System.Globalization.CultureInfo.CurrentUICulture"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="goalId"/> is null.</exception>
    public string GoalName(string goalId) => DisplayNames.Name(DisplayNames.Goal, Preconditions.CheckNotNull(goalId), OwnName(DisplayNames.Goal, goalId));

    /// <summary>The name people read for the target-group rule <paramref name="ruleId"/>: the definition's own (<see cref="TargetGroupRule.Names"/>), else the built-in name, else the id.</summary>
    /// <param name="ruleId">A rule id.</param>
    /// <returns>The name, in <see cref="System.Globalization.CultureInfo.CurrentUICulture"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleId"/> is null.</exception>
    public string RuleName(string ruleId) => DisplayNames.Name(DisplayNames.Rule, Preconditions.CheckNotNull(ruleId), OwnName(DisplayNames.Rule, ruleId));

    /// <summary>
    /// The name of a phase, goal or rule with its id in brackets, for a technical reader (<c>Kartläggning och
    /// planering (mapping)</c>): the definition's own name first, else the built-in name; the id alone when it has none.
    /// </summary>
    /// <param name="kind"><see cref="DisplayNames.Phase"/>, <see cref="DisplayNames.Goal"/> or <see cref="DisplayNames.Rule"/> (another kind has no names in a definition).</param>
    /// <param name="id">The id.</param>
    /// <returns>The name and the id, in <see cref="System.Globalization.CultureInfo.CurrentUICulture"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="kind"/> or <paramref name="id"/> is null.</exception>
    public string NameWithId(string kind, string id) => DisplayNames.WithId(Preconditions.CheckNotNull(kind), Preconditions.CheckNotNull(id), OwnName(kind, id));

    /// <summary>
    /// The field of this definition that <paramref name="path"/> names, in the words a program owner reads, with
    /// the path in brackets (issue 24): <c>målgruppen, kravet ”I arbetsför ålder” ($.targetGroup.required[1])</c>.
    /// Takes a reading's JSON path (<see cref="TakenAs.Path"/>) and a comparison's (<c>employment.maximumMonths</c>).
    /// </summary>
    /// <param name="path">The path.</param>
    /// <returns>The words and the path, in <see cref="System.Globalization.CultureInfo.CurrentUICulture"/>; the path alone when it names no field the words know.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public string FieldName(string path)
        => DefinitionFields.Words(this, Preconditions.CheckNotNull(path)) is var words && words != path ? $"{words} ({path})" : path;

    /// <summary>The definition's own names for a phase, goal or rule id (a <see cref="DisplayNames"/> kind), or <c>null</c>.</summary>
    internal LocalizedText? OwnName(string kind, string? id)
    {
        switch (kind)
        {
            case DisplayNames.Phase:
                int index = IndexOfPhase(id);
                return index < 0 ? null : Phases[index].Names;
            case DisplayNames.Goal:
                return Goals?.FirstOrDefault(g => g.Id == id)?.Names;
            case DisplayNames.Rule:
                return TargetGroup is { } group
                    ? group.Required.Concat(group.Exceptions).FirstOrDefault(r => r.Rule == id && r.Names is not null)?.Names
                    : null;
            default:
                return null;
        }
    }

    /// <inheritdoc />
    public override string ToString() => Id;
}
