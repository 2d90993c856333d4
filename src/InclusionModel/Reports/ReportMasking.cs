using System.IO.Hashing;
using System.Text;
using InclusionModel.Programs;

namespace InclusionModel.Reports;

/// <summary>
/// Publication mode (docs/interchange-contract.md §6, docs/privacy.md "Publication"): the cell-key method of
/// the Australian Bureau of Statistics, with primary suppression of small counts.
/// </summary>
/// <remarks>
/// <para>
/// Every record has a fixed key (<see cref="ReportAccumulator.RecordKey"/>); a cell's key is the sum of the
/// keys of the records it counts, mod 2^64, so the same records always give the same key, in any report. A
/// count <c>x</c> is published as: 0 when it is 0; <see cref="Mark"/> (suppressed) when it is 1 to k − 1;
/// otherwise <c>x + noise(key)</c>, or <see cref="Mark"/> when that is under k. The noise is read from the
/// cell key by the p-table below: a two-sided geometric distribution of ratio 1/3 (0 with probability 1/2,
/// ±n with probability (1/2)(2/3)(1/3)^(n−1) split evenly by sign), the same row for every count of k or more,
/// at most <see cref="MaxNoise"/> either way.
/// </para>
/// <para>
/// Goals are published from the same perturbed cells: a goal's count so far, a share's numerator and
/// denominator, are cells like any other, and the actual value, status and projection are computed from the
/// published values alone (so none of them carries anything of the exact counts); where a count a goal needs
/// is suppressed, the goal's actual value, status and projection are suppressed too.
/// </para>
/// </remarks>
internal static class ReportMasking
{
    /// <summary>The mark of every suppressed figure, as Statistics Sweden writes it.</summary>
    internal const string Mark = "..";

    /// <summary>The largest noise the p-table gives, either way (a probability of about 3^−39 of reaching it).</summary>
    internal const int MaxNoise = 40;

    /// <summary>The names of the suppressed figures (goals as <c>goals.{id}.actual</c>, <c>.status</c>, <c>.projection</c>).</summary>
    internal static HashSet<string> Masked(ProgramReport report, int k)
    {
        var published = Publish(report, k);
        var masked = new HashSet<string>(published.Counts.Where(c => c.Value is null).Select(c => c.Key), StringComparer.Ordinal);
        foreach (var goal in report.Goals.Where(g => published.Goals[g.Id] is null))
        {
            masked.UnionWith([$"goals.{goal.Id}.actual", $"goals.{goal.Id}.status", $"goals.{goal.Id}.projection"]);
        }

        return masked;
    }

    /// <summary>What publication mode shows of <paramref name="report"/> with threshold <paramref name="k"/>.</summary>
    internal static PublishedReport Publish(ProgramReport report, int k)
    {
        var counts = new Dictionary<string, long?>(StringComparer.Ordinal);
        foreach (var (name, value) in Counts(report))
        {
            counts[name] = Shown(value, KeyOf(report, name), k);
        }

        var goals = new Dictionary<string, GoalProgress?>(StringComparer.Ordinal);
        foreach (var goal in report.Goals)
        {
            goals[goal.Id] = PublishGoal(report, goal, k);
        }

        return new PublishedReport(counts, goals);
    }

    /// <summary>How a count of <paramref name="value"/> with cell key <paramref name="cellKey"/> is published: its value, or <c>null</c> for <see cref="Mark"/>.</summary>
    internal static long? Shown(long value, ulong cellKey, int k)
    {
        if (value == 0)
        {
            return 0;
        }

        if (value < k)
        {
            return null;
        }

        long perturbed = value + Noise(cellKey);
        return perturbed >= k ? perturbed : null;
    }

    /// <summary>The p-table: the noise for a cell key (a count of k or more), from −<see cref="MaxNoise"/> to <see cref="MaxNoise"/>.</summary>
    internal static int Noise(ulong cellKey)
    {
        ulong u = Mix(cellKey);
        if (u >> 63 == 0)
        {
            return 0; // probability 1/2
        }

        bool negative = ((u >> 62) & 1) == 1;
        ulong rest = u & ((1UL << 62) - 1);
        int magnitude = 1;
        for (ulong threshold = (1UL << 62) / 3; threshold > 0 && rest < threshold; threshold /= 3)
        {
            magnitude++; // P(magnitude ≥ m) = (1/3)^(m − 1), with integers only, so every platform draws the same
        }

        return negative ? -magnitude : magnitude;
    }

    /// <summary>Every count of people in the report, by its dotted name (cells that are 0 are left out of breakdowns, as in the report).</summary>
    internal static Dictionary<string, long> Counts(ProgramReport report)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal)
        {
            ["participants.total"] = report.Participants,
            ["entered"] = report.Entered,
            ["exited.total"] = report.Exited,
            ["jobInterviews.participants"] = report.JobInterviewParticipants,
            ["jobInterviews.hired"] = report.JobInterviewHired,
            ["followUps.total"] = report.FollowUps,
            ["exited.selfSupporting"] = report.ExitedSelfSupporting,
        };
        foreach (var (prefix, cells) in Breakdowns(report))
        {
            foreach (var cell in cells)
            {
                counts[$"{prefix}.{cell.Key}"] = cell.Count;
            }
        }

        return counts;
    }

    private static IEnumerable<(string Prefix, IEnumerable<BreakdownCell> Cells)> Breakdowns(ProgramReport report) =>
    [
        ("participants.byGender", report.ByGender),
        ("participants.byEducation", report.ByEducation),
        ("participants.byState", report.ByState),
        ("exited.byReason", report.ExitedByReason),
        ("exited.byOutcome", report.ExitedByOutcome),
        ("exited.byEmploymentForm", report.ExitedByEmploymentForm),
        ("exited.bySubsidy", report.ExitedBySubsidy),
        ("followUps.byOutcome", report.FollowUpsByOutcome),
    ];

    /// <summary>
    /// A goal as published: recomputed from the published counts so far, or <c>null</c> (actual value, status
    /// and projection suppressed) when one of them is suppressed or the report was not counted from records.
    /// </summary>
    private static GoalProgress? PublishGoal(ProgramReport report, GoalProgress goal, int k)
    {
        var definition = report.Definition?.Goals?.FirstOrDefault(g => g.Id == goal.Id);
        if (definition is null)
        {
            return null;
        }

        GoalCount published;
        if (goal.Quantity == GoalQuantity.WomenShare)
        {
            if (Shown(goal.Count, KeyOf(report, "soFar.women"), k) is not { } women || Shown(goal.Of, KeyOf(report, "soFar.participants"), k) is not { } of)
            {
                return null;
            }

            published = new GoalCount(Math.Min(women, of), of); // noise may put the women over the total: the share stays at most 1
        }
        else
        {
            string cell = goal.Quantity switch
            {
                GoalQuantity.Enrolments => "soFar.enrolments",
                GoalQuantity.ExitsIntoWork => "soFar.intoWork",
                _ => "soFar.intoStudies",
            };
            if (Shown(goal.Count, KeyOf(report, cell), k) is not { } count)
            {
                return null;
            }

            published = new GoalCount(count, 0);
        }

        return GoalTracker.Track(report.Definition!, definition, report.Period.To, published);
    }

    /// <summary>A cell's key; for a report built by hand (no record keys), a hash of the program, period and figure.</summary>
    private static ulong KeyOf(ProgramReport report, string figure)
        => report.CellKeys.TryGetValue(figure, out ulong key) ? key
            : XxHash64.HashToUInt64(Encoding.UTF8.GetBytes($"{report.Program}\n{report.Period}\n{figure}"));

    /// <summary>The SplitMix64 finaliser: a bijection of 64-bit values that spreads a sum of keys over every bit.</summary>
    private static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}

/// <summary>What publication mode shows: each count (<c>null</c> where suppressed), and each goal as published (<c>null</c> where suppressed).</summary>
internal sealed record PublishedReport(IReadOnlyDictionary<string, long?> Counts, IReadOnlyDictionary<string, GoalProgress?> Goals);
