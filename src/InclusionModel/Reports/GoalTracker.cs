using InclusionModel.Programs;
using NodaTime;

namespace InclusionModel.Reports;

/// <summary>
/// Tracks a goal as of a date with the formula of <c>docs/reports.md</c>: the rate seen so far over the
/// elapsed part of the goal's time, carried to its end, with a 90 % range (Poisson for counts, Wilson for
/// shares).
/// </summary>
internal static class GoalTracker
{
    private const double Z = 1.6448536269514722; // the 95th percentile of the standard normal: a two-sided 90 % range

    internal static GoalProgress Track(ProgramDefinition program, Goal goal, LocalDate asOf, GoalCount so)
    {
        var quantity = goal.Quantity!.Value;
        decimal target = goal.Target!.Value;
        var window = TimeOf(program, quantity);
        GoalMilestone? milestone = null;
        foreach (var m in goal.Milestones)
        {
            if (m.On <= asOf)
            {
                milestone = m;
            }
        }

        bool ended = window.End is { } end && asOf >= end;

        if (quantity == GoalQuantity.WomenShare)
        {
            decimal share = so.Of == 0 ? 0 : Math.Round((decimal)so.Count / so.Of, 4);
            GoalProjection? range = null;
            if (so.Of > 0 && !ended)
            {
                var (low, high) = Wilson(so.Count, so.Of);
                range = new GoalProjection(share, Math.Round((decimal)low, 4), Math.Round((decimal)high, 4), window.End ?? asOf);
            }

            var status = goal.Bound == GoalBound.AtMost ? CeilingStatus(share, target, ended, range)
                : ended ? (share >= target ? GoalStatus.Met : GoalStatus.Missed)
                : range is { } r && r.High < target ? GoalStatus.AtRisk
                : milestone is { } m && share < m.Target ? GoalStatus.AtRisk
                : GoalStatus.OnTrack;
            return new GoalProgress(goal.Id, quantity, target, so.Of == 0 ? 0 : share, status, range, milestone) { Count = so.Count, Of = so.Of, Ceiling = goal.Bound == GoalBound.AtMost };
        }

        decimal actual = so.Count;
        GoalProjection? projection = null;
        if (window.Start is { } start && window.End is { } last && asOf >= start && !ended)
        {
            double elapsed = Period.Between(start, asOf < last ? asOf : last, PeriodUnits.Days).Days + 1;
            double total = Period.Between(start, last, PeriodUnits.Days).Days + 1;
            double scale = total / elapsed;
            double k = so.Count;
            double spread = Z * Math.Sqrt(k);
            projection = new GoalProjection(
                Math.Round((decimal)(k * scale), 1),
                Math.Round((decimal)Math.Max(k, (k - spread) * scale), 1),
                Math.Round((decimal)((k + spread + (k == 0 ? Z * Z : 0)) * scale), 1),
                last);
        }

        var countStatus = goal.Bound == GoalBound.AtMost ? CeilingStatus(actual, target, ended, projection)
            : actual >= target ? GoalStatus.Met
            : ended ? GoalStatus.Missed
            : projection is { } p && p.High < target ? GoalStatus.AtRisk
            : milestone is { } ms && actual < ms.Target ? GoalStatus.AtRisk
            : GoalStatus.OnTrack;
        return new GoalProgress(goal.Id, quantity, target, actual, countStatus, projection, milestone) { Count = so.Count, Ceiling = goal.Bound == GoalBound.AtMost };
    }

    /// <summary>
    /// A ceiling's status: missed once the value is over it; at risk while even the low end of the projection
    /// would go over it; otherwise on track, and met when its time is over. Staying under it, however far, is
    /// keeping it: 55 enrolments of at most 648 is not "at risk".
    /// </summary>
    private static GoalStatus CeilingStatus(decimal actual, decimal ceiling, bool ended, GoalProjection? projection)
        => actual > ceiling ? GoalStatus.Missed
            : ended ? GoalStatus.Met
            : projection is { } p && p.Low > ceiling ? GoalStatus.AtRisk
            : GoalStatus.OnTrack;

    /// <summary>The time a goal has: enrolments and shares during implementation; exits until the program's last day.</summary>
    internal static DateRange TimeOf(ProgramDefinition program, GoalQuantity quantity)
    {
        var implementation = program.Schedule.Implementation;
        return quantity is GoalQuantity.Enrolments or GoalQuantity.WomenShare
            ? new DateRange(implementation.Start, program.EnrolmentWindow.End ?? implementation.End)
            : new DateRange(implementation.Start, ProgramSchedule.LastDayOf(program.Period));
    }

    /// <summary>The Wilson score interval of a share <paramref name="k"/>/<paramref name="n"/> at 90 %.</summary>
    internal static (double Low, double High) Wilson(long k, long n)
    {
        double p = (double)k / n;
        double z2 = Z * Z;
        double centre = (p + (z2 / (2 * n))) / (1 + (z2 / n));
        double half = Z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4.0 * n * n))) / (1 + (z2 / n));
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
