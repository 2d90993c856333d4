using InclusionModel.Programs;

namespace InclusionModel.Reports;

/// <summary>
/// Publication masking (docs/interchange-contract.md §6): which figures of a report are hidden so that no
/// count of 1 to k − 1 people is shown, and none can be worked out from the figures that are.
/// </summary>
/// <remarks>
/// <para>
/// Primary masking hides every count of people from 1 to k − 1, totals included (0 is shown).
/// Complementary masking then works on every group of cells that adds up to a figure: the breakdowns of
/// <c>participants.total</c> (by gender, education, state), of <c>exited.total</c> (by reason, outcome), of
/// <c>exited.byOutcome.work</c> (by employment form), of <c>exited.byEmploymentForm.subsidised</c> (by
/// subsidy) and of <c>followUps.total</c>. In each group either no
/// cell is masked, or at least two are, together they hold at least k people, and more people than cells
/// (five masked cells of one person each would all be known); the cells added are the smallest unmasked ones. Where a figure is masked, every cell of its groups is too; and where a group
/// cannot be made safe from its cells, its figure is masked as well. This repeats until nothing changes.
/// </para>
/// <para>
/// Goals: a count goal's actual value of 1 to k − 1 is masked with its projection (the projection would
/// give the count back); a share is masked with its status and projection when its denominator, its
/// numerator or their difference is 1 to k − 1 (any of them, with the share, gives the others).
/// </para>
/// </remarks>
internal static class ReportMasking
{
    /// <summary>The dotted names of the masked figures (goals as <c>goals.{id}.actual</c>, <c>.status</c>, <c>.projection</c>).</summary>
    internal static HashSet<string> Masked(ProgramReport report, int k)
    {
        var counts = Counts(report);
        var groups = Groups(report);
        var masked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, value) in counts)
        {
            if (value >= 1 && value < k)
            {
                masked.Add(name);
            }
        }

        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (var (total, cells) in groups)
            {
                if (masked.Contains(total))
                {
                    foreach (string cell in cells)
                    {
                        changed |= counts[cell] > 0 && masked.Add(cell);
                    }

                    continue;
                }

                var hidden = cells.Where(masked.Contains).ToList();
                if (hidden.Count == 0)
                {
                    continue;
                }

                while (!Safe(hidden.Count, hidden.Sum(c => counts[c]), k))
                {
                    string? next = cells.Where(c => !masked.Contains(c) && counts[c] > 0).OrderBy(c => counts[c]).ThenBy(c => c, StringComparer.Ordinal).FirstOrDefault();
                    if (next is null)
                    {
                        // No cell is left to hide with them: the figure goes too, and with it the whole group.
                        changed |= masked.Add(total);
                        break;
                    }

                    masked.Add(next);
                    hidden.Add(next);
                    changed = true;
                }
            }
        }

        foreach (var goal in report.Goals)
        {
            bool hide = goal.Quantity == GoalQuantity.WomenShare
                ? IsSmall(goal.Of, k) || IsSmall(goal.Count, k) || IsSmall(goal.Of - goal.Count, k)
                : IsSmall(goal.Count, k);
            if (hide)
            {
                masked.Add($"goals.{goal.Id}.actual");
                masked.Add($"goals.{goal.Id}.projection");
                if (goal.Quantity == GoalQuantity.WomenShare)
                {
                    masked.Add($"goals.{goal.Id}.status");
                }
            }
        }

        return masked;
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

        counts.TryAdd("exited.byOutcome.work", 0);
        counts.TryAdd("exited.byEmploymentForm.subsidised", 0);
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

    /// <summary>Each group: the figure its cells add up to, and the cells.</summary>
    internal static List<(string Total, List<string> Cells)> Groups(ProgramReport report)
    {
        static List<string> Names(string prefix, IEnumerable<BreakdownCell> cells) => [.. cells.Select(c => $"{prefix}.{c.Key}")];
        return
        [
            ("participants.total", Names("participants.byGender", report.ByGender)),
            ("participants.total", Names("participants.byEducation", report.ByEducation)),
            ("participants.total", Names("participants.byState", report.ByState)),
            ("exited.total", Names("exited.byReason", report.ExitedByReason)),
            ("exited.total", Names("exited.byOutcome", report.ExitedByOutcome)),
            ("exited.byOutcome.work", Names("exited.byEmploymentForm", report.ExitedByEmploymentForm)),
            ("exited.byEmploymentForm.subsidised", Names("exited.bySubsidy", report.ExitedBySubsidy)),
            ("followUps.total", Names("followUps.byOutcome", report.FollowUpsByOutcome)),
        ];
    }

    private static bool IsSmall(long count, int k) => count >= 1 && count < k;

    /// <summary>
    /// Whether <paramref name="cells"/> masked cells holding <paramref name="people"/> in all keep every cell's
    /// value open: at least two, at least k people, and more people than cells (all ones would be known).
    /// </summary>
    private static bool Safe(int cells, long people, int k) => cells >= 2 && people >= k && people > cells;
}
