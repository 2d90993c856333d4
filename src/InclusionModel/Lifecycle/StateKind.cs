namespace InclusionModel.Lifecycle;

/// <summary>The kinds of lifecycle state of docs/interchange-contract.md §2.</summary>
public enum StateKind : byte
{
    /// <summary>Before the first event: no episode has begun.</summary>
    Start = 0,

    /// <summary><c>referred</c>: someone is referred to the program (anvisning).</summary>
    Referred,

    /// <summary><c>eligible</c>: assessed as belonging to the target group.</summary>
    Eligible,

    /// <summary><c>ineligible</c>: assessed as not belonging to the target group.</summary>
    Ineligible,

    /// <summary><c>waitlisted</c>: eligible, but no place yet.</summary>
    Waitlisted,

    /// <summary><c>enrolled</c>: given a place (inskriven), no phase started yet.</summary>
    Enrolled,

    /// <summary><c>exited</c>: participation has ended (avslut).</summary>
    Exited,

    /// <summary>One of the program's phases; <see cref="LifecycleState.PhaseIndex"/> says which.</summary>
    Phase,

    /// <summary><c>paused</c> (uppehåll) inside a phase; <see cref="LifecycleState.PhaseIndex"/> says which.</summary>
    Paused,
}
