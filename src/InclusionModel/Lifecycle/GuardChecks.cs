using InclusionModel.Contract;

namespace InclusionModel.Lifecycle;

/// <summary>The guarded rules that a compiled transition carries, read from the guard descriptions of the Stateless definition.</summary>
[Flags]
internal enum GuardChecks : byte
{
    None = 0,
    EnrolmentWindow = 1,
    Capacity = 2,
    MinDuration = 4,
    CompletedTooEarly = 8,
    StudyDays = 16,
}

internal static class GuardChecksExtensions
{
    internal static GuardChecks FromRule(ValidationRule rule) => rule switch
    {
        ValidationRule.OutsideEnrolmentWindow => GuardChecks.EnrolmentWindow,
        ValidationRule.CapacityExceeded => GuardChecks.Capacity,
        ValidationRule.PhaseMinDuration => GuardChecks.MinDuration,
        ValidationRule.CompletedTooEarly => GuardChecks.CompletedTooEarly,
        ValidationRule.StudyDaysExceeded => GuardChecks.StudyDays,
        _ => throw new InvalidOperationException($"Rule '{rule.Id()}' is not a transition guard."),
    };
}

/// <summary>What a move does to the phase clock (<see cref="StatusCursor"/>).</summary>
internal enum ClockMove : byte
{
    /// <summary>The state does not change (an activity, a follow-up).</summary>
    Stay = 0,

    /// <summary>A phase starts: its clock starts.</summary>
    EnterPhase,

    /// <summary>A pause begins inside the phase.</summary>
    Pause,

    /// <summary>The pause ends: back to the same phase, the paused days counted.</summary>
    Resume,

    /// <summary>Any other state: no phase clock.</summary>
    Reset,
}

/// <summary>One cell of the compiled transition table.</summary>
/// <param name="Target">The index of the target state, or -1 when the move is not allowed.</param>
/// <param name="Checks">The guarded rules to check on this move.</param>
/// <param name="LeavesBoundedPhase">Whether the move leaves a phase that has a maximum duration (rule <c>phase-max-duration</c>).</param>
/// <param name="Clock">What the move does to the phase clock.</param>
internal readonly record struct CompiledTransition(short Target, GuardChecks Checks, bool LeavesBoundedPhase, ClockMove Clock)
{
    internal static CompiledTransition None => new(-1, GuardChecks.None, false, ClockMove.Stay);

    /// <summary>Whether the validator has anything to check on this move beyond the move itself.</summary>
    internal bool HasRules => Checks != GuardChecks.None || LeavesBoundedPhase;
}
