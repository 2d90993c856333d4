using NodaTime;

namespace InclusionModel.Validation;

/// <summary>
/// For a participant still in a phase on the as-of date: how long the phase has lasted and how long it
/// may still last, net of pauses.
/// </summary>
/// <param name="Phase">The phase id.</param>
/// <param name="StartedOn">The day the phase started.</param>
/// <param name="PausedDays">The days paused inside the phase up to the as-of date (an open pause included).</param>
/// <param name="Elapsed">The time in the phase up to the as-of date, net of pauses, in months and days.</param>
/// <param name="EarliestEnd">The first day the phase may end, given the pauses so far, or <c>null</c> when it has no minimum (or the day falls after 9999-12-31, the end of the calendar).</param>
/// <param name="LatestEnd">The last day the phase may end, given the pauses so far, or <c>null</c> when it has no maximum (or the day falls after 9999-12-31).</param>
/// <param name="Remaining">The time from the as-of date to <paramref name="LatestEnd"/> in months and days (negative when over), or <c>null</c> when the phase has no maximum.</param>
public sealed record OpenPhaseProgress(string Phase, LocalDate StartedOn, int PausedDays, Period Elapsed, LocalDate? EarliestEnd, LocalDate? LatestEnd, Period? Remaining);
