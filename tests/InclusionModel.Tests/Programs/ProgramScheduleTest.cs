using FsCheck.Xunit;
using InclusionModel.Programs;
using NodaTime;
using static InclusionModel.Tests.TestData;

namespace InclusionModel.Tests.Programs;

public class ProgramScheduleTest
{
    private static ProgramDefinition Program(string id) => ProgramCatalogue.BuiltIn.Get(id);

    [Theory]
    [InlineData("2017-09-01", ProgramStage.Planning)]
    [InlineData("2018-02-28", ProgramStage.Planning)]
    [InlineData("2018-03-01", ProgramStage.Implementation)]
    [InlineData("2020-02-29", ProgramStage.Implementation)]
    [InlineData("2020-03-01", ProgramStage.Closing)]
    [InlineData("2020-05-31", ProgramStage.Closing)]
    [InlineData("2020-06-01", ProgramStage.Closed)]
    public void AllIn_StageOn_FollowsItsThreeStages(string date, ProgramStage stage)
    {
        Assert.Equal(stage, Program("hallefors-all-in").Schedule.StageOn(D(date)));
    }

    [Theory]
    [InlineData("2018-02-28", false)]
    [InlineData("2018-03-01", true)]
    [InlineData("2020-02-29", true)]
    [InlineData("2020-03-01", false)]
    public void AllIn_MayEnrol_OnlyInImplementation(string date, bool may)
    {
        Assert.Equal(may, Program("hallefors-all-in").Schedule.MayEnrol(D(date)));
    }

    [Theory]
    [InlineData("1990-01-01", ProgramStage.Implementation)]
    [InlineData("2014-12-31", ProgramStage.Implementation)]
    [InlineData("2015-01-01", ProgramStage.Closed)]
    public void Bucha_UnknownStart_DoesNotLimitAndNoClosingStageClosesAfterImplementation(string date, ProgramStage stage)
    {
        Assert.Equal(stage, Program("eskilstuna-romane-bucha").Schedule.StageOn(D(date)));
    }

    [Theory]
    [InlineData("1990-01-01")]
    [InlineData("2040-01-01")]
    public void VortaDrom_OpenEnded_IsAlwaysInImplementation(string date)
    {
        Assert.Equal(ProgramStage.Implementation, Program("helsingborg-vorta-drom").Schedule.StageOn(D(date)));
    }

    [Fact]
    public void StatedWindow_NarrowsTheImplementationStage()
    {
        var program = ProgramDefinition.Builder("x", "x").WithImplementation(D("2020-01-01"), D("2021-12-31"))
            .WithEnrolmentWindow(new EnrolmentWindow(null, D("2021-06-30"))).AddPhase("a").Build();

        Assert.Equal(new EnrolmentWindow(D("2020-01-01"), D("2021-06-30")), program.EnrolmentWindow);
        Assert.True(program.Schedule.MayEnrol(D("2021-06-30")));
        Assert.False(program.Schedule.MayEnrol(D("2021-07-01")));
        Assert.Equal(ProgramStage.Implementation, program.Schedule.StageOn(D("2021-07-01")));
    }

    [Fact]
    public void PlanningAlone_ImpliesWhenImplementationStarts()
    {
        var program = ProgramDefinition.Builder("x", "x").WithPeriod(new ProgramPeriod(new DateRange(D("2020-01-01"), D("2020-06-30")), null, null)).AddPhase("a").Build();

        Assert.Equal(new DateRange(D("2020-07-01"), null), program.Schedule.Implementation);
        Assert.Equal(ProgramStage.Planning, program.Schedule.StageOn(D("2020-06-30")));
        Assert.True(program.Schedule.MayEnrol(D("2020-07-01")));
    }

    [Fact]
    public void Motala_MonthlySummaryOfApril2020_IsDueOnTheFirstOfMay()
    {
        var due = Program("motala-utanforskap-till-sysselsattning").Schedule.ReportsDueBetween(D("2020-05-01"), D("2020-05-01")).Due;

        Assert.Equal([new DueReport(ReportKind.MonthlySummary, new DateRange(D("2020-04-01"), D("2020-04-30")), D("2020-05-01"))], due.ToArray());
    }

    [Theory]
    [InlineData("2019-01-31", 0)]
    [InlineData("2019-02-01", 1)]
    [InlineData("2019-03-01", 2)]
    [InlineData("2021-01-01", 24)]
    [InlineData("2030-01-01", 24)]
    public void Motala_ReportsDueBy_CountsTheEndedMonthsOfImplementation(string date, int count)
    {
        var schedule = Program("motala-utanforskap-till-sysselsattning").Schedule.ReportsDueBy(D(date));

        Assert.Equal(count, schedule.Due.Length);
        Assert.Empty(schedule.Unscheduled);
    }

    [Fact]
    public void Droma_HalfYearReportsCannotBeScheduled_TheFinalReportFollowsTheEnd()
    {
        var schedule = Program("vasteras-romane-droma").Schedule.ReportsDueBy(D("2016-01-01"));

        var final = Assert.Single(schedule.Due);
        Assert.Equal(new DueReport(ReportKind.FinalReport, new DateRange(null, D("2014-12-31")), D("2015-01-01")), final);
        var unscheduled = Assert.Single(schedule.Unscheduled);
        Assert.Equal(ReportKind.HalfYearReport, unscheduled.Kind);
        Assert.Contains("start is not stated", unscheduled.Reason);
    }

    [Fact]
    public void HalfYearReports_AreCalendarHalvesClippedToImplementation_DueAfterDaysToSubmit()
    {
        var program = ProgramDefinition.Builder("x", "x")
            .WithPeriod(new ProgramPeriod(null, new DateRange(D("2018-03-01"), D("2020-02-29")), new DateRange(D("2020-03-01"), D("2020-05-31"))))
            .AddReport(new ReportDuty(ReportKind.HalfYearReport, DaysToSubmit: 30))
            .AddReport(new ReportDuty(ReportKind.FinalReport))
            .AddPhase("a").Build();

        var due = program.Schedule.ReportsDueBy(D("2030-01-01")).Due;

        Assert.Equal(
            ["2018-03-01 to 2018-06-30 due 2018-07-30", "2018-07-01 to 2018-12-31 due 2019-01-30", "2019-01-01 to 2019-06-30 due 2019-07-30",
             "2019-07-01 to 2019-12-31 due 2020-01-30", "2020-01-01 to 2020-02-29 due 2020-03-30", "2018-03-01 to 2020-05-31 due 2020-06-01"],
            due.Select(r => $"{r.Covers} due {IsoDates.Format(r.DueOn)}"));
    }

    [Fact]
    public void OpenEndedProgram_FinalReportIsUnscheduled()
    {
        var program = ProgramDefinition.Builder("x", "x").WithImplementation(D("2020-01-01"), null)
            .AddReport(new ReportDuty(ReportKind.FinalReport)).AddReport(new ReportDuty(ReportKind.MonthlySummary)).AddPhase("a").Build();

        var schedule = program.Schedule.ReportsDueBy(D("2020-03-15"));

        Assert.Equal(2, schedule.Due.Length);
        Assert.Contains("end is not stated", Assert.Single(schedule.Unscheduled).Reason);
    }

    [Fact]
    public void ReportsDueBetween_EndBeforeStart_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => Program("motala-utanforskap-till-sysselsattning").Schedule.ReportsDueBetween(D("2020-02-01"), D("2020-01-01")));
    }

    [Fact]
    public void ToMermaid_ShowsTheStagesWithTheirDates()
    {
        string diagram = Program("hallefors-all-in").Schedule.ToMermaid();

        Assert.Contains("Planning --> Implementation", diagram);
        Assert.Contains("on or after 2018-03-01", diagram);
        Assert.Contains("Closing --> Closed", diagram);
        Assert.Contains("on or after 2020-06-01", diagram);
    }

    [Property(Arbitrary = [typeof(ProgramDefinitionPropertiesTest.Generators)], MaxTest = 200)]
    public void StageOn_NeverGoesBackAsTheDateAdvances(ProgramDefinition program, ushort a, ushort b)
    {
        var start = new LocalDate(2005, 1, 1);
        var (earlier, later) = a <= b ? (start.PlusDays(a % 10000), start.PlusDays(b % 10000)) : (start.PlusDays(b % 10000), start.PlusDays(a % 10000));

        Assert.True(program.Schedule.StageOn(earlier) <= program.Schedule.StageOn(later));
    }
}
