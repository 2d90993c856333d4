using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using InclusionModel.Programs;
using NodaTime;

namespace InclusionModel.Testing;

/// <summary>
/// FsCheck generators of program definitions: valid ones that use every part of the model, and definition
/// files with exactly one broken field.
/// </summary>
public static class ProgramDefinitionGenerators
{
    private static readonly string[] Municipalities = ["Eskilstuna", "Kumla", "Nora", "Motala", "Västerås", "Helsingborg", "Örebro", "Lekeberg"];

    private static readonly string[] PhaseIds = ["preparation", "employment", "exit-support", "coaching", "activities", "internship", "studies"];

    /// <summary>Valid program definitions: every one passes validation and round-trips through JSON.</summary>
    /// <returns>The generator.</returns>
    public static Gen<ProgramDefinition> Valid()
        => Gen.Choose(0, int.MaxValue).Select(seed => Build(new Random(seed)));

    /// <summary>Definition files with exactly one broken field (a rule broken, a wrong type, an unknown field, a bad date …).</summary>
    /// <returns>The generator.</returns>
    public static Gen<BrokenDefinition> Broken()
        => from definition in Valid()
           from choice in Gen.Choose(0, Breakages.Length - 1)
           select Break(definition, choice);

    /// <summary>Builds one valid definition from <paramref name="random"/>.</summary>
    /// <param name="random">The source of choices.</param>
    /// <returns>The definition.</returns>
    public static ProgramDefinition Build(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        bool Maybe() => random.Next(2) == 0;
        string id = $"{Pick(random, ["orebro", "kumla", "nora", "motala"])}-{Pick(random, ["steget", "vagen", "bron", "nytt-jobb"])}-{random.Next(1, 100)}";
        var builder = ProgramDefinition.Builder(id, Pick(random, ["Steget", "Vägen till arbete", "Bron", "Nytt jobb"]));
        var municipalities = Municipalities.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToArray();
        if (Maybe()) builder.WithDescription("A generated program.");
        if (Maybe()) builder.WithOwner($"{municipalities[0]} kommun");
        if (Maybe()) builder.WithMunicipalities(municipalities);
        if (Maybe()) builder.WithFunders(["Europeiska socialfonden"]);
        if (Maybe()) builder.WithBudget(new Budget(random.Next(1, 100) * 100_000m, "SEK"));
        if (Maybe()) builder.WithPurpose("Work or studies for people far from the labour market.");
        if (Maybe()) builder.WithMethods(["coaching", "internships"]);
        if (Maybe()) builder.AddStaffRole(new StaffRole("coach", random.Next(1, 5), PerMunicipality: false));

        // Period: stages in order, any end may be unknown.
        var start = new LocalDate(2010 + random.Next(15), 1 + random.Next(12), 1);
        var implementationStart = start.PlusMonths(random.Next(1, 7));
        var implementationEnd = implementationStart.PlusMonths(random.Next(6, 36)).PlusDays(-1);
        var planning = Maybe() ? new DateRange(start, implementationStart.PlusDays(-1)) : (DateRange?)null;
        var implementation = new DateRange(Maybe() ? implementationStart : null, Maybe() ? implementationEnd : null);
        var closing = implementation.End is not null && Maybe() ? new DateRange(implementationEnd.PlusDays(1), implementationEnd.PlusMonths(3)) : (DateRange?)null;
        bool statesImplementation = Maybe();
        builder.WithPeriod(new ProgramPeriod(planning, statesImplementation ? implementation : null, closing));
        if (Maybe())
        {
            // Inside the implementation stage however much of it is stated.
            builder.WithEnrolmentWindow(new EnrolmentWindow(implementationStart.PlusDays(random.Next(30)), Maybe() ? implementationEnd.PlusDays(-random.Next(30)) : null));
        }

        int? places = Maybe() ? random.Next(10, 1000) : null;
        builder.WithPlaces(places);
        if (Maybe())
        {
            var rules = new List<TargetGroupRule> { new(TargetGroupRules.ResidesInMunicipality, [.. municipalities]) };
            if (Maybe()) rules.Add(new TargetGroupRule(TargetGroupRules.WorkingAge, MinimumAge: 18 + random.Next(5), MaximumAge: 60 + random.Next(7)));
            if (Maybe()) rules.Add(new TargetGroupRule(TargetGroupRules.LongTermSocialAssistance, Months: 6 + random.Next(5), OfMonths: 12));
            if (Maybe()) rules.Add(new TargetGroupRule(TargetGroupRules.NewlyArrived, WithinMonths: 24 + random.Next(25)));
            if (Maybe()) rules.Add(new TargetGroupRule(TargetGroupRules.FarFromLabourMarket));
            if (Maybe()) rules.Add(new TargetGroupRule(TargetGroupRules.LongTermUnemployed, Months: Maybe() ? 6 + random.Next(19) : null));
            builder.WithTargetGroup(new TargetGroup(rules, Maybe() ? [new TargetGroupRule(TargetGroupRules.CompletedOrientationCourse)] : null, Maybe() ? "People far from the labour market." : null));
        }

        var phases = PhaseIds.OrderBy(_ => random.Next()).Take(random.Next(1, 5)).ToArray();
        for (int i = 0; i < phases.Length; i++)
        {
            int? min = Maybe() ? random.Next(0, 6) : null;
            int? max = Maybe() ? (min ?? 0) + random.Next(1, 12) : null;
            builder.AddPhase(phases[i], isOptional: i < phases.Length - 1 && Maybe(), min, max, Maybe() ? random.Next(0, 6) : null);
        }

        bool datesKnown = statesImplementation ? implementation.Start is not null && implementation.End is not null
            : planning is not null && closing is not null;
        if (!datesKnown && Maybe())
        {
            builder.AddGoal(new Goal("valued", description: "Participants find the program valuable."));
        }
        else if (datesKnown && Maybe())
        {
            decimal count = places is { } p ? random.Next(1, p + 1) : random.Next(1, 500);
            var milestones = statesImplementation && implementation.Start is { } s && implementation.End is { } e && Maybe()
                ? new[] { new GoalMilestone(s.PlusDays(Period.Between(s, e, PeriodUnits.Days).Days / 2), Math.Min(count, decimal.Truncate(count / 2) + 1)) }
                : null;
            builder.AddGoal(new Goal("into-work", GoalQuantity.ExitsIntoWork, count, Maybe() ? "Participants into work." : null, milestones));
            if (Maybe()) builder.AddGoal(new Goal("women-share", GoalQuantity.WomenShare, random.Next(1, 11) / 10m));
            if (Maybe()) builder.AddGoal(new Goal("valued", description: "Participants find the program valuable."));
        }

        if (Maybe())
        {
            builder.AddReport(new ReportDuty(ReportKind.MonthlySummary, DaysToSubmit: Maybe() ? random.Next(0, 60) : null));
            if (Maybe()) builder.AddReport(new ReportDuty(ReportKind.FinalReport, EvaluatedBy: Maybe() ? "Mälardalens universitet" : null));
        }

        if (Maybe()) builder.AddStrategicGoal(StrategicGoals.RomaInclusion2012To2032.Id);
        if (Maybe())
        {
            builder.AddSource(new SourceReference("project-plan.pdf", Maybe() ? "Projektplan" : null));
            if (Maybe()) builder.AddTakenAs(new TakenAs("$.name", "project-plan.pdf", Maybe() ? "projektet" : null, "the name as the project plan writes it"));
            if (Maybe()) builder.AddStatedBy(new StatedBy("$.phases", "project-plan.pdf", "projektets faser"));
            if (Maybe()) builder.AddFinding(new Finding(Maybe() ? new LocalDate(2020, 5, 28) : null, "Half of those interviewed were hired.", "project-plan.pdf", "hälften fått anställning"));
        }

        return builder.Build();
    }

    private delegate IReadOnlyList<string>? Breakage(JsonObject json, ProgramDefinition program);

    private static readonly (string Name, Breakage Apply)[] Breakages =
    [
        ("id not kebab-case", (j, _) => Set(j, "id", JsonValue.Create("Not Kebab"), "$.id")),
        ("places zero", (j, _) => Set(j, "places", JsonValue.Create(0), "$.places")),
        ("places of the wrong type", (j, _) => Set(j, "places", JsonValue.Create("3"), "$.places")),
        ("unknown field", (j, _) => Set(j, "colour", JsonValue.Create("red"), "$.colour")),
        ("phase id a state name", (j, p) => SetPhase(j, p.Phases.Length - 1, "id", JsonValue.Create("exited"), "id")),
        ("phase maximum zero", (j, p) => SetPhase(j, 0, "maximumMonths", JsonValue.Create(0), "maximumMonths")),
        ("unknown phase field", (j, p) => SetPhase(j, 0, "minMonths", JsonValue.Create(1), "minMonths")),
        ("last phase optional", (j, p) => { ((JsonObject)j["phases"]![p.Phases.Length - 1]!)["optional"] = true; return ["$.phases"]; }),
        ("duplicate phase", (j, p) => p.Phases.Length < 2 ? null : SetPhase(j, 1, "id", JsonValue.Create(p.Phases[0].Id), null)),
        ("impossible date", (j, _) => Set(j, "enrolmentWindow", new JsonObject { ["start"] = null, ["end"] = "2020-02-30" }, "$.enrolmentWindow.end")),
        ("unknown target-group rule", (j, _) => Set(j, "targetGroup", new JsonObject { ["required"] = new JsonArray(new JsonObject { ["rule"] = "speaks-swedish" }) }, "$.targetGroup.required[0].rule")),
        ("share above one", (j, p) => p.Schedule.Implementation is { Start: not null, End: not null }
            ? Set(j, "goals", new JsonArray(new JsonObject { ["id"] = "women", ["quantity"] = "women-share", ["target"] = 1.5m }), "$.goals[0].target")
            : null),
        ("measurable goal without dates", (j, p) => p.Schedule.Implementation is { Start: not null, End: not null }
            ? null
            : Set(j, "goals", new JsonArray(new JsonObject { ["id"] = "entries", ["quantity"] = "enrolments", ["target"] = 1 }), "$.goals[0].quantity")),
        ("unknown strategic goal", (j, _) => Set(j, "strategicGoals", new JsonArray("world-peace"), "$.strategicGoals[0]")),
        ("reading of an unnamed source", (j, _) => Set(j, "takenAs", new JsonArray(new JsonObject { ["path"] = "$.name", ["source"] = "nowhere.txt", ["reading"] = "r" }), "$.takenAs[0].source")),
        ("budget currency", (j, _) => Set(j, "budget", new JsonObject { ["amount"] = 1000, ["currency"] = "kr" }, "$.budget.currency")),
        ("window past implementation", (j, p) => p.Schedule.Implementation.End is { } end && p.Schedule.Implementation.Start is null
            ? Set(j, "enrolmentWindow", new JsonObject { ["start"] = null, ["end"] = IsoDate(end.PlusDays(1)) }, "$.enrolmentWindow.end")
            : null),
    ];

    private static BrokenDefinition Break(ProgramDefinition program, int choice)
    {
        for (int i = 0; i < Breakages.Length; i++)
        {
            var (name, apply) = Breakages[(choice + i) % Breakages.Length];
            var json = (JsonObject)JsonNode.Parse(ProgramDefinitionJson.Serialize(program))!;
            if (apply(json, program) is { } paths)
            {
                return new BrokenDefinition(json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }), paths, name);
            }
        }

        throw new InvalidOperationException("No breakage applies (a defect of the generator).");
    }

    private static string[] Set(JsonObject json, string field, JsonNode? value, string path)
    {
        json[field] = value;
        return [path];
    }

    private static string[]? SetPhase(JsonObject json, int index, string field, JsonNode? value, string? pathField)
    {
        ((JsonObject)json["phases"]![index]!)[field] = value;
        return [pathField is null ? $"$.phases[{index}]" : $"$.phases[{index}].{pathField}"];
    }

    private static string IsoDate(LocalDate date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];
}
