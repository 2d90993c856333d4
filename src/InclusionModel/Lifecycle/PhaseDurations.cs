using InclusionModel.Programs;
using NodaTime;

namespace InclusionModel.Lifecycle;

/// <summary>
/// The duration arithmetic of docs/interchange-contract.md §3: a phase started on <c>S</c>, ended on <c>E</c>, with
/// <c>P</c> paused days is in bounds when <c>S + m months &lt;= E - P days &lt;= S + M months</c>, with
/// calendar months that clamp to the month's end.
/// </summary>
public static class PhaseDurations
{
    /// <summary>The day the phase would have ended without its pauses: <c>E - P days</c>.</summary>
    /// <param name="end">The end <c>E</c> (or the as-of date for an open phase).</param>
    /// <param name="pausedDays">The paused days <c>P</c>.</param>
    /// <returns><c>E - P days</c>.</returns>
    public static LocalDate NetEnd(LocalDate end, int pausedDays) => end.PlusDays(-pausedDays);

    /// <summary><c>start + months</c>, clamped to the month's end, or the last representable date when that is out of range.</summary>
    /// <param name="start">The start.</param>
    /// <param name="months">Whole months, not negative.</param>
    /// <returns>The date.</returns>
    public static LocalDate AddMonths(LocalDate start, int months)
    {
        long totalMonths = (start.Year * 12L) + start.Month - 1 + months;
        return totalMonths / 12 > 9999 ? LocalDate.MaxIsoValue : start.PlusMonths(months);
    }

    /// <summary>Whether the phase ended (net of pauses) before its minimum duration.</summary>
    /// <param name="phase">The phase.</param>
    /// <param name="start">The phase's start <c>S</c>.</param>
    /// <param name="end">The end <c>E</c>.</param>
    /// <param name="pausedDays">The paused days <c>P</c>.</param>
    /// <returns><c>true</c> when <c>S + m months &gt; E - P days</c>.</returns>
    public static bool IsBelowMinimum(PhaseDefinition phase, LocalDate start, LocalDate end, int pausedDays)
        => IsBelowMinimum(Preconditions.CheckNotNull(phase), start, IsoDates.DayNumber(end), pausedDays);

    /// <summary>Whether the phase lasted (net of pauses) longer than its maximum duration.</summary>
    /// <param name="phase">The phase.</param>
    /// <param name="start">The phase's start <c>S</c>.</param>
    /// <param name="end">The end <c>E</c>, or the as-of date for an open phase.</param>
    /// <param name="pausedDays">The paused days <c>P</c>.</param>
    /// <returns><c>true</c> when <c>E - P days &gt; S + M months</c>.</returns>
    public static bool IsAboveMaximum(PhaseDefinition phase, LocalDate start, LocalDate end, int pausedDays)
        => IsAboveMaximum(Preconditions.CheckNotNull(phase), start, IsoDates.DayNumber(end), pausedDays);

    /// <summary>The bounds check on day numbers: integer arithmetic only, for the validator's hot path.</summary>
    internal static bool IsBelowMinimum(PhaseDefinition phase, LocalDate start, int endDay, int pausedDays)
        => phase.MinimumMonths is { } m && IsoDates.AddMonths(start, m) > endDay - pausedDays;

    /// <summary>The bounds check on day numbers: integer arithmetic only, for the validator's hot path.</summary>
    internal static bool IsAboveMaximum(PhaseDefinition phase, LocalDate start, int endDay, int pausedDays)
        => phase.MaximumMonths is { } max && endDay - pausedDays > IsoDates.AddMonths(start, max);

    /// <summary>Describes the net time from <paramref name="start"/> to <paramref name="netEnd"/>, such as <c>12 months and 1 day</c> (in Swedish <c>12 månader och 1 dag</c> under a Swedish UI culture).</summary>
    /// <param name="start">The start.</param>
    /// <param name="netEnd">The end net of pauses.</param>
    /// <returns>The description.</returns>
    public static string Describe(LocalDate start, LocalDate netEnd)
    {
        if (netEnd < start)
        {
            return Texts.Get("duration.negative");
        }

        var period = Period.Between(start, netEnd, PeriodUnits.Months | PeriodUnits.Days);
        string months = period.Months == 1 ? Texts.Get("duration.month") : Texts.Format("duration.months", period.Months);
        string days = period.Days == 1 ? Texts.Get("duration.day") : Texts.Format("duration.days", period.Days);
        return period.Days == 0 ? months : period.Months == 0 ? days : Texts.Format("duration.and", months, days);
    }
}
