using NodaTime;

namespace InclusionModel.Contract;

/// <summary>One broken rule: which rule, at which event, on which date, and why.</summary>
/// <param name="Rule">The rule broken; its contract id is <c>Rule.Id()</c>.</param>
/// <param name="EventIndex">The 0-based index of the event in the record, or <c>null</c> for the record as a whole.</param>
/// <param name="On">The date of the event, or <c>null</c> for the record as a whole.</param>
/// <param name="Message">A sentence for people; it may change between versions, the rule id does not.</param>
public readonly record struct Violation(ValidationRule Rule, int? EventIndex, LocalDate? On, string Message)
{
    /// <summary>The rule's contract id, such as <c>phase-max-duration</c>.</summary>
    public string RuleId => Rule.Id();

    /// <summary>The violation for people, its event numbered as <see cref="EventIndex"/> and the JSON's <c>event</c> number it: from 0 (the first event is "event 0").</summary>
    /// <returns>For example <c>Phase longer than its maximum (phase-max-duration) at event 5 (2013-05-02): employment lasted 13 months …</c>: the rule's name with its id in brackets.</returns>
    public override string ToString()
        => EventIndex is { } index
            ? Texts.Format("violation.at-event", DisplayNames.WithId(DisplayNames.Rule, RuleId), index, On is { } on ? IsoDates.Format(on) : "?", Message)
            : $"{DisplayNames.WithId(DisplayNames.Rule, RuleId)}: {Message}";
}
