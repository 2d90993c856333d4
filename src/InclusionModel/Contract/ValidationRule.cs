namespace InclusionModel.Contract;

/// <summary>
/// The validation rules of docs/interchange-contract.md §3. Each has a stable contract id (<see cref="ValidationRules.Id"/>),
/// such as <c>phase-max-duration</c>; the ids are part of the public contract and never change.
/// </summary>
public enum ValidationRule : byte
{
    /// <summary><c>unknown-program</c>: the record's program is not known.</summary>
    UnknownProgram = 0,

    /// <summary><c>unknown-event</c>: the event's type is not one of the contract's types. The event is not applied.</summary>
    UnknownEvent,

    /// <summary><c>unknown-phase</c>: the phase is not a phase of the program. The event is not applied.</summary>
    UnknownPhase,

    /// <summary><c>date-order</c>: the event is dated before the previous event.</summary>
    DateOrder,

    /// <summary><c>future-date</c>: the event is dated after the as-of date.</summary>
    FutureDate,

    /// <summary><c>transition-not-allowed</c>: the event is not an allowed move from the current state. The event is not applied.</summary>
    TransitionNotAllowed,

    /// <summary><c>outside-enrolment-window</c>: an enrolment outside the program's enrolment window.</summary>
    OutsideEnrolmentWindow,

    /// <summary><c>capacity-exceeded</c>: the enrolment would exceed the program's places.</summary>
    CapacityExceeded,

    /// <summary><c>phase-order</c>: a phase that is not the next one in program order. The event is not applied.</summary>
    PhaseOrder,

    /// <summary><c>phase-min-duration</c>: a phase left for the next one, or completed, before its minimum duration.</summary>
    PhaseMinDuration,

    /// <summary><c>phase-max-duration</c>: a phase that lasts longer than its maximum duration.</summary>
    PhaseMaxDuration,

    /// <summary><c>study-days-exceeded</c>: more study days a week than the phase allows.</summary>
    StudyDaysExceeded,

    /// <summary><c>outcome-required</c>: an exit with reason completed or early-exit has no outcome.</summary>
    OutcomeRequired,

    /// <summary><c>completed-too-early</c>: an exit with reason completed from a state other than the last phase.</summary>
    CompletedTooEarly,

    /// <summary><c>pii-in-identifier</c>: the participant id is, or holds, a personal identity or coordination number.</summary>
    PiiInIdentifier,

    /// <summary>
    /// <c>duplicate-participant</c>: an earlier line of the same run has the record's participant and program.
    /// Checked across a run, like <see cref="CapacityExceeded"/>; the record is still validated on its own.
    /// </summary>
    DuplicateParticipant,
}
