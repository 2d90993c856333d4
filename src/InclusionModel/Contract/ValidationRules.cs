namespace InclusionModel.Contract;

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
