using NodaTime;

namespace InclusionModel.Lifecycle;

/// <summary>
/// Where a participant stands in a program's lifecycle: the state, and for a phase the facts its
/// duration rules need. The state machine definition is shared; this value is the state held outside it.
/// </summary>
/// <param name="State">The lifecycle state.</param>
/// <param name="PhaseStartedOn">For a phase or a paused phase, the day the phase started; otherwise <c>null</c>.</param>
/// <param name="PausedDays">Days spent paused inside the current phase in pauses that have ended.</param>
/// <param name="PausedOn">For a paused phase, the day the current pause began; otherwise <c>null</c>.</param>
public readonly record struct ParticipantStatus(LifecycleState State, LocalDate? PhaseStartedOn, int PausedDays, LocalDate? PausedOn)
{
    /// <summary>The status before any event.</summary>
    public static ParticipantStatus Initial { get; } = new(LifecycleState.Start, null, 0, null);

    /// <summary>The days paused inside the current phase up to <paramref name="date"/>, the open pause included.</summary>
    /// <param name="date">The day to count to (an exit, or the as-of date).</param>
    /// <returns>The paused days; never negative.</returns>
    public int PausedDaysUntil(LocalDate date)
        => PausedDays + (PausedOn is { } since && date > since ? Period.DaysBetween(since, date) : 0);
}
