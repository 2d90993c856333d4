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
/// Publication mode (§6): 0 is shown, every count of 1 to k − 1 people is suppressed as <c>..</c>, every other
/// count is perturbed within the p-table's range; the mark is explained once in every format. Whether anything
/// suppressed can be worked out from a whole series of reports is <see cref="PublicationAttackTest"/>'s.
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
    public void Publish_ZeroIsShown_OneToKMinusOneIsSuppressed_WithOneMark()
    {
        var shown = Shown(Report(117, byState: Cells(("enrolled", 50), ("activities", 66), ("paused", 1)), exited: 7, byReason: Cells(("completed", 6), ("discontinued", 1)), followUps: 4));

        Assert.Equal("..", shown["participants.byState.paused"]);
        Assert.Equal("..", shown["exited.byReason.discontinued"]);
        Assert.Equal("..", shown["followUps.total"]);
        Assert.Equal("0", shown["jobInterviews.participants"]);
        Assert.DoesNotContain(shown.Values, v => v.StartsWith('<') || v == "masked");
    }

    [Fact]
    public void Noise_FollowsThePTableOfThePrivacyPage()
    {
        // docs/privacy.md: 0 with probability 1/2, ±n with probability (1/2)(2/3)(1/3)^(n−1) split by sign, never past ±40.
        var counts = new Dictionary<int, int>();
        var random = new Random(7);
        const int draws = 300_000;
        for (int i = 0; i < draws; i++)
        {
            int noise = ReportMasking.Noise((ulong)random.NextInt64() ^ ((ulong)random.Next() << 33));
            counts[noise] = counts.GetValueOrDefault(noise) + 1;
        }

        double P(int n) => counts.GetValueOrDefault(n) / (double)draws;
        Assert.InRange(P(0), 0.495, 0.505);
        Assert.InRange(P(1) + P(-1), 0.328, 0.338);
        Assert.InRange(P(2) + P(-2), 0.107, 0.115);
        Assert.InRange(P(1) / P(-1), 0.97, 1.03);
        Assert.All(counts.Keys, n => Assert.InRange(n, -40, 40));
    }

    [Fact]
    public void TheThreshold_IsAtLeastThree()
    {
        Assert.Equal("..", Shown(Report(12, followUps: 2), k: 3)["followUps.total"]);
        Assert.Equal("..", Shown(Report(12, followUps: 4), k: 5)["followUps.total"]);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReportOptions(true) { MinCell = 2 });
    }

    [Fact]
    public void EveryFormat_ExplainsTheMarkOnce_AndLeavesOutTheRecordsBlock()
    {
        var report = Report(40, followUps: 2);
        var json = new MemoryStream();
        ReportWriter.WriteJson(report, json, new ReportOptions(true));
        var csv = new StringWriter();
        ReportWriter.WriteCsv(report, csv, new ReportOptions(true));
        var text = new StringWriter();
        ReportWriter.WriteText(report, "P", text, new ReportOptions(true));
        var document = JsonDocument.Parse(json.ToArray()).RootElement;

        Assert.StartsWith("suppressed", document.GetProperty("..").GetString());
        Assert.Equal("..", document.GetProperty("followUps").GetProperty("total").GetString());
        Assert.False(document.TryGetProperty("records", out _));
        Assert.Equal(1, csv.ToString().Split("\r\n").Count(l => l.StartsWith("..,", StringComparison.Ordinal)));
        Assert.StartsWith("For publication: “..” means the figure is hidden, because it concerns too few people or can be worked out from such a count.", text.ToString().Split('\n')[1]);
    }

    [Fact]
    public void GoalsOfAReportBuiltByHand_AreSuppressed_ForWantOfTheirProgram()
    {
        var goal = new GoalProgress("women-share", GoalQuantity.WomenShare, 0.5m, 0.25m, GoalStatus.AtRisk, new GoalProjection(0.25m, 0.1m, 0.5m, new NodaTime.LocalDate(2020, 12, 31)), null) { Count = 10, Of = 40 };
        var shown = Shown(Report(40, goals: [goal]));

        Assert.Equal(("..", "..", ".."), (shown["goals.women-share.actual"], shown["goals.women-share.status"], shown["goals.women-share.projection.expected"]));
        Assert.Equal("0.5", shown["goals.women-share.target"]);
    }

    [Theory]
    [InlineData("--publication --min-cell 2", "--min-cell must be at least 3")]
    [InlineData("--min-cell 7", "--min-cell can only be given with --publication")]
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

    [Property(MaxTest = 300)]
    public void Publish_EveryCount_IsZeroExactly_SuppressedUnderK_OrWithinTheNoiseAndAtLeastK(NonNegativeInt seed)
    {
        var random = new Random(seed.Get);
        int k = random.Next(3, 8);
        long participants = random.Next(0, 40), exited = random.Next(0, 30);
        var report = Report(
            participants,
            byGender: Partition(random, participants, "woman", "man", "non-binary", "unspecified"),
            byState: Partition(random, participants, "enrolled", "activities", "paused", "exited"),
            exited: exited,
            byReason: Partition(random, exited, "completed", "early-exit", "discontinued", "moved", "other"),
            interviews: random.Next(0, 12),
            hired: random.Next(0, 4),
            followUps: random.Next(0, 12));
        var exact = ReportWriter.Rows(report).ToDictionary(r => r.Figure, r => r.Value);

        foreach (var (figure, value) in Shown(report, k))
        {
            long truth = long.Parse(exact[figure], CultureInfo.InvariantCulture);
            if (value == "..")
            {
                Assert.True(truth >= 1, $"{figure} = 0 suppressed");
            }
            else
            {
                long shown = long.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
                Assert.True(truth == 0 ? shown == 0 : shown >= k && Math.Abs(shown - truth) <= ReportMasking.MaxNoise && truth >= k, $"{figure} = {truth} shown as {value} with k = {k}");
            }
        }

        Assert.DoesNotContain(Shown(report, k).Keys, f => f.StartsWith("records.", StringComparison.Ordinal));
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
        Assert.InRange(json.GetProperty("participants").GetProperty("total").GetInt32(), 5, 16 + ReportMasking.MaxNoise); // 16, perturbed
    }
}
