using InclusionModel.Histories;
using InclusionModel.Programs;
using InclusionModel.Reports;
using NodaTime;
using static InclusionModel.Tests.TestData;

namespace InclusionModel.Tests.Reports;

/// <summary>Every figure of docs/interchange-contract.md §6 on small histories whose counts are checked by hand.</summary>
public class ReportAccumulatorTest
{
    private const string Motala = "motala-utanforskap-till-sysselsattning";
    private static readonly ReportPeriod April = ReportPeriod.Month(new YearMonth(2020, 4));

    private static ParticipantHistory Person(string id, Gender gender, EducationLevel? education, params HistoryEvent[] events)
        => ParticipantHistory.Create(id, Motala, events, gender, educationLevel: education);

    private static HistoryEvent[] EnrolledOn(string date)
        => [HistoryEvent.Referred(D(date).PlusDays(-5)), HistoryEvent.Assessed(D(date).PlusDays(-2), true), HistoryEvent.Enrolled(D(date)), HistoryEvent.PhaseStarted(D(date), "coaching")];

    private static ProgramReport Report(ReportPeriod period, params ParticipantHistory[] histories)
    {
        var accumulator = new ReportAccumulator(ProgramCatalogue.BuiltIn.Get(Motala), period);
        foreach (var history in histories)
        {
            accumulator.Add(history, isValid: true);
        }

        return accumulator.ToReport();
    }

    [Fact]
    public void StillIn_IsCountedInItsPhase()
    {
        var report = Report(April, Person("a", Gender.Woman, EducationLevel.PostSecondary, EnrolledOn("2020-01-10")));

        Assert.Equal(1, report.Participants);
        Assert.Equal([new BreakdownCell("woman", 1)], report.ByGender.ToArray());
        Assert.Equal([new BreakdownCell("post-secondary", 1)], report.ByEducation.ToArray());
        Assert.Equal([new BreakdownCell("coaching", 1)], report.ByState.ToArray());
        Assert.Equal(0, report.Entered);
    }

    [Theory]
    [InlineData("2020-03-31", 0)] // left the day before the period
    [InlineData("2020-04-01", 1)] // left on its first day: enrolled that day
    [InlineData("2020-04-30", 1)]
    public void Exit_CountsThoseEnrolledOnSomeDayOfThePeriod(string exit, int participants)
    {
        var report = Report(April, Person("a", Gender.Man, null, [.. EnrolledOn("2020-01-10"), HistoryEvent.Exited(D(exit), ExitReason.Completed, Outcome.Work, EmploymentForm.Seasonal)]));

        Assert.Equal(participants, report.Participants);
        Assert.Equal(participants, report.Exited);
        Assert.Equal(participants == 1 ? [new BreakdownCell("exited", 1)] : [], report.ByState.ToArray());
        Assert.Equal(participants == 1 ? [new BreakdownCell("seasonal", 1)] : [], report.ExitedByEmploymentForm.ToArray());
        Assert.Equal(participants == 1 ? [new BreakdownCell("unknown", 1)] : [], report.ByEducation.ToArray());
    }

    [Theory]
    [InlineData("2020-04-30", 1, 1)] // enrolled on the period's last day
    [InlineData("2020-05-01", 0, 0)] // after it
    public void Enrolment_InThePeriodIsEntered(string enrolled, int participants, int entered)
    {
        var report = Report(April, Person("a", Gender.Unspecified, null, EnrolledOn(enrolled)));

        Assert.Equal((participants, entered), ((int)report.Participants, (int)report.Entered));
    }

    [Fact]
    public void PausedOnTheLastDay_IsCountedAsPaused_AndAPauseAfterItIsNot()
    {
        var report = Report(
            April,
            Person("a", Gender.Woman, null, [.. EnrolledOn("2020-01-10"), HistoryEvent.Paused(D("2020-04-20"), PauseReason.SickLeave)]),
            Person("b", Gender.Woman, null, [.. EnrolledOn("2020-01-10"), HistoryEvent.Paused(D("2020-05-02"))]));

        Assert.Equal([new BreakdownCell("coaching", 1), new BreakdownCell("paused", 1)], report.ByState.ToArray());
    }

    [Fact]
    public void ParticipantWhoComesBack_IsCountedOnce_EachEnrolmentIsEntered()
    {
        var history = Person("a", Gender.Man, null,
        [
            .. EnrolledOn("2020-04-02"),
            HistoryEvent.Exited(D("2020-04-10"), ExitReason.EarlyExit, Outcome.Work, EmploymentForm.Hourly),
            HistoryEvent.Referred(D("2020-04-15")),
            HistoryEvent.Assessed(D("2020-04-16"), true),
            HistoryEvent.Enrolled(D("2020-04-20")),
            HistoryEvent.PhaseStarted(D("2020-04-20"), "coaching"),
        ]);

        var report = Report(April, history);

        Assert.Equal((1, 2, 1), (report.Participants, report.Entered, report.Exited));
        Assert.Equal([new BreakdownCell("coaching", 1)], report.ByState.ToArray());
    }

    [Fact]
    public void JobInterviews_DistinctParticipants_AndThoseHired_InThePeriod()
    {
        var report = Report(
            April,
            Person("a", Gender.Woman, null, [.. EnrolledOn("2020-01-10"), HistoryEvent.Activity(D("2020-04-02"), ActivityKind.JobInterview, InterviewResult.NotHired), HistoryEvent.Activity(D("2020-04-09"), ActivityKind.JobInterview, InterviewResult.Hired)]),
            Person("b", Gender.Man, null, [.. EnrolledOn("2020-01-10"), HistoryEvent.Activity(D("2020-04-03"), ActivityKind.JobInterview, InterviewResult.Pending), HistoryEvent.Activity(D("2020-04-04"), ActivityKind.Course)]),
            Person("c", Gender.Man, null, [.. EnrolledOn("2020-01-10"), HistoryEvent.Activity(D("2020-03-31"), ActivityKind.JobInterview, InterviewResult.Hired)]));

        Assert.Equal((2, 1), (report.JobInterviewParticipants, report.JobInterviewHired));
    }

    [Fact]
    public void Exits_ByReasonOutcomeAndForm_AndFollowUps()
    {
        var report = Report(
            April,
            Person("a", Gender.Woman, null, [.. EnrolledOn("2020-01-10"), HistoryEvent.Exited(D("2020-04-05"), ExitReason.Completed, Outcome.Work)]),
            Person("b", Gender.Woman, null, [.. EnrolledOn("2020-01-10"), HistoryEvent.Exited(D("2020-04-06"), ExitReason.Discontinued)]),
            Person("c", Gender.Woman, null, [.. EnrolledOn("2019-01-10"), HistoryEvent.Exited(D("2019-10-06"), ExitReason.Completed, Outcome.Studies), HistoryEvent.FollowedUp(D("2020-04-06"), Outcome.Work, EmploymentForm.Regular)]));

        Assert.Equal(2, report.Exited);
        Assert.Equal([new BreakdownCell("completed", 1), new BreakdownCell("discontinued", 1)], report.ExitedByReason.ToArray());
        Assert.Equal([new BreakdownCell("work", 1), new BreakdownCell("unknown", 1)], report.ExitedByOutcome.ToArray());
        Assert.Equal([new BreakdownCell("unknown", 1)], report.ExitedByEmploymentForm.ToArray());
        Assert.Equal(1, report.FollowUps);
        Assert.Equal([new BreakdownCell("work", 1)], report.FollowUpsByOutcome.ToArray());
        Assert.Equal(2, report.Participants); // c left in 2019: followed up, not a participant of April
    }

    [Fact]
    public void OtherProgramsAreSkippedAndCounted_InvalidRecordsCountAsFarAsTheirEventsGo()
    {
        var accumulator = new ReportAccumulator(ProgramCatalogue.BuiltIn.Get(Motala), April);
        accumulator.Add(ParticipantHistory.Create("x", "hallefors-all-in", [HistoryEvent.Enrolled(D("2020-04-01"))]), isValid: true);
        accumulator.Add(Person("a", Gender.Man, null, [HistoryEvent.Enrolled(D("2020-04-01")), HistoryEvent.Enrolled(D("2020-04-02"))]), isValid: false);
        accumulator.AddMalformed();

        var report = accumulator.ToReport();

        Assert.Equal((3, 1, 1, 1, 1), (report.RecordsRead, report.RecordsOfProgram, report.RecordsOfOtherPrograms, report.RecordsInvalid, report.RecordsMalformed));
        Assert.Equal((1, 2), (report.Participants, report.Entered));
    }

    [Fact]
    public void Merge_OfAnotherProgramOrPeriod_IsRefused()
    {
        var a = new ReportAccumulator(ProgramCatalogue.BuiltIn.Get(Motala), April);

        Assert.Throws<ArgumentException>(() => a.Merge(new ReportAccumulator(ProgramCatalogue.BuiltIn.Get(Motala), ReportPeriod.Month(new YearMonth(2020, 5)))));
        Assert.Throws<ArgumentException>(() => a.Merge(new ReportAccumulator(AllIn, April)));
    }

    [Fact]
    public void Periods_AreCheckedWhereTheyAreMade()
    {
        Assert.Throws<ArgumentException>(() => ReportPeriod.Between(D("2020-05-01"), D("2020-04-30")));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportPeriod.HalfYear(2020, 3));
        Assert.Equal((D("2020-07-01"), D("2020-12-31")), (ReportPeriod.HalfYear(2020, 2).From, ReportPeriod.HalfYear(2020, 2).To));
        Assert.Equal((D("2017-09-01"), D("2020-05-31")), (ReportPeriod.Final(AllIn).From, ReportPeriod.Final(AllIn).To));
        Assert.Throws<ArgumentException>(() => ReportPeriod.Final(ProgramCatalogue.BuiltIn.Get("helsingborg-vorta-drom")));
    }

    [Fact]
    public void PerThreadAccumulators_Merged_CountExactly()
    {
        // The documented use across threads: one accumulator per thread, merged at the end.
        var program = ProgramCatalogue.BuiltIn.Get(Motala);
        var histories = InclusionModel.Testing.HistoryGenerators.Sample(program, 4000, seed: 11).Select(g => g.History).ToList();
        var one = new ReportAccumulator(program, April);
        histories.ForEach(h => one.Add(h, isValid: true));

        var perThread = new ReportAccumulator[4];
        Parallel.For(0, perThread.Length, t =>
        {
            var mine = perThread[t] = new ReportAccumulator(program, April);
            for (int i = t; i < histories.Count; i += perThread.Length)
            {
                mine.Add(histories[i], isValid: true);
            }
        });
        for (int t = 1; t < perThread.Length; t++)
        {
            perThread[0].Merge(perThread[t]);
        }

        Assert.Equal(ReportWriter.Rows(one.ToReport()), ReportWriter.Rows(perThread[0].ToReport()));
        Assert.True(one.ToReport().Participants > 0);
    }
}
