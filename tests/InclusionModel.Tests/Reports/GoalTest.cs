using InclusionModel.Histories;
using InclusionModel.Programs;
using InclusionModel.Reports;
using NodaTime;
using static InclusionModel.Tests.TestData;

namespace InclusionModel.Tests.Reports;

/// <summary>All in's goals (648 places, at least half women, 390 into work), with projections computed by hand.</summary>
public class GoalTest
{
    private static ParticipantHistory Enrolled(int i, LocalDate on, Gender gender, LocalDate? exitIntoWork = null)
    {
        var events = new List<HistoryEvent> { HistoryEvent.Referred(on.PlusDays(-3)), HistoryEvent.Assessed(on.PlusDays(-1), true), HistoryEvent.Enrolled(on), HistoryEvent.PhaseStarted(on, "activities") };
        if (exitIntoWork is { } exit)
        {
            events.Add(HistoryEvent.Exited(exit, ExitReason.Completed, Outcome.Work, EmploymentForm.Regular));
        }

        return ParticipantHistory.Create($"p-{i}", "hallefors-all-in", events, gender);
    }

    /// <summary>All in with its places goal as a floor ("at least 648"), to pin what a floor means; the catalogue's is a ceiling.</summary>
    private static readonly ProgramDefinition AllInWithAFloor = ProgramDefinitionBuilder.From(AllIn)
        .WithGoals(AllIn.Goals!.Value.Select(g => g.Id == "places" ? new Goal("places", g.Quantity, g.Target, "at least 648 take part") : g))
        .Build();

    private static ProgramReport AllInReport(string asOf, IEnumerable<ParticipantHistory> histories, ProgramDefinition? program = null)
    {
        var accumulator = new ReportAccumulator(program ?? AllIn, ReportPeriod.Between(D(asOf).PlusDays(-29), D(asOf)));
        foreach (var h in histories)
        {
            accumulator.Add(h, true);
        }

        return accumulator.ToReport();
    }

    /// <summary>100 people enrolled in the first year of implementation, 60 of them women, 30 of them out into work.</summary>
    private static IEnumerable<ParticipantHistory> FirstYear()
        => Enumerable.Range(0, 100).Select(i => Enrolled(i, D("2018-03-01").PlusDays(i * 3), i < 60 ? Gender.Woman : Gender.Man, i < 30 ? D("2018-06-01").PlusDays(i * 5) : null));

    [Fact]
    public void AFloor_ProjectedAtTheRateSoFar_IsAtRiskWhenEvenTheHighEndFallsShort()
    {
        // 2018-03-01 to 2019-02-28 is 365 of the window's 731 days: 100 × 731/365 = 200.3;
        // 90 % range (100 ∓ 1.645·√100) × 731/365 = 167.3 to 233.2, all below 648.
        var places = AllInReport("2019-02-28", FirstYear(), AllInWithAFloor).Goals.Single(g => g.Id == "places");

        Assert.Equal(100, places.Actual);
        Assert.Equal(new GoalProjection(200.3m, 167.3m, 233.2m, D("2020-02-29")), places.Projection);
        Assert.Equal(GoalStatus.AtRisk, places.Status);
    }

    [Fact]
    public void WomenShare_IsAShareWithAWilsonRange_OnTrackWhileTheRangeReachesTheTarget()
    {
        // 60 of 100: Wilson 90 % range 0.5178 to 0.6769 (computed by hand).
        var share = AllInReport("2019-02-28", FirstYear()).Goals.Single(g => g.Id == "women-share");

        Assert.Equal((0.5m, 0.6m), (share.Target, share.Actual));
        Assert.Equal((0.5178m, 0.6769m), (share.Projection!.Value.Low, share.Projection.Value.High));
        Assert.Equal(GoalStatus.OnTrack, share.Status);
    }

    [Fact]
    public void WomenShare_FarBelow_IsAtRisk_AndAfterImplementationItIsMetOrMissed()
    {
        var fewWomen = Enumerable.Range(0, 100).Select(i => Enrolled(i, D("2018-03-01").PlusDays(i), i < 30 ? Gender.Woman : Gender.Man));

        Assert.Equal(GoalStatus.AtRisk, AllInReport("2019-02-28", fewWomen).Goals.Single(g => g.Id == "women-share").Status);
        Assert.Equal(GoalStatus.Missed, AllInReport("2020-03-31", fewWomen).Goals.Single(g => g.Id == "women-share").Status);
        Assert.Equal(GoalStatus.Met, AllInReport("2020-03-31", FirstYear()).Goals.Single(g => g.Id == "women-share").Status);
    }

    [Fact]
    public void IntoWork_CountsExitsIntoWorkSoFar_OverTheWholeProgram()
    {
        // 30 exits into work by 2019-02-28; the time for exits runs to the end of closing, 2020-05-31 (823 days).
        var intoWork = AllInReport("2019-02-28", FirstYear()).Goals.Single(g => g.Id == "into-work");

        Assert.Equal(30, intoWork.Actual);
        Assert.Equal(D("2020-05-31"), intoWork.Projection!.Value.By);
        Assert.Equal(Math.Round(30m * 823 / 365, 1), intoWork.Projection.Value.Expected);
        Assert.Equal(GoalStatus.AtRisk, intoWork.Status);
    }

    [Fact]
    public void AFloor_TargetReached_IsMet_AndTimeRunOut_IsMissed()
    {
        var many = Enumerable.Range(0, 648).Select(i => Enrolled(i, D("2018-03-01").PlusDays(i % 700), Gender.Woman));

        Assert.Equal(GoalStatus.Met, AllInReport("2020-02-29", many, AllInWithAFloor).Goals.Single(g => g.Id == "places").Status);
        Assert.Equal(GoalStatus.Missed, AllInReport("2020-03-01", FirstYear(), AllInWithAFloor).Goals.Single(g => g.Id == "places").Status);
    }

    [Fact]
    public void PlacesCeiling_FewerEnrolled_IsOnTrackThenMet_NeverAtRisk()
    {
        // "Maximalt 648 personer ska delta": 100 of at most 648, projected to 200, keeps the ceiling.
        var places = AllInReport("2019-02-28", FirstYear()).Goals.Single(g => g.Id == "places");

        Assert.Equal(GoalBound.AtMost, AllIn.Goals!.Value.Single(g => g.Id == "places").Bound);
        Assert.Equal((100m, GoalStatus.OnTrack), (places.Actual, places.Status));
        Assert.Equal(GoalStatus.Met, AllInReport("2020-03-01", FirstYear()).Goals.Single(g => g.Id == "places").Status);
    }

    [Fact]
    public void Ceiling_Passed_IsMissed_AndAProjectionSureToPassIt_IsAtRisk()
    {
        var program = ProgramDefinitionBuilder.From(AllIn)
            .WithGoals([new Goal("places", GoalQuantity.Enrolments, 150, "at most 150", bound: GoalBound.AtMost)])
            .Build();

        // 100 in the first 365 of 731 days: the low end of the range, 167.3, is over 150.
        Assert.Equal(GoalStatus.AtRisk, AllInReport("2019-02-28", FirstYear(), program).Goals.Single().Status);
        var more = FirstYear().Concat(Enumerable.Range(100, 60).Select(i => Enrolled(i, D("2019-03-01").PlusDays(i), Gender.Man)));
        Assert.Equal(GoalStatus.Missed, AllInReport("2019-08-31", more, program).Goals.Single().Status);
    }

    [Fact]
    public void BeforeImplementation_NothingIsProjected()
    {
        var places = AllInReport("2018-01-31", []).Goals.Single(g => g.Id == "places");

        Assert.Null(places.Projection);
        Assert.Equal(GoalStatus.OnTrack, places.Status);
    }

    [Fact]
    public void MilestoneDueAndBehind_IsAtRisk()
    {
        var program = ProgramDefinitionBuilder.From(AllIn)
            .WithGoals([new Goal("places", GoalQuantity.Enrolments, 200, milestones: [new GoalMilestone(D("2018-12-31"), 150)])])
            .Build();
        var accumulator = new ReportAccumulator(program, ReportPeriod.Month(new YearMonth(2019, 1)));
        foreach (var h in FirstYear())
        {
            accumulator.Add(h, true);
        }

        var goal = accumulator.ToReport().Goals.Single();

        Assert.Equal(new GoalMilestone(D("2018-12-31"), 150), goal.Milestone);
        Assert.True(goal.Projection!.Value.High >= 200); // the range alone would be on track …
        Assert.Equal(GoalStatus.AtRisk, goal.Status); // … but 100 is behind the milestone of 150
    }

    [Fact]
    public void ProgramsWithoutMeasurableGoals_ReportNone()
    {
        var accumulator = new ReportAccumulator(ProgramCatalogue.BuiltIn.Get("vasteras-romane-droma"), ReportPeriod.Month(new YearMonth(2013, 1)));

        Assert.Empty(accumulator.ToReport().Goals);
    }
}

public class GoalAfterItsTimeTest
{
    [Fact]
    public void AGoalWhoseTimeIsOver_ShowsNoProjectionRange_OnlyItsResult()
    {
        var allIn = InclusionModel.Programs.ProgramCatalogue.BuiltIn.Get("hallefors-all-in");
        var reader = new InclusionModel.Histories.HistoryReader();
        var histories = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "samples", "all-in.ndjson")).Select(l => reader.Read(l).GetValueOrThrow()).ToList();

        var final = ReportBuilder.Build(histories, allIn, ReportPeriod.Final(allIn));
        var during = ReportBuilder.Build(histories, allIn, ReportPeriod.Month(new NodaTime.YearMonth(2019, 6)));

        Assert.NotEmpty(final.Goals);
        Assert.All(final.Goals, g => Assert.Null(g.Projection));
        Assert.All(final.Goals, g => Assert.True(g.Status is GoalStatus.Met or GoalStatus.Missed, g.ToString()));
        Assert.Contains(during.Goals, g => g.Projection is not null);
    }
}
