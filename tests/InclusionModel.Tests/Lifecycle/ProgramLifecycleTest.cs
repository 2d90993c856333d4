using InclusionModel.Contract;
using InclusionModel.Histories;
using InclusionModel.Lifecycle;
using InclusionModel.Programs;
using InclusionModel.Validation;
using static InclusionModel.Tests.TestData;

namespace InclusionModel.Tests.Lifecycle;

public class ProgramLifecycleTest
{
    private static ProgramLifecycle Bucha => TestData.Bucha.Lifecycle;

    private static ParticipantStatus InPhase(ProgramLifecycle lifecycle, string phase, string since)
        => new(lifecycle.PhaseState(phase), D(since), 0, null);

    [Fact]
    public void States_Bucha_AreFixedStatesThenPhasesThenPausedPhases()
    {
        Assert.Equal(
            ["not yet referred", "referred", "eligible", "ineligible", "waitlisted", "enrolled", "exited",
             "preparation", "employment", "exit-support",
             "paused in preparation", "paused in employment", "paused in exit-support"],
            Bucha.States.Select(s => s.ToString()));
    }

    [Theory]
    [InlineData("not yet referred", "referred", "referred")]
    [InlineData("ineligible", "referred", "referred")]
    [InlineData("exited", "referred", "referred")]
    [InlineData("referred", "assessed (eligible)", "eligible")]
    [InlineData("referred", "assessed (not eligible)", "ineligible")]
    [InlineData("eligible", "waitlisted", "waitlisted")]
    [InlineData("eligible", "enrolled", "enrolled")]
    [InlineData("waitlisted", "enrolled", "enrolled")]
    [InlineData("enrolled", "phase-started (preparation)", "preparation")]
    [InlineData("preparation", "phase-started (employment)", "employment")]
    [InlineData("employment", "phase-started (exit-support)", "exit-support")]
    [InlineData("employment", "paused", "paused in employment")]
    [InlineData("paused in employment", "resumed", "employment")]
    [InlineData("referred", "exited", "exited")]
    [InlineData("eligible", "exited", "exited")]
    [InlineData("waitlisted", "exited", "exited")]
    [InlineData("enrolled", "exited", "exited")]
    [InlineData("employment", "exited (completed)", "exited")]
    [InlineData("paused in employment", "exited", "exited")]
    [InlineData("enrolled", "activity", "enrolled")]
    [InlineData("employment", "activity", "employment")]
    [InlineData("exited", "followed-up", "exited")]
    [InlineData("not yet referred", "enrolled", null)]
    [InlineData("referred", "enrolled", null)]
    [InlineData("ineligible", "enrolled", null)]
    [InlineData("enrolled", "phase-started (employment)", null)]
    [InlineData("preparation", "phase-started (exit-support)", null)]
    [InlineData("exit-support", "phase-started (preparation)", null)]
    [InlineData("paused in employment", "paused", null)]
    [InlineData("employment", "resumed", null)]
    [InlineData("paused in employment", "activity", null)]
    [InlineData("referred", "activity", null)]
    [InlineData("exited", "exited", null)]
    [InlineData("ineligible", "exited", null)]
    [InlineData("enrolled", "followed-up", null)]
    [InlineData("employment", "referred", null)]
    public void TargetOf_Bucha_FollowsTheContractTable(string from, string trigger, string? to)
    {
        var state = Bucha.States.Single(s => s.ToString() == from);
        var move = Bucha.Triggers.Single(t => t.ToString() == trigger);

        Assert.Equal(to, Bucha.TargetOf(state, move)?.ToString());
    }

    [Fact]
    public void NextPhases_RomaneDroma_SkipOnlyTheOptionalCourse()
    {
        var droma = Droma.Lifecycle;

        Assert.Equal(["orientation-course", "individual-plan"], droma.NextPhases(LifecycleState.Enrolled));
        Assert.Equal(["individual-plan"], droma.NextPhases(droma.PhaseState("orientation-course")));
        Assert.Equal(["pathway"], droma.NextPhases(droma.PhaseState("individual-plan")));
        Assert.Empty(droma.NextPhases(droma.PhaseState("pathway")));
    }

    [Fact]
    public void CheckTransition_EmploymentTooShort_SaysWhyWithTheRuleId()
    {
        var status = InPhase(Bucha, "employment", "2012-04-01");

        var check = Bucha.CheckTransition(status, Bucha.StartPhase("exit-support"), D("2012-12-01"));

        Assert.False(check.IsAllowed);
        var reason = Assert.Single(check.Reasons);
        Assert.Equal("phase-min-duration", reason.RuleId);
        Assert.Equal("employment lasted 8 months; at least 10 months", reason.Message);
    }

    [Fact]
    public void CheckTransition_EmploymentLongEnough_IsAllowedAndLeadsToExitSupport()
    {
        var check = Bucha.CheckTransition(InPhase(Bucha, "employment", "2012-04-01"), Bucha.StartPhase("exit-support"), D("2013-02-01"));

        Assert.True(check.IsAllowed);
        Assert.Equal(Bucha.PhaseState("exit-support"), check.Target);
        Assert.Empty(check.Reasons);
    }

    [Fact]
    public void CheckTransition_EveryUnmetGuard_IsAReason()
    {
        var status = new ParticipantStatus(LifecycleState.Eligible, null, 0, null);

        var check = Bucha.CheckTransition(status, LifecycleTrigger.Of(TriggerKind.Enrolled), D("2015-03-01"), placesTaken: 30);

        Assert.Equal(["capacity-exceeded", "outside-enrolment-window"], check.Reasons.Select(r => r.RuleId).Order());
    }

    /// <summary>Three places, no window: the n-th enrolment (n = placesTaken + 1) is allowed while n ≤ 3 (contract §3, capacity-exceeded).</summary>
    [Theory]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(2, true)] // places − 1 taken: the last place is still free
    [InlineData(3, false)] // places taken: the fourth enrolment exceeds
    [InlineData(4, false)]
    public void CheckTransition_Enrolment_IsAllowedWhilePlacesAreFree(int placesTaken, bool allowed)
    {
        var threePlaces = ProgramDefinition.Create("three-places", "Three places", [PhaseDefinition.Create("activities")], places: 3).Lifecycle;
        var status = new ParticipantStatus(LifecycleState.Eligible, null, 0, null);

        var check = threePlaces.CheckTransition(status, LifecycleTrigger.Of(TriggerKind.Enrolled), D("2020-01-01"), placesTaken);

        Assert.Equal(allowed, check.IsAllowed);
        Assert.Equal(allowed ? [] : ["capacity-exceeded"], check.Reasons.Select(r => r.RuleId));
    }

    [Fact]
    public void CheckTransition_StudyDays_AreAGuardOfTheEmploymentStart()
    {
        var status = InPhase(Bucha, "preparation", "2012-03-01");

        var check = Bucha.CheckTransition(status, Bucha.StartPhase("employment"), D("2012-04-01"), studyDaysPerWeek: 2);

        Assert.Equal("2 study days a week in employment; at most 1", Assert.Single(check.Reasons).Message);
    }

    [Theory]
    [InlineData("enrolled", "exit-support", "phase-order")]
    [InlineData("referred", "preparation", "transition-not-allowed")]
    [InlineData("paused in employment", "exit-support", "transition-not-allowed")]
    public void CheckTransition_MoveTheTableLacks_IsRefusedStructurally(string from, string phase, string rule)
    {
        var state = Bucha.States.Single(s => s.ToString() == from);
        var status = new ParticipantStatus(state, state.PhaseIndex >= 0 ? D("2012-01-01") : null, 0, state.Kind == StateKind.Paused ? D("2012-02-01") : null);

        var check = Bucha.CheckTransition(status, Bucha.StartPhase(phase), D("2013-06-01"));

        Assert.Equal(rule, Assert.Single(check.Reasons).RuleId);
    }

    [Fact]
    public void CheckTransition_IsSafeFromManyThreads()
    {
        var early = InPhase(Bucha, "employment", "2012-04-01");
        var results = new bool[2000];

        Parallel.For(0, results.Length, i =>
        {
            var on = D("2012-04-01").PlusMonths(i % 2 == 0 ? 6 : 11);
            results[i] = Bucha.CheckTransition(early, Bucha.StartPhase("exit-support"), on).IsAllowed == (i % 2 == 1);
        });

        Assert.All(results, Assert.True);
    }

    [Fact]
    public void Apply_PauseAndResume_KeepsPhaseStartAndCountsPausedDays()
    {
        var status = InPhase(Bucha, "employment", "2012-04-01");

        status = Bucha.Apply(status, LifecycleTrigger.Of(TriggerKind.Paused), D("2012-05-01"));
        status = Bucha.Apply(status, LifecycleTrigger.Of(TriggerKind.Resumed), D("2012-05-21"));

        Assert.Equal(new ParticipantStatus(Bucha.PhaseState("employment"), D("2012-04-01"), 20, null), status);
    }

    [Fact]
    public void Apply_MoveTheTableLacks_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => Bucha.Apply(ParticipantStatus.Initial, LifecycleTrigger.Of(TriggerKind.Enrolled), D("2012-01-01")));
    }

    [Fact]
    public void StateOfAnotherProgram_IsRejected()
    {
        var droma = Droma.Lifecycle;

        Assert.Throws<ArgumentException>(() => Bucha.TargetOf(droma.PhaseState("pathway"), LifecycleTrigger.Of(TriggerKind.Paused)));
        Assert.Throws<ArgumentException>(() => Bucha.StartPhase("pathway"));
    }

    [Fact]
    public void ToMermaid_NamesEveryPhaseAndTheGuardRules()
    {
        string mermaid = Bucha.ToMermaid();

        Assert.StartsWith("stateDiagram-v2", mermaid);
        foreach (var phase in TestData.Bucha.Phases)
        {
            Assert.Contains(phase.Id, mermaid);
        }

        Assert.Contains("phase-min-duration", mermaid);
        Assert.Contains("outside-enrolment-window", mermaid);
        Assert.Contains("capacity-exceeded", mermaid);
    }

    [Fact]
    public void ToDot_IsADigraphWithEveryState()
    {
        string dot = Bucha.ToDot();

        Assert.StartsWith("digraph", dot.TrimStart());
        Assert.All(Bucha.States, s => Assert.Contains(s.ToString(), dot));
    }

    [Fact]
    public void ProgramsWithoutWindowOrPlaces_HaveNoSuchGuards()
    {
        string mermaid = ProgramCatalogue.BuiltIn.Get("helsingborg-vorta-drom").Lifecycle.ToMermaid();

        Assert.DoesNotContain("outside-enrolment-window", mermaid);
        Assert.DoesNotContain("capacity-exceeded", mermaid);
    }
}
