namespace InclusionModel.Contract;

/// <summary>The kinds of lifecycle trigger: the event types of docs/interchange-contract.md §1, split where the move depends on a field.</summary>
public enum TriggerKind : byte
{
    /// <summary>A <c>referred</c> event.</summary>
    Referred = 0,

    /// <summary>An <c>assessed</c> event with <c>eligible: true</c>.</summary>
    AssessedEligible,

    /// <summary>An <c>assessed</c> event with <c>eligible: false</c>.</summary>
    AssessedIneligible,

    /// <summary>A <c>waitlisted</c> event.</summary>
    Waitlisted,

    /// <summary>An <c>enrolled</c> event.</summary>
    Enrolled,

    /// <summary>A <c>paused</c> event.</summary>
    Paused,

    /// <summary>A <c>resumed</c> event.</summary>
    Resumed,

    /// <summary>An <c>activity</c> event; changes no state.</summary>
    Activity,

    /// <summary>An <c>exited</c> event with reason <c>completed</c>.</summary>
    ExitedCompleted,

    /// <summary>An <c>exited</c> event with any other reason.</summary>
    Exited,

    /// <summary>A <c>followed-up</c> event; changes no state.</summary>
    FollowedUp,

    /// <summary>A <c>phase-started</c> event; <see cref="Lifecycle.LifecycleTrigger.PhaseIndex"/> says which phase.</summary>
    PhaseStarted,
}
