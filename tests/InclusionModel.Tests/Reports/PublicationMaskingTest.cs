using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using FsCheck;
using FsCheck.Xunit;
using InclusionModel.Programs;
using InclusionModel.Reports;
using InclusionModel.Tests.Cli;

namespace InclusionModel.Tests.Reports;

/// <summary>
/// Publication mode (§6): no count of 1 to k − 1 people is shown, no masked cell can be worked out from
/// the shown figures (checked by brute force over every value the masked cells could hold), and no shown
/// figure differs from the internal report.
/// </summary>
public class PublicationMaskingTest
{
    private static ImmutableArray<BreakdownCell> Cells(params (string Key, long Count)[] cells)
        => [.. cells.Where(c => c.Count > 0).Select(c => new BreakdownCell(c.Key, c.Count))];

    private static ProgramReport Report(
        long participants = 0,
        ImmutableArray<BreakdownCell> byGender = default,
        ImmutableArray<BreakdownCell> byState = default,
        long exited = 0,
        ImmutableArray<BreakdownCell> byReason = default,
        ImmutableArray<BreakdownCell> byOutcome = default,
        ImmutableArray<BreakdownCell> byForm = default,
        ImmutableArray<BreakdownCell> bySubsidy = default,
        long interviews = 0,
        long hired = 0,
        long followUps = 0,
        ImmutableArray<BreakdownCell> followUpsByOutcome = default,
        ImmutableArray<GoalProgress> goals = default)
        => new()
        {
            Program = "p",
            Period = ReportPeriod.Month(new NodaTime.YearMonth(2020, 4)),
            RecordsRead = participants,
            RecordsOfProgram = participants,
            Participants = participants,
            ByGender = byGender.IsDefault ? Cells(("unspecified", participants)) : byGender,
            ByEducation = Cells(("unknown", participants)),
            ByState = byState.IsDefault ? Cells(("enrolled", participants)) : byState,
            Exited = exited,
            ExitedByReason = byReason.IsDefault ? Cells(("completed", exited)) : byReason,
            ExitedByOutcome = byOutcome.IsDefault ? Cells(("unknown", exited)) : byOutcome,
            ExitedByEmploymentForm = byForm.IsDefault ? [] : byForm,
            ExitedBySubsidy = bySubsidy.IsDefault ? [] : bySubsidy,
            JobInterviewParticipants = interviews,
            JobInterviewHired = hired,
            FollowUps = followUps,
            FollowUpsByOutcome = followUpsByOutcome.IsDefault ? Cells(("unknown", followUps)) : followUpsByOutcome,
            Goals = goals.IsDefault ? [] : goals,
        };

    private static Dictionary<string, string> Shown(ProgramReport report, int k = 5)
        => ReportWriter.Rows(report, new ReportOptions(true) { MinCell = k }).ToDictionary(r => r.Figure, r => r.Value);

    [Fact]
    public void AStateOfOneAmongLargeOnes_IsMaskedWithTheSmallestOtherCell()
    {
        // The issue's case: paused = 117 − 66 − 50 = 1.
        var shown = Shown(Report(117, byState: Cells(("enrolled", 50), ("activities", 66), ("paused", 1))));

        Assert.Equal("117", shown["participants.total"]);
        Assert.Equal("<5", shown["participants.byState.paused"]);
        Assert.Equal("<5", shown["participants.byState.enrolled"]);
        Assert.Equal("66", shown["participants.byState.activities"]);
    }

    [Fact]
    public void OneDiscontinuationOfSeven_CannotBeSubtracted()
    {
        var shown = Shown(Report(20, exited: 7, byReason: Cells(("completed", 6), ("discontinued", 1))));

        Assert.Equal("7", shown["exited.total"]);
        Assert.Equal("<5", shown["exited.byReason.discontinued"]);
        Assert.Equal("<5", shown["exited.byReason.completed"]);
    }

    [Fact]
    public void ATotalUnderK_IsMaskedWithEveryCellOfItsGroups()
    {
        var shown = Shown(Report(12, followUps: 1, interviews: 10, hired: 1));

        Assert.Equal("<5", shown["followUps.total"]);
        Assert.Equal("<5", shown["followUps.byOutcome.unknown"]);
        Assert.Equal("<5", shown["jobInterviews.hired"]);
        Assert.Equal("10", shown["jobInterviews.participants"]);
    }

    [Fact]
    public void FiveCellsOfOnePerson_AreNotLeftWhereTheTotalGivesThemAway()
    {
        // 5 masked cells holding 5 people: each is 1, known from the total; the total goes too.
        var shown = Shown(Report(5, byState: Cells(("enrolled", 1), ("mapping", 1), ("activities", 1), ("paused", 1), ("exited", 1))));
        var spread = Shown(Report(5, byGender: Cells(("woman", 1), ("man", 1), ("non-binary", 1), ("unspecified", 2))));

        Assert.Equal("<5", shown["participants.total"]);
        Assert.Equal("5", spread["participants.total"]); // four masked cells of five people: each is 1 or 2, none known
    }

    [Fact]
    public void ShareGoals_OnFewPeople_AreMaskedWithStatusAndProjection()
    {
        var goal = new GoalProgress("women-share", GoalQuantity.WomenShare, 0.5m, 0.25m, GoalStatus.AtRisk, new GoalProjection(0.25m, 0.1m, 0.5m, new NodaTime.LocalDate(2020, 12, 31)), null) { Count = 1, Of = 4 };
        var count = new GoalProgress("into-work", GoalQuantity.ExitsIntoWork, 20, 2, GoalStatus.OnTrack, new GoalProjection(6, 2, 10, new NodaTime.LocalDate(2020, 12, 31)), null) { Count = 2 };
        var report = Report(40, goals: [goal, count]);

        var shown = Shown(report);
        var json = new MemoryStream();
        ReportWriter.WriteJson(report, json, new ReportOptions(true));
        var document = JsonDocument.Parse(json.ToArray()).RootElement;

        Assert.Equal((ReportWriter.MaskedValue, ReportWriter.MaskedValue, ReportWriter.MaskedValue), (shown["goals.women-share.actual"], shown["goals.women-share.status"], shown["goals.women-share.projection.expected"]));
        Assert.Equal(("<5", "on-track", ReportWriter.MaskedValue), (shown["goals.into-work.actual"], shown["goals.into-work.status"], shown["goals.into-work.projection.low"]));
        Assert.Equal(ReportWriter.MaskedValue, document.GetProperty("goals")[0].GetProperty("projection").GetString());
        Assert.False(document.TryGetProperty("records", out _));
        Assert.Equal(5, document.GetProperty("minCell").GetInt32());
    }

    [Fact]
    public void TheThreshold_IsAtLeastThreeAndShowsInTheMask()
    {
        Assert.Equal("<3", Shown(Report(12, followUps: 2), k: 3)["followUps.total"]);
        Assert.Equal("4", Shown(Report(12, followUps: 4), k: 3)["followUps.total"]);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReportOptions(true) { MinCell = 2 });
    }

    [Theory]
    [InlineData("--publication --min-cell 2", "--min-cell must be at least 3")]
    [InlineData("--min-cell 7", "--min-cell goes with --publication")]
    public void TheCommand_RefusesAThresholdThatCannotProtect(string options, string message)
    {
        var outcome = CliRun.Run(["report", Path.Combine(AppContext.BaseDirectory, "samples", "motala-2020.ndjson"), "--program", "motala-utanforskap-till-sysselsattning", "--month", "2020-04", .. options.Split(' ')]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(message, outcome.Error);
    }

    /// <summary>A random partition of <paramref name="total"/> over <paramref name="keys"/>.</summary>
    private static ImmutableArray<BreakdownCell> Partition(Random random, long total, params string[] keys)
    {
        var counts = new long[keys.Length];
        for (long i = 0; i < total; i++)
        {
            counts[random.Next(random.Next(1, keys.Length + 1))]++; // skewed: small cells are common
        }

        return Cells([.. keys.Select((k, i) => (k, counts[i]))]);
    }

    private static (ProgramReport Report, int K) Generate(int seed)
    {
        var random = new Random(seed);
        int k = random.Next(3, 8);
        long participants = random.Next(0, 25), exited = random.Next(0, 18), followUps = random.Next(0, 12);
        var byOutcome = Partition(random, exited, "work", "studies", "job-seeking", "other", "unknown");
        long work = byOutcome.Where(c => c.Key == "work").Sum(c => c.Count);
        var byForm = Partition(random, work, "unknown", "regular", "subsidised", "hourly", "seasonal");
        long subsidised = byForm.Where(c => c.Key == "subsidised").Sum(c => c.Count);
        long women = random.Next(0, (int)participants + 1);
        var report = Report(
            participants,
            byGender: Partition(random, participants, "woman", "man", "non-binary", "unspecified"),
            byState: Partition(random, participants, "enrolled", "activities", "paused", "exited"),
            exited: exited,
            byReason: Partition(random, exited, "completed", "early-exit", "discontinued", "moved", "other"),
            byOutcome: byOutcome,
            byForm: byForm,
            bySubsidy: Partition(random, subsidised, "unknown", "nystartsjobb", "introduktionsjobb", "extratjanst", "lonebidrag", "other"),
            interviews: random.Next(0, 12),
            hired: random.Next(0, 4),
            followUps: followUps,
            followUpsByOutcome: Partition(random, followUps, "work", "studies", "unknown"),
            goals:
            [
                new GoalProgress("women", GoalQuantity.WomenShare, 0.5m, participants == 0 ? 0 : Math.Round((decimal)women / participants, 4), GoalStatus.OnTrack, null, null) { Count = women, Of = participants },
                new GoalProgress("work", GoalQuantity.ExitsIntoWork, 30, work, GoalStatus.OnTrack, new GoalProjection(work * 2, work, work * 3, new NodaTime.LocalDate(2021, 1, 1)), null) { Count = work },
            ]);
        return (report, k);
    }

    [Property(MaxTest = 500)]
    public void NoShownCountIsFromOneToKMinusOne_AndNoShownFigureChanges(NonNegativeInt seed)
    {
        var (report, k) = Generate(seed.Get);
        var shown = Shown(report, k);
        var exact = ReportWriter.Rows(report).ToDictionary(r => r.Figure, r => r.Value);
        var counts = ReportMasking.Counts(report);

        foreach (var (figure, value) in shown)
        {
            if (counts.ContainsKey(figure) && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long n))
            {
                Assert.True(n == 0 || n >= k, $"{figure} = {n} shown with k = {k}");
            }

            if (value != $"<{k}" && value != ReportWriter.MaskedValue)
            {
                Assert.Equal(exact[figure], value); // publication never changes a figure it shows
            }
        }

        Assert.DoesNotContain(shown.Keys, f => f.StartsWith("records.", StringComparison.Ordinal));
    }

    [Property(MaxTest = 500)]
    public void NoMaskedCell_FollowsFromTheShownFigures_ByBruteForce(NonNegativeInt seed)
    {
        var (report, k) = Generate(seed.Get);
        var shown = Shown(report, k);
        string mask = $"<{k}";
        foreach (var (total, cells) in ReportMasking.Groups(report))
        {
            var hidden = cells.Where(c => shown[c] == mask).ToList();
            if (hidden.Count == 0 || !long.TryParse(shown.GetValueOrDefault(total, "0"), out long sum))
            {
                continue; // nothing masked here, or the figure itself is masked (then, as checked below, so is every cell)
            }

            // Every assignment of values ≥ 1 to the masked cells that adds up with the shown ones.
            long rest = sum - cells.Where(c => shown[c] != mask).Sum(c => long.Parse(shown[c], CultureInfo.InvariantCulture));
            var possible = hidden.ToDictionary(c => c, _ => new HashSet<long>());
            void Assign(int i, long left, long[] values)
            {
                if (i == hidden.Count - 1)
                {
                    if (left >= 1)
                    {
                        values[i] = left;
                        for (int j = 0; j < hidden.Count; j++)
                        {
                            possible[hidden[j]].Add(values[j]);
                        }
                    }

                    return;
                }

                for (long v = 1; v <= left - (hidden.Count - 1 - i); v++)
                {
                    values[i] = v;
                    Assign(i + 1, left - v, values);
                }
            }

            Assign(0, rest, new long[hidden.Count]);
            Assert.All(hidden, c => Assert.True(possible[c].Count >= 2, $"{c} can only be {string.Join(",", possible[c])} (k = {k}, {total} = {sum})"));
        }

        foreach (var (total, cells) in ReportMasking.Groups(report).Where(g => shown.GetValueOrDefault(g.Total) == mask))
        {
            Assert.All(cells, c => Assert.Equal(mask, shown[c]));
        }
    }

    [Fact]
    public void Motala_ForPublication_HidesWhatTheInternalReportShows()
    {
        string sample = Path.Combine(AppContext.BaseDirectory, "samples", "motala-2020.ndjson");
        var outcome = CliRun.Run(["report", sample, "--program", "motala-utanforskap-till-sysselsattning", "--month", "2020-04", "--publication", "--format", "json"]);

        Assert.Equal(0, outcome.ExitCode);
        var json = outcome.Json;
        Assert.True(json.GetProperty("publication").GetBoolean());
        Assert.False(json.TryGetProperty("records", out _));
        Assert.Equal(16, json.GetProperty("participants").GetProperty("total").GetInt32());
    }
}
