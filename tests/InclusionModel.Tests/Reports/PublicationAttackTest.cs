using System.Globalization;
using FsCheck;
using Outcome = InclusionModel.Histories.Outcome;
using FsCheck.Xunit;
using InclusionModel.Histories;
using InclusionModel.Programs;
using InclusionModel.Reports;
using NodaTime;
using static InclusionModel.Tests.TestData;

namespace InclusionModel.Tests.Reports;

/// <summary>
/// The promise of publication mode (§6), attacked as sdcTable's <c>attack()</c> does (<see cref="PublicationAttack"/>):
/// whoever holds a whole series of published reports of a program cannot work out any suppressed count exactly,
/// and every label is true.
/// </summary>
public class PublicationAttackTest
{
    private static readonly YearMonth[] Months = [.. Enumerable.Range(3, 6).Select(m => new YearMonth(2018, m))];

    /// <summary>A six-month program (implementation March–June 2018, closing July–August) with goals on small targets.</summary>
    private static ProgramDefinition ShortProgram(int places, int intoWork) => ProgramDefinitionBuilder.From(AllIn)
        .WithPeriod(new ProgramPeriod(null, new DateRange(D("2018-03-01"), D("2018-06-30")), new DateRange(D("2018-07-01"), D("2018-08-31"))))
        .WithEnrolmentWindow(null)
        .WithGoals([
            new Goal("places", GoalQuantity.Enrolments, places, "at most", bound: GoalBound.AtMost),
            new Goal("women-share", GoalQuantity.WomenShare, 0.5m, "half"),
            new Goal("into-work", GoalQuantity.ExitsIntoWork, intoWork, "into work"),
        ])
        .Build();

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>Histories with small counts: enrolments in the implementation months, some exits (any reason, outcome, form, subsidy), some job interviews.</summary>
    private static List<ParticipantHistory> Histories(Random random, int people)
    {
        var histories = new List<ParticipantHistory>();
        var last = D("2018-08-31");
        for (int i = 0; i < people; i++)
        {
            var enrolled = D("2018-03-01").PlusDays(random.Next(0, 122));
            var events = new List<HistoryEvent> { HistoryEvent.Referred(enrolled), HistoryEvent.Assessed(enrolled, true), HistoryEvent.Enrolled(enrolled), HistoryEvent.PhaseStarted(enrolled, "activities") };
            if (random.Next(3) == 0 && enrolled.PlusDays(10) <= last)
            {
                events.Add(HistoryEvent.Activity(enrolled.PlusDays(random.Next(0, 11)), ActivityKind.JobInterview, random.Next(2) == 0 ? InterviewResult.Hired : InterviewResult.NotHired));
            }

            var exit = enrolled.PlusDays(random.Next(11, 120));
            if (random.Next(4) != 0 && exit <= last)
            {
                Outcome? outcome = random.Next(6) == 0 ? null : Pick(random, Enum.GetValues<Outcome>());
                EmploymentForm? form = outcome == Outcome.Work && random.Next(5) != 0 ? Pick(random, Enum.GetValues<EmploymentForm>()) : null;
                Subsidy? subsidy = form == EmploymentForm.Subsidised && random.Next(4) != 0 ? Pick(random, Enum.GetValues<Subsidy>()) : null;
                events.Add(HistoryEvent.Exited(exit, Pick(random, Enum.GetValues<ExitReason>()), outcome, form, subsidy, random.Next(3) == 0 ? true : null));
            }

            EducationLevel? education = random.Next(4) == 0 ? null : Pick(random, Enum.GetValues<EducationLevel>());
            histories.Add(ParticipantHistory.Create($"p-{i}", AllIn.Id, events, Pick(random, Enum.GetValues<Gender>()), null, education));
        }

        return histories;
    }

    /// <summary>The half-years, the final report and from–to periods of whole months (one of them from the program's start).</summary>
    private static List<ReportPeriod> Periods(Random random, ProgramDefinition program)
    {
        var periods = new List<ReportPeriod> { ReportPeriod.HalfYear(2018, 1), ReportPeriod.HalfYear(2018, 2), ReportPeriod.Final(program) };
        for (int i = 0; i < 3; i++)
        {
            int from = i == 0 ? 0 : random.Next(Months.Length), to = random.Next(from, Months.Length);
            periods.Add(ReportPeriod.Between(Months[from].OnDayOfMonth(1), Months[to].OnDayOfMonth(1).PlusMonths(1).PlusDays(-1)));
        }

        return periods;
    }

    private static void AssertHolds(PublicationAttack.Outcome outcome)
    {
        Assert.True(outcome.Untrue.Count == 0, "untrue labels: " + string.Join("; ", outcome.Untrue.Take(10)));
        Assert.True(outcome.Exact.Count == 0, $"{outcome.Exact.Count} of {outcome.Suppressed} suppressed counts worked out exactly from {outcome.Reports} reports: " + string.Join("; ", outcome.Exact.Take(10)));
    }

    [Property(MaxTest = 12)]
    public void Publish_AWholeSeriesOfReports_GivesNoSuppressedCountAndTellsNoUntruth(NonNegativeInt seed)
    {
        var random = new Random(seed.Get);
        int k = random.Next(3, 6);
        var program = ShortProgram(places: random.Next(3, 16), intoWork: random.Next(2, 8));
        var histories = Histories(random, random.Next(0, 16));

        var outcome = PublicationAttack.Run(program, histories, Months, Periods(random, program), k);

        AssertHolds(outcome);
    }

    [Fact]
    public void Publish_AllInsWholeSeries_GivesNoSuppressedCountBack()
    {
        // The review's case: in the final report, into work 41 = 18 + 5 + 5 + 5 + two suppressed cells, each then 4.
        // Here: every month of All in's half-years (2017-07 to 2020-06), the half-years and the final report, attacked together.
        var reader = new HistoryReader();
        var histories = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "samples", "all-in.ndjson"))
            .Select((line, i) => reader.Read(System.Text.Encoding.UTF8.GetBytes(line), i + 1).Value!)
            .Where(h => h.Program == AllIn.Id)
            .ToList();
        var months = Enumerable.Range(0, 36).Select(i => new YearMonth(2017, 7).PlusMonths(i)).ToList(); // every month the half-years cover
        var halfYears = new[] { (2017, 2), (2018, 1), (2018, 2), (2019, 1), (2019, 2), (2020, 1) }.Select(h => ReportPeriod.HalfYear(h.Item1, h.Item2));

        var outcome = PublicationAttack.Run(AllIn, histories, months, [.. halfYears, ReportPeriod.Final(AllIn)], 5);

        Assert.True(outcome.Suppressed > 100, $"only {outcome.Suppressed} suppressed counts: the series is not the review's");
        AssertHolds(outcome);
    }

    [Fact]
    public void WomenShare_WithFewWhoAreNotWomen_IsTheRatioOfTwoPublishedCounts_AndGivesNoneBack()
    {
        // 30 people enrolled in March, 27 of them women: 3 are not, a count under k that share × total would give.
        var histories = Enumerable.Range(0, 30).Select(i => ParticipantHistory.Create(
            $"w-{i}", AllIn.Id, [HistoryEvent.Enrolled(D("2018-03-01").PlusDays(i)), HistoryEvent.PhaseStarted(D("2018-03-01").PlusDays(i), "activities")], i < 27 ? Gender.Woman : Gender.Man)).ToList();
        var program = ShortProgram(40, 5);
        var fromStart = ReportPeriod.Between(D("2018-03-01"), D("2018-04-30"));
        var accumulator = new ReportAccumulator(program, fromStart);
        histories.ForEach(h => accumulator.Add(h, true));

        var shown = PublicationAttack.Shown(accumulator.ToReport(), 5);

        Assert.Equal("..", shown["participants.byGender.man"]);
        long women = long.Parse(shown["participants.byGender.woman"], CultureInfo.InvariantCulture), total = long.Parse(shown["participants.total"], CultureInfo.InvariantCulture);
        Assert.Equal(Math.Round((decimal)Math.Min(women, total) / total, 4), decimal.Parse(shown["goals.women-share.actual"], CultureInfo.InvariantCulture));
        AssertHolds(PublicationAttack.Run(program, histories, Months, [fromStart, ReportPeriod.Final(program)], 5));
    }

    [Fact]
    public void IntoWork_ActualIsThePublishedCountOfExitsIntoWorkSoFar_SoMonthsCannotBeDifferenced()
    {
        // One exit into work in each of March, April and May, two in July: the cumulative actuals, differenced,
        // gave each month's count before.
        var exits = new[] { "2018-03-20", "2018-04-20", "2018-05-20", "2018-07-10", "2018-07-20" };
        var histories = Enumerable.Range(0, 12).Select(i => ParticipantHistory.Create($"x-{i}", AllIn.Id,
        [
            HistoryEvent.Enrolled(D("2018-03-01").PlusDays(i)), HistoryEvent.PhaseStarted(D("2018-03-01").PlusDays(i), "activities"),
            .. i < exits.Length ? [HistoryEvent.Exited(D(exits[i]), ExitReason.Completed, Outcome.Work, EmploymentForm.Regular)] : Array.Empty<HistoryEvent>(),
        ], Gender.Man)).ToList();
        var program = ShortProgram(40, 5);
        var final = ReportPeriod.Final(program);
        var accumulator = new ReportAccumulator(program, final);
        histories.ForEach(h => accumulator.Add(h, true));

        var shown = PublicationAttack.Shown(accumulator.ToReport(), 5);

        Assert.Equal(shown["exited.byOutcome.work"], shown["goals.into-work.actual"]); // the same exits, the same published value
        if (long.TryParse(shown["goals.into-work.actual"], CultureInfo.InvariantCulture, out long actual))
        {
            Assert.Equal(actual >= 5, shown["goals.into-work.status"] == "met"); // the status of the published value
        }

        AssertHolds(PublicationAttack.Run(program, histories, Months, [final], 5));
    }
}
