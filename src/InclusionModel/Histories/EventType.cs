namespace InclusionModel.Histories;

/// <summary>The event types of docs/interchange-contract.md §1.</summary>
public enum EventType : byte
{
    /// <summary><c>referred</c>: someone is referred to the program (anvisning, remiss).</summary>
    Referred = 0,

    /// <summary><c>assessed</c>: eligibility was assessed.</summary>
    Assessed,

    /// <summary><c>waitlisted</c>: eligible, but no place yet.</summary>
    Waitlisted,

    /// <summary><c>enrolled</c>: given a place (inskrivning).</summary>
    Enrolled,

    /// <summary><c>phase-started</c>: the participant starts a phase.</summary>
    PhaseStarted,

    /// <summary><c>paused</c>: participation is paused (uppehåll).</summary>
    Paused,

    /// <summary><c>resumed</c>: back to the phase that was paused.</summary>
    Resumed,

    /// <summary><c>activity</c>: something the participant did; changes no state.</summary>
    Activity,

    /// <summary><c>exited</c>: participation ends (avslut).</summary>
    Exited,

    /// <summary><c>followed-up</c>: the participant's situation some months after exit.</summary>
    FollowedUp,
}
