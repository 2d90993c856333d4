using System.Collections.Immutable;

namespace InclusionModel.Programs;

/// <summary>
/// Builds a <see cref="ProgramDefinition"/> in code: the same immutable, checked model that
/// <see cref="ProgramDefinitionJson.Parse(string)"/> reads from JSON.
/// </summary>
/// <remarks>
/// Every <c>With…</c> and <c>Add…</c> method returns the builder. <see cref="Build"/> checks the definition
/// and throws one exception listing every problem; <see cref="TryBuild"/> returns them instead. A builder is
/// not thread-safe; the definitions it builds are.
/// </remarks>
/// <example>
/// <code>
/// var program = ProgramDefinition.Builder("orebro-steget", "Steget")
///     .WithOwner("Örebro kommun")
///     .WithImplementation(new LocalDate(2027, 1, 1), new LocalDate(2028, 12, 31))
///     .WithPlaces(40)
///     .AddPhase("preparation")
///     .AddPhase("employment", minimumMonths: 6, maximumMonths: 12)
///     .Build();
/// </code>
/// </example>
public sealed class ProgramDefinitionBuilder
{
    private readonly List<PhaseDefinition> _phases = [];
    private readonly List<SourceReference> _sources = [];
    private readonly List<TakenAs> _takenAs = [];
    private readonly List<StatedBy> _statedBy = [];
    private readonly List<Finding> _findings = [];
    private ProgramDefinition? _origin;

    /// <summary>Starts a definition with its id and name.</summary>
    /// <param name="id">The program id (kebab-case).</param>
    /// <param name="name">The program's name.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public ProgramDefinitionBuilder(string id, string name)
    {
        IdValue = Preconditions.CheckNotNull(id);
        NameValue = Preconditions.CheckNotNull(name);
    }

    internal string IdValue { get; private set; }

    internal string NameValue { get; private set; }

    internal LocalizedText? DescriptionValue { get; private set; }

    internal string? OwnerValue { get; private set; }

    internal ImmutableArray<string>? PartnersValue { get; private set; }

    internal ImmutableArray<string>? MunicipalitiesValue { get; private set; }

    internal ImmutableArray<string>? FundersValue { get; private set; }

    internal Budget? BudgetValue { get; private set; }

    internal LocalizedText? PurposeValue { get; private set; }

    internal ImmutableArray<LocalizedText>? MethodsValue { get; private set; }

    internal ImmutableArray<StaffRole>? StaffValue { get; private set; }

    internal ProgramPeriod PeriodValue { get; private set; } = ProgramPeriod.Unknown;

    internal EnrolmentWindow? EnrolmentWindowValue { get; private set; }

    internal int? PlacesValue { get; private set; }

    internal bool SpecialCategoryDataValue { get; private set; }

    internal TargetGroup? TargetGroupValue { get; private set; }

    internal IReadOnlyList<PhaseDefinition> PhasesValue => _phases;

    internal ImmutableArray<Goal>? GoalsValue { get; private set; }

    internal ImmutableArray<ReportDuty>? ReportsValue { get; private set; }

    internal ImmutableArray<string>? StrategicGoalsValue { get; private set; }

    internal IReadOnlyList<SourceReference> SourcesValue => _sources;

    internal IReadOnlyList<TakenAs> TakenAsValue => _takenAs;

    internal IReadOnlyList<StatedBy> StatedByValue => _statedBy;

    internal IReadOnlyList<Finding> FindingsValue => _findings;

    /// <summary>Starts a builder holding everything <paramref name="program"/> states, to derive a changed definition.</summary>
    /// <param name="program">A definition.</param>
    /// <returns>A builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="program"/> is null.</exception>
    public static ProgramDefinitionBuilder From(ProgramDefinition program)
    {
        Preconditions.CheckNotNull(program);
        var b = new ProgramDefinitionBuilder(program.Id, program.Name)
        {
            DescriptionValue = program.LocalizedDescription,
            OwnerValue = program.Owner,
            PartnersValue = program.Partners,
            MunicipalitiesValue = program.Municipalities,
            FundersValue = program.Funders,
            BudgetValue = program.Budget,
            PurposeValue = program.LocalizedPurpose,
            MethodsValue = program.LocalizedMethods,
            StaffValue = program.Staff,
            PeriodValue = program.Period,
            EnrolmentWindowValue = program.StatedEnrolmentWindow,
            PlacesValue = program.Places,
            SpecialCategoryDataValue = program.SpecialCategoryData,
            TargetGroupValue = program.TargetGroup,
            GoalsValue = program.Goals,
            ReportsValue = program.Reports,
            StrategicGoalsValue = program.StrategicGoals,
        };
        b._phases.AddRange(program.Phases);
        b._sources.AddRange(program.Sources);
        b._takenAs.AddRange(program.TakenAs);
        b._statedBy.AddRange(program.StatedBy);
        b._findings.AddRange(program.Findings);
        b._origin = program;
        return b;
    }

    /// <summary>Sets the id.</summary>
    /// <param name="id">The program id.</param>
    /// <returns>This builder.</returns>
    public ProgramDefinitionBuilder WithId(string id) { IdValue = Preconditions.CheckNotNull(id); return this; }

    /// <summary>Sets the name.</summary>
    /// <param name="name">The program's name.</param>
    /// <returns>This builder.</returns>
    public ProgramDefinitionBuilder WithName(string name) { NameValue = Preconditions.CheckNotNull(name); return this; }

    /// <summary>Sets the description, one text for every language.</summary>
    /// <param name="description">The description, or <c>null</c>.</param>
    /// <returns>This builder.</returns>
    public ProgramDefinitionBuilder WithDescription(string? description) { DescriptionValue = description; return this; }

    /// <summary>Sets the description, a text per language (<see cref="LocalizedText.Create"/>) or one for all.</summary>
    /// <param name="description">The description, or <c>null</c>.</param>
    /// <returns>This builder.</returns>
    public ProgramDefinitionBuilder WithDescription(LocalizedText? description) { DescriptionValue = description; return this; }

    /// <summary>Sets the owner organisation.</summary>
    /// <param name="owner">The owner, or <c>null</c>.</param>
    /// <returns>This builder.</returns>
    public ProgramDefinitionBuilder WithOwner(string? owner) { OwnerValue = owner; return this; }

    /// <summary>Sets the partner organisations.</summary>
    /// <param name="partners">The partners, or <c>null</c> when not stated.</param>
    /// <returns>This builder.</returns>
    public ProgramDefinitionBuilder WithPartners(IEnumerable<string>? partners) { PartnersValue = partners?.ToImmutableArray(); return this; }

    /// <summary>Sets the municipalities the program serves.</summary>
    /// <param name="municipalities">The municipalities by Swedish name, or <c>null</c> when not stated.</param>
    /// <returns>This builder.</returns>
    public ProgramDefinitionBuilder WithMunicipalities(IEnumerable<string>? municipalities) { MunicipalitiesValue = municipalities?.ToImmutableArray(); return this; }

    /// <summary>Sets the funders.</summary>
    /// <param name="funders">The funders, or <c>null</c> when not stated.</param>
    /// <returns>This builder.</returns>
    public ProgramDefinitionBuilder WithFunders(IEnumerable<string>? funders) { FundersValue = funders?.ToImmutableArray(); return this; }

    /// <summary>Sets the budget.</summary>
    /// <param name="budget">The budget, or <c>null</c> when not stated.</param>
    /// <returns>This builder.</returns>
    public ProgramDefinitionBuilder WithBudget(Budget? budget) { BudgetValue = budget; return this; }

    /// <summary>Sets the purpose.</summary>
    /// <param name="purpose">The purpose in words, or <c>null</c>.</param>
    /// <returns>This builder.</returns>
    public ProgramDefinitionBuilder WithPurpose(string? purpose) { PurposeValue = purpose; return this; }

    /// <summary>Sets the purpose, a text per language (<see cref="LocalizedText.Create"/>) or one for all.</summary>
    /// <param name="purpose">The purpose in words, or <c>null</c>.</param>
    /// <returns>This builder.</returns>
    public ProgramDefinitionBuilder WithPurpose(LocalizedText? purpose) { PurposeValue = purpose; return this; }

    /// <summary>Sets the methods and ways of working, each one text for every language.</summary>
    /// <param name="methods">The methods, or <c>null</c> when not stated.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">A method is null.</exception>
    public ProgramDefinitionBuilder WithMethods(IEnumerable<string>? methods)
    {
        var list = NoNulls(methods, nameof(methods));
        MethodsValue = list is { } items ? [.. items.Select(LocalizedText.Plain)] : null;
        return this;
    }

    /// <summary>Sets the methods and ways of working, each a text per language (<see cref="LocalizedText.Create"/>) or one for all.</summary>
    /// <param name="methods">The methods, or <c>null</c> when not stated.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">A method is null.</exception>
    public ProgramDefinitionBuilder WithMethods(IEnumerable<LocalizedText>? methods) { MethodsValue = NoNulls(methods, nameof(methods)); return this; }

    /// <summary>Adds a staff role.</summary>
    /// <param name="role">The role.</param>
    /// <returns>This builder.</returns>
    public ProgramDefinitionBuilder AddStaffRole(StaffRole role)
    {
        StaffValue = (StaffValue ?? []).Add(Preconditions.CheckNotNull(role));
        return this;
    }

    /// <summary>Sets the program's period.</summary>
    /// <param name="period">The period.</param>
    /// <returns>This builder.</returns>
    public ProgramDefinitionBuilder WithPeriod(ProgramPeriod period) { PeriodValue = Preconditions.CheckNotNull(period); return this; }

    /// <summary>Sets the implementation stage's dates (the stage in which the program enrols).</summary>
    /// <param name="start">The first day, or <c>null</c> when not stated.</param>
    /// <param name="end">The last day, or <c>null</c> when not stated.</param>
    /// <returns>This builder.</returns>
    public ProgramDefinitionBuilder WithImplementation(NodaTime.LocalDate? start, NodaTime.LocalDate? end)
    {
        PeriodValue = PeriodValue with { Implementation = new DateRange(start, end) };
        return this;
    }

    /// <summary>States an enrolment window in addition to the period (it must lie inside the implementation stage).</summary>
    /// <param name="window">The window, or <c>null</c> for none.</param>
    /// <returns>This builder.</returns>
    public ProgramDefinitionBuilder WithEnrolmentWindow(EnrolmentWindow? window) { EnrolmentWindowValue = window; return this; }

    /// <summary>Sets the total places.</summary>
    /// <param name="places">The places, or <c>null</c> when not stated.</param>
    /// <returns>This builder.</returns>
    public ProgramDefinitionBuilder WithPlaces(int? places) { PlacesValue = places; return this; }

    /// <summary>
    /// Marks the program as one whose participation itself reveals special-category personal data (GDPR
    /// art. 9: here, a self-declared national minority); every output about its people carries the marking.
    /// </summary>
    /// <param name="specialCategoryData">Whether it does; default <c>false</c>.</param>
    /// <returns>This builder.</returns>
    public ProgramDefinitionBuilder WithSpecialCategoryData(bool specialCategoryData) { SpecialCategoryDataValue = specialCategoryData; return this; }

    /// <summary>Sets the target group.</summary>
    /// <param name="targetGroup">The target group, or <c>null</c> when not stated.</param>
    /// <returns>This builder.</returns>
    public ProgramDefinitionBuilder WithTargetGroup(TargetGroup? targetGroup) { TargetGroupValue = targetGroup; return this; }

    /// <summary>Adds a participant phase after the ones already added.</summary>
    /// <param name="id">The phase id.</param>
    /// <param name="isOptional">Whether the phase may be skipped.</param>
    /// <param name="minimumMonths">The minimum duration in months, or <c>null</c>.</param>
    /// <param name="maximumMonths">The maximum duration in months, or <c>null</c>.</param>
    /// <param name="maxStudyDaysPerWeek">The most study days a week, or <c>null</c>.</param>
    /// <param name="names">The definition's own names for the phase (<see cref="PhaseDefinition.Names"/>), or <c>null</c>.</param>
    /// <returns>This builder.</returns>
    public ProgramDefinitionBuilder AddPhase(string id, bool isOptional = false, int? minimumMonths = null, int? maximumMonths = null, int? maxStudyDaysPerWeek = null, LocalizedText? names = null)
    {
        _phases.Add(PhaseDefinition.Create(id, isOptional, minimumMonths, maximumMonths, maxStudyDaysPerWeek) with { Names = names });
        return this;
    }

    /// <summary>Replaces the phases.</summary>
    /// <param name="phases">The phases in program order.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">A phase is null.</exception>
    public ProgramDefinitionBuilder WithPhases(IEnumerable<PhaseDefinition> phases)
    {
        var list = Preconditions.CheckNotNull(phases).ToList();
        Preconditions.CheckArgument(list.All(p => p is not null), nameof(phases), "A phase is null.");
        _phases.Clear();
        _phases.AddRange(list);
        return this;
    }

    /// <summary>Adds a goal.</summary>
    /// <param name="goal">The goal.</param>
    /// <returns>This builder.</returns>
    public ProgramDefinitionBuilder AddGoal(Goal goal)
    {
        GoalsValue = (GoalsValue ?? []).Add(Preconditions.CheckNotNull(goal));
        return this;
    }

    /// <summary>Replaces the staff roles.</summary>
    /// <param name="staff">The roles, or <c>null</c> when not stated.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">A role is null.</exception>
    public ProgramDefinitionBuilder WithStaff(IEnumerable<StaffRole>? staff) { StaffValue = NoNulls(staff, nameof(staff)); return this; }

    /// <summary>Replaces the goals.</summary>
    /// <param name="goals">The goals, or <c>null</c> when none is stated.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">A goal is null.</exception>
    public ProgramDefinitionBuilder WithGoals(IEnumerable<Goal>? goals) { GoalsValue = NoNulls(goals, nameof(goals)); return this; }

    /// <summary>Replaces the reporting duties.</summary>
    /// <param name="reports">The duties, or <c>null</c> when not stated.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">A duty is null.</exception>
    public ProgramDefinitionBuilder WithReports(IEnumerable<ReportDuty>? reports) { ReportsValue = NoNulls(reports, nameof(reports)); return this; }

    /// <summary>Replaces the strategic goals referred to.</summary>
    /// <param name="ids">The strategic goals' ids, or <c>null</c> when none is stated.</param>
    /// <returns>This builder.</returns>
    public ProgramDefinitionBuilder WithStrategicGoals(IEnumerable<string>? ids) { StrategicGoalsValue = ids?.ToImmutableArray(); return this; }

    /// <summary>Replaces the sources.</summary>
    /// <param name="sources">The sources.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">A source is null.</exception>
    public ProgramDefinitionBuilder WithSources(IEnumerable<SourceReference> sources)
    {
        var list = NoNulls(Preconditions.CheckNotNull(sources), nameof(sources))!.Value;
        _sources.Clear();
        _sources.AddRange(list);
        return this;
    }

    /// <summary>Replaces the "taken as" readings.</summary>
    /// <param name="readings">The readings.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">A reading is null.</exception>
    public ProgramDefinitionBuilder WithTakenAs(IEnumerable<TakenAs> readings)
    {
        var list = NoNulls(Preconditions.CheckNotNull(readings), nameof(readings))!.Value;
        _takenAs.Clear();
        _takenAs.AddRange(list);
        return this;
    }

    /// <summary>Replaces the quotes of stated facts.</summary>
    /// <param name="quotes">The quotes.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">A quote is null.</exception>
    public ProgramDefinitionBuilder WithStatedBy(IEnumerable<StatedBy> quotes)
    {
        var list = NoNulls(Preconditions.CheckNotNull(quotes), nameof(quotes))!.Value;
        _statedBy.Clear();
        _statedBy.AddRange(list);
        return this;
    }

    /// <summary>Replaces the findings.</summary>
    /// <param name="findings">The findings.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">A finding is null.</exception>
    public ProgramDefinitionBuilder WithFindings(IEnumerable<Finding> findings)
    {
        var list = NoNulls(Preconditions.CheckNotNull(findings), nameof(findings))!.Value;
        _findings.Clear();
        _findings.AddRange(list);
        return this;
    }

    /// <summary>Quotes the source that states a fact.</summary>
    /// <param name="quote">The quote.</param>
    /// <returns>This builder.</returns>
    public ProgramDefinitionBuilder AddStatedBy(StatedBy quote) { _statedBy.Add(Preconditions.CheckNotNull(quote)); return this; }

    /// <summary>Adds a finding.</summary>
    /// <param name="finding">The finding.</param>
    /// <returns>This builder.</returns>
    public ProgramDefinitionBuilder AddFinding(Finding finding) { _findings.Add(Preconditions.CheckNotNull(finding)); return this; }

    /// <summary>Adds a reporting duty.</summary>
    /// <param name="duty">The duty.</param>
    /// <returns>This builder.</returns>
    public ProgramDefinitionBuilder AddReport(ReportDuty duty)
    {
        ReportsValue = (ReportsValue ?? []).Add(Preconditions.CheckNotNull(duty));
        return this;
    }

    /// <summary>Refers to a national strategic goal by id (see <see cref="StrategicGoals"/>).</summary>
    /// <param name="id">The strategic goal's id.</param>
    /// <returns>This builder.</returns>
    public ProgramDefinitionBuilder AddStrategicGoal(string id)
    {
        StrategicGoalsValue = (StrategicGoalsValue ?? []).Add(Preconditions.CheckNotNull(id));
        return this;
    }

    /// <summary>Names a source text the facts come from.</summary>
    /// <param name="source">The source.</param>
    /// <returns>This builder.</returns>
    public ProgramDefinitionBuilder AddSource(SourceReference source) { _sources.Add(Preconditions.CheckNotNull(source)); return this; }

    /// <summary>Marks a value as a "taken as" reading of a source.</summary>
    /// <param name="reading">The reading.</param>
    /// <returns>This builder.</returns>
    public ProgramDefinitionBuilder AddTakenAs(TakenAs reading) { _takenAs.Add(Preconditions.CheckNotNull(reading)); return this; }

    private static ImmutableArray<T>? NoNulls<T>(IEnumerable<T>? items, string name)
        where T : class
    {
        if (items is null)
        {
            return null;
        }

        var array = items.ToImmutableArray();
        Preconditions.CheckArgument(array.All(i => i is not null), name, "An item is null.");
        return array;
    }

    /// <summary>Checks and builds the definition.</summary>
    /// <param name="rules">The target-group rules the definition may name; default the standard ones.</param>
    /// <returns>The definition.</returns>
    /// <exception cref="InvalidProgramDefinitionException">The definition breaks a rule; the exception lists every problem with its JSON path.</exception>
    public ProgramDefinition Build(ITargetGroupRuleCatalogue? rules = null) => TryBuild(rules).GetValueOrThrow();

    /// <summary>Checks and builds the definition, returning every problem instead of throwing.</summary>
    /// <param name="rules">The target-group rules the definition may name; default the standard ones.</param>
    /// <returns>The definition, or every problem found.</returns>
    /// <remarks>
    /// A builder started <see cref="From"/> a definition drops the quotes (<see cref="ProgramDefinition.StatedBy"/>)
    /// and readings (<see cref="ProgramDefinition.TakenAs"/>) of every value it changed or removed: a value the
    /// rule author changed is no longer what the source said (a candidate with 40 places does not quote
    /// "30 platser").
    /// </remarks>
    public ProgramLoadResult TryBuild(ITargetGroupRuleCatalogue? rules = null)
    {
        var definition = new ProgramDefinition(this);
        if (_origin is not null && (_statedBy.Count > 0 || _takenAs.Count > 0))
        {
            var before = ProgramDefinitionJson.ToNode(_origin);
            var after = ProgramDefinitionJson.ToNode(definition);
            bool Unchanged(string path)
                => JsonPaths.TryResolve(before, path, out var was) && JsonPaths.TryResolve(after, path, out var now)
                   && System.Text.Json.Nodes.JsonNode.DeepEquals(was, now);
            var quotes = _statedBy.Where(q => Unchanged(q.Path)).ToList();
            var readings = _takenAs.Where(t => Unchanged(t.Path)).ToList();
            if (quotes.Count < _statedBy.Count || readings.Count < _takenAs.Count)
            {
                definition = new ProgramDefinition(this, quotes, readings); // the builder itself keeps what it was given
            }
        }

        var result = (rules is null ? ProgramDefinitionValidator.Instance : new ProgramDefinitionValidator(rules)).Validate(definition);
        return result.IsValid
            ? ProgramLoadResult.Loaded(definition)
            : ProgramLoadResult.Failed([.. result.Errors.Select(ProgramDefinitionProblem.From)], definition.Id);
    }
}
