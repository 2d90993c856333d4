using System.Collections.Immutable;
using InclusionModel.Programs;
using static InclusionModel.Tests.TestData;

namespace InclusionModel.Tests.Programs;

/// <summary>One example for every rule of <see cref="ProgramDefinitionValidator"/>: a valid definition with one thing broken.</summary>
public class ProgramDefinitionValidatorTest
{
    /// <summary>A definition that uses every part of the model and is valid.</summary>
    private static ProgramDefinitionBuilder Base()
        => ProgramDefinition.Builder("orebro-steget", "Steget")
            .WithDescription("A program.")
            .WithOwner("Örebro kommun")
            .WithMunicipalities(["Örebro", "Kumla"])
            .WithPartners(["Arbetsförmedlingen"])
            .WithFunders(["Europeiska socialfonden"])
            .WithBudget(new Budget(1_000_000m, "SEK"))
            .WithMethods(["coaching"])
            .AddStaffRole(new StaffRole("coach", 2, PerMunicipality: true))
            .WithPeriod(new ProgramPeriod(new DateRange(D("2026-07-01"), D("2026-12-31")), new DateRange(D("2027-01-01"), D("2028-12-31")), new DateRange(D("2029-01-01"), D("2029-03-31"))))
            .WithPlaces(100)
            .WithTargetGroup(new TargetGroup(
                [new TargetGroupRule(TargetGroupRules.ResidesInMunicipality), new TargetGroupRule(TargetGroupRules.WorkingAge, MinimumAge: 18, MaximumAge: 64)],
                [new TargetGroupRule(TargetGroupRules.CompletedOrientationCourse)]))
            .AddPhase("preparation", isOptional: true)
            .AddPhase("employment", minimumMonths: 6, maximumMonths: 12, maxStudyDaysPerWeek: 1)
            .AddGoal(new Goal("into-work", GoalQuantity.ExitsIntoWork, 50, milestones: [new GoalMilestone(D("2027-12-31"), 20)]))
            .AddGoal(new Goal("women-share", GoalQuantity.WomenShare, 0.5m))
            .AddReport(new ReportDuty(ReportKind.MonthlySummary))
            .AddReport(new ReportDuty(ReportKind.FinalReport, "Örebro universitet", 60))
            .AddStrategicGoal("roma-inclusion-strategy-2012-2032")
            .AddSource(new SourceReference("plan.pdf", "Projektplan"))
            .AddTakenAs(new TakenAs("$.period.implementation", "plan.pdf", "2027–2028", "the two calendar years"));

    private static readonly Dictionary<string, (Func<ProgramDefinitionBuilder, ProgramDefinitionBuilder> Break, string Path, string Message)> Cases = new()
    {
        ["id"] = (b => b.WithId("Steget"), "$.id", "'Steget' is not a kebab-case id"),
        ["id length"] = (b => b.WithId(new string('a', 65)), "$.id", "is not a kebab-case id of 1–64 characters"),
        ["name"] = (b => b.WithName(" "), "$.name", "a program needs a name"),
        ["blank text"] = (b => b.WithOwner(" "), "$.owner", "a text that is stated cannot be blank"),
        ["repeated list entry"] = (b => b.WithMunicipalities(["Kumla", "kumla"]), "$.municipalities[1]", "'kumla' is listed more than once"),
        ["identity number"] = (b => b.WithPurpose("for 811218-9876"), "$.purpose", "looks like a personal identity number"),
        ["e-mail"] = (b => b.WithDescription("ask anna.svensson@example.se"), "$.description", "contains an e-mail address"),
        ["budget"] = (b => b.WithBudget(new Budget(0, "SEK")), "$.budget.amount", "a budget must be above zero"),
        ["currency"] = (b => b.WithBudget(new Budget(10, "kr")), "$.budget.currency", "not a three-letter ISO 4217 currency code"),
        ["places"] = (b => b.WithPlaces(0), "$.places", "places must be above zero, was 0"),
        ["stage reversed"] = (b => b.WithPeriod(new ProgramPeriod(new DateRange(D("2026-12-31"), D("2026-07-01")), new DateRange(D("2027-01-01"), D("2028-12-31")), null)), "$.period.planning", "the planning stage starts after it ends"),
        ["stages overlap"] = (b => b.WithImplementation(D("2026-12-01"), D("2028-12-31")), "$.period.implementation", "the stages follow one another"),
        ["window reversed"] = (b => b.WithEnrolmentWindow(new EnrolmentWindow(D("2028-01-01"), D("2027-06-01"))), "$.enrolmentWindow", "the enrolment window starts after it ends"),
        ["window before implementation"] = (b => b.WithEnrolmentWindow(new EnrolmentWindow(D("2026-12-31"), null)), "$.enrolmentWindow.start", "before the implementation stage"),
        ["window after implementation"] = (b => b.WithEnrolmentWindow(new EnrolmentWindow(null, D("2029-01-01"))), "$.enrolmentWindow.end", "after the implementation stage"),
        ["no phases"] = (b => b.WithPhases([]), "$.phases", "a program needs at least one phase"),
        ["last phase optional"] = (b => b.AddPhase("exit-support", isOptional: true), "$.phases", "the last phase cannot be optional"),
        ["phase id"] = (b => b.AddPhase("Exit Support"), "$.phases[2].id", "not a kebab-case phase id"),
        ["phase state name"] = (b => b.AddPhase("enrolled"), "$.phases[2].id", "'enrolled' is a fixed lifecycle state name"),
        ["phase repeated"] = (b => b.AddPhase("employment"), "$.phases[2]", "phase id 'employment' is used more than once"),
        ["minimum negative"] = (b => b.AddPhase("exit-support", minimumMonths: -1), "$.phases[2].minimumMonths", "minimumMonths cannot be negative"),
        ["maximum zero"] = (b => b.AddPhase("exit-support", maximumMonths: 0), "$.phases[2].maximumMonths", "maximumMonths must be above zero"),
        ["minimum above maximum"] = (b => b.AddPhase("exit-support", minimumMonths: 5, maximumMonths: 4), "$.phases[2].maximumMonths", "minimumMonths (5) is above maximumMonths (4)"),
        ["study days"] = (b => b.AddPhase("exit-support", maxStudyDaysPerWeek: 6), "$.phases[2].maxStudyDaysPerWeek", "maxStudyDaysPerWeek must be 0–5"),
        ["staff role"] = (b => b.AddStaffRole(new StaffRole("Bridge builder")), "$.staff[1].role", "not a kebab-case role id"),
        ["staff repeated"] = (b => b.AddStaffRole(new StaffRole("coach")), "$.staff[1].role", "role 'coach' is listed more than once"),
        ["staff count"] = (b => b.AddStaffRole(new StaffRole("matcher", 0)), "$.staff[1].count", "a staff count must be at least 1"),
        ["staff per municipality without count"] = (b => b.AddStaffRole(new StaffRole("matcher", PerMunicipality: true)), "$.staff[1].perMunicipality", "qualifies a count"),
        ["staff per municipality without municipalities"] = (b => b.WithMunicipalities(null).WithTargetGroup(null), "$.staff[0].perMunicipality", "needs the program's municipalities"),
        ["target group empty"] = (b => b.WithTargetGroup(new TargetGroup([])), "$.targetGroup.required", "at least one required rule"),
        ["unknown rule"] = (b => b.WithTargetGroup(new TargetGroup([new TargetGroupRule("speaks-swedish")])), "$.targetGroup.required[0].rule", "'speaks-swedish' is not a target-group rule; the rules are resides-in-municipality, working-age"),
        ["rule repeated"] = (b => b.WithTargetGroup(new TargetGroup([new(TargetGroupRules.FarFromLabourMarket), new(TargetGroupRules.FarFromLabourMarket)])), "$.targetGroup.required[1].rule", "named more than once"),
        ["rule both required and exception"] = (b => b.WithTargetGroup(new TargetGroup([new(TargetGroupRules.FarFromLabourMarket)], [new(TargetGroupRules.FarFromLabourMarket)])), "$.targetGroup.exceptions[0]", "both required and an exception"),
        ["parameter of another rule"] = (b => b.WithTargetGroup(new TargetGroup([new(TargetGroupRules.WorkingAge, Months: 3)])), "$.targetGroup.required[0].months", "'months' is not a parameter of rule 'working-age', which takes only minimumAge, maximumAge"),
        ["parameter of a rule without any"] = (b => b.WithTargetGroup(new TargetGroup([new(TargetGroupRules.FarFromLabourMarket, MinimumAge: 3)])), "$.targetGroup.required[0].minimumAge", "which takes no parameters"),
        ["age"] = (b => b.WithTargetGroup(new TargetGroup([new(TargetGroupRules.WorkingAge, MinimumAge: 131)])), "$.targetGroup.required[0].minimumAge", "an age must be 0–130"),
        ["age range empty"] = (b => b.WithTargetGroup(new TargetGroup([new(TargetGroupRules.WorkingAge, MinimumAge: 70)])), "$.targetGroup.required[0].minimumAge", "minimum 70 is above maximum 64"),
        ["months of months"] = (b => b.WithTargetGroup(new TargetGroup([new(TargetGroupRules.LongTermSocialAssistance, Months: 13)])), "$.targetGroup.required[0].months", "13 of 12"),
        ["of months"] = (b => b.WithTargetGroup(new TargetGroup([new(TargetGroupRules.LongTermSocialAssistance, OfMonths: 0)])), "$.targetGroup.required[0].ofMonths", "ofMonths must be 1–120"),
        ["assistance months"] = (b => b.WithTargetGroup(new TargetGroup([new(TargetGroupRules.ReceivesSocialAssistance, Months: 25)])), "$.targetGroup.required[0].months", "months must be 1–24"),
        ["within months"] = (b => b.WithTargetGroup(new TargetGroup([new(TargetGroupRules.NewlyArrived, WithinMonths: 0)])), "$.targetGroup.required[0].withinMonths", "withinMonths must be 1–600"),
        ["municipalities empty"] = (b => b.WithTargetGroup(new TargetGroup([new(TargetGroupRules.ResidesInMunicipality, ImmutableArray<string>.Empty)])), "$.targetGroup.required[0].municipalities", "names no municipality"),
        ["municipality repeated"] = (b => b.WithTargetGroup(new TargetGroup([new(TargetGroupRules.ResidesInMunicipality, ["Nora", "NORA"])])), "$.targetGroup.required[0].municipalities[1]", "listed more than once"),
        ["municipalities nowhere"] = (b => b.WithMunicipalities(null).WithStaff(null), "$.targetGroup.required[0].municipalities", "the program states none"),
        ["goal id"] = (b => b.AddGoal(new Goal("Into work", description: "x")), "$.goals[2].id", "not a kebab-case goal id"),
        ["goal repeated"] = (b => b.AddGoal(new Goal("into-work", description: "x")), "$.goals[2].id", "goal id 'into-work' is used more than once"),
        ["quantity repeated"] = (b => b.AddGoal(new Goal("more-work", GoalQuantity.ExitsIntoWork, 10)), "$.goals[2].quantity", "exits-into-work is already tracked by goal 'into-work'"),
        ["quantity without target"] = (b => b.AddGoal(new Goal("entries", GoalQuantity.Enrolments)), "$.goals[2].target", "a goal with a quantity needs a target"),
        ["target without quantity"] = (b => b.AddGoal(new Goal("entries", target: 10, description: "x")), "$.goals[2].quantity", "a target needs the quantity it counts"),
        ["goal in words without words"] = (b => b.AddGoal(new Goal("valued")), "$.goals[2].description", "needs a description"),
        ["share above one"] = (b => b.WithGoals([new Goal("women-share", GoalQuantity.WomenShare, 1.5m)]), "$.goals[0].target", "a share is a fraction above 0 and at most 1"),
        ["count not whole"] = (b => b.WithGoals([new Goal("entries", GoalQuantity.Enrolments, 10.5m)]), "$.goals[0].target", "a whole number of at least 1"),
        ["target above places"] = (b => b.WithGoals([new Goal("entries", GoalQuantity.Enrolments, 101)]), "$.goals[0].target", "above the program's 100 places"),
        ["milestones without quantity"] = (b => b.WithGoals([new Goal("valued", description: "x", milestones: [new GoalMilestone(D("2027-06-01"), 1)])]), "$.goals[0].milestones", "milestones need a goal with a quantity and a target"),
        ["milestone order"] = (b => b.WithGoals([new Goal("w", GoalQuantity.ExitsIntoWork, 50, milestones: [new GoalMilestone(D("2027-06-01"), 10), new GoalMilestone(D("2027-06-01"), 20)])]), "$.goals[0].milestones[1].on", "in date order"),
        ["milestone falls"] = (b => b.WithGoals([new Goal("w", GoalQuantity.ExitsIntoWork, 50, milestones: [new GoalMilestone(D("2027-06-01"), 20), new GoalMilestone(D("2028-06-01"), 10)])]), "$.goals[0].milestones[1].target", "cannot fall below the one before it"),
        ["milestone above target"] = (b => b.WithGoals([new Goal("w", GoalQuantity.ExitsIntoWork, 50, milestones: [new GoalMilestone(D("2027-06-01"), 60)])]), "$.goals[0].milestones[0].target", "above the goal's (50)"),
        ["milestone outside period"] = (b => b.WithGoals([new Goal("w", GoalQuantity.ExitsIntoWork, 50, milestones: [new GoalMilestone(D("2029-04-01"), 10)])]), "$.goals[0].milestones[0].on", "2029-04-01 is outside the program's period"),
        ["report repeated"] = (b => b.AddReport(new ReportDuty(ReportKind.MonthlySummary)), "$.reports[2].kind", "monthly-summary is listed more than once"),
        ["evaluator on a monthly summary"] = (b => b.WithReports([new ReportDuty(ReportKind.MonthlySummary, "x")]), "$.reports[0].evaluatedBy", "only a final report names who evaluates"),
        ["days to submit"] = (b => b.WithReports([new ReportDuty(ReportKind.MonthlySummary, DaysToSubmit: -1)]), "$.reports[0].daysToSubmit", "daysToSubmit must be 0–366"),
        ["unknown strategic goal"] = (b => b.AddStrategicGoal("world-peace"), "$.strategicGoals[1]", "'world-peace' is not a known strategic goal"),
        ["strategic goal repeated"] = (b => b.AddStrategicGoal("roma-inclusion-strategy-2012-2032"), "$.strategicGoals[1]", "listed more than once"),
        ["source with directory"] = (b => b.AddSource(new SourceReference("docs/plan.pdf")), "$.sources[1].file", "without a directory"),
        ["source repeated"] = (b => b.AddSource(new SourceReference("plan.pdf")), "$.sources[1].file", "listed more than once"),
        ["reading of an unnamed source"] = (b => b.AddTakenAs(new TakenAs("$.places", "minutes.pdf", null, "x")), "$.takenAs[1].source", "'minutes.pdf' is not one of the definition's sources"),
        ["reading of no field"] = (b => b.AddTakenAs(new TakenAs("$.colour", "plan.pdf", null, "x")), "$.takenAs[1].path", "'$.colour' does not name a field of this definition"),
        ["reading of an unknown value"] = (b => b.AddTakenAs(new TakenAs("$.purpose", "plan.pdf", null, "x")), "$.takenAs[1].path", "'$.purpose' is unknown (null) here"),
        ["reading repeated"] = (b => b.AddTakenAs(new TakenAs("$.period.implementation", "plan.pdf", null, "x")), "$.takenAs[1].path", "already has a reading"),
        ["reading of a reading"] = (b => b.AddTakenAs(new TakenAs("$.takenAs[0].reading", "plan.pdf", null, "x")), "$.takenAs[1].path", "a reading is about the program"),
        ["quote of an unknown value"] = (b => b.AddStatedBy(new StatedBy("$.purpose", "plan.pdf", "x")), "$.statedBy[0].path", "'$.purpose' is unknown (null) here; a quote states a value"),
        ["quote of a source no one named"] = (b => b.AddStatedBy(new StatedBy("$.name", "other.pdf", "x")), "$.statedBy[0].source", "'other.pdf' is not one of the definition's sources"),
        ["quote without words"] = (b => b.AddStatedBy(new StatedBy("$.name", "plan.pdf", " ")), "$.statedBy[0].says", "a text that is stated cannot be blank"),
        ["finding without words"] = (b => b.AddFinding(new Finding(null, "x", "plan.pdf", "")), "$.findings[0].says", "a text that is stated cannot be blank"),
        ["ceiling in words"] = (b => b.AddGoal(new Goal("valued", description: "x", bound: GoalBound.AtMost)), "$.goals[2].bound", "a ceiling (at-most) needs the quantity"),
    };

    public static TheoryData<string> CaseNames() => [.. Cases.Keys];

    [Fact]
    public void Base_IsValid()
    {
        var result = Base().TryBuild();

        Assert.True(result.Success, string.Join("\n", result.Problems));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void BrokenDefinition_IsReportedAtItsPath(string name)
    {
        var (breakIt, path, message) = Cases[name];

        var problems = breakIt(Base()).TryBuild().Problems;

        var problem = Assert.Single(problems, p => p.Path == path);
        Assert.Contains(message, problem.Message);
        Assert.All(problems, p => Assert.Equal(path, p.Path));
    }

    [Fact]
    public void Build_Invalid_ThrowsOneExceptionWithEveryProblem()
    {
        var e = Assert.Throws<InvalidProgramDefinitionException>(() => Base().WithPlaces(0).WithId("Bad").Build());

        Assert.Equal(["$.id", "$.places"], e.Problems.Select(p => p.Path));
    }
}
