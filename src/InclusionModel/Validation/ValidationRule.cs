namespace InclusionModel.Validation;

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

/// <summary>The contract ids of <see cref="ValidationRule"/>.</summary>
public static class ValidationRules
{
    private static readonly string[] Ids =
    [
        "unknown-program", "unknown-event", "unknown-phase", "date-order", "future-date", "transition-not-allowed",
        "outside-enrolment-window", "capacity-exceeded", "phase-order", "phase-min-duration", "phase-max-duration",
        "study-days-exceeded", "outcome-required", "completed-too-early", "pii-in-identifier", "duplicate-participant",
    ];

    /// <summary>Every rule, in contract order.</summary>
    public static IReadOnlyList<ValidationRule> All { get; } =
    [
        ValidationRule.UnknownProgram, ValidationRule.UnknownEvent, ValidationRule.UnknownPhase, ValidationRule.DateOrder,
        ValidationRule.FutureDate, ValidationRule.TransitionNotAllowed, ValidationRule.OutsideEnrolmentWindow,
        ValidationRule.CapacityExceeded, ValidationRule.PhaseOrder, ValidationRule.PhaseMinDuration, ValidationRule.PhaseMaxDuration,
        ValidationRule.StudyDaysExceeded, ValidationRule.OutcomeRequired, ValidationRule.CompletedTooEarly,
        ValidationRule.DuplicateParticipant, ValidationRule.PiiInIdentifier,
    ];

    /// <summary>The rule's contract id, for example <c>phase-max-duration</c>.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rule"/> is not a defined rule.</exception>
    public static string Id(this ValidationRule rule)
        => (int)rule < Ids.Length ? Ids[(int)rule] : throw new ArgumentOutOfRangeException(nameof(rule), rule, "Not a validation rule.");

    /// <summary>Finds the rule with the contract id <paramref name="id"/>.</summary>
    /// <param name="id">A contract id such as <c>date-order</c>.</param>
    /// <param name="rule">The rule, when found.</param>
    /// <returns><c>true</c> when the id names a rule.</returns>
    public static bool TryParse(string? id, out ValidationRule rule)
    {
        int index = Array.IndexOf(Ids, id);
        rule = (ValidationRule)Math.Max(index, 0);
        return index >= 0;
    }
}
