namespace InclusionModel;

/// <summary>
/// The one lookup of the names people read for the ids they see (issue 24): states, phases, rules, goals,
/// roles, report kinds, reasons, outcomes, employment forms, subsidies, decisions. The names live in
/// <see cref="Texts"/> under <c>name.&lt;kind&gt;.&lt;id&gt;</c>; an id the table does not know (a phase of a
/// program file, say) is shown as it is.
/// </summary>
internal static class DisplayNames
{
    internal const string State = "state";
    internal const string Phase = "phase";
    internal const string Goal = "goal";
    internal const string Quantity = "quantity";
    internal const string Status = "status";
    internal const string Role = "role";
    internal const string Rule = "rule";
    internal const string Report = "report";
    internal const string Reason = "reason";
    internal const string Outcome = "outcome";
    internal const string Form = "form";
    internal const string Subsidy = "subsidy";
    internal const string Gender = "gender";
    internal const string Education = "education";
    internal const string Decision = "decision";
    internal const string Result = "result";
    internal const string Fact = "fact";

    /// <summary>The name of <paramref name="id"/> in the current language, or the id itself when it has none.</summary>
    internal static string Name(string kind, string id) => Texts.TryGet($"name.{kind}.{id}", out var name) ? name : id;

    /// <summary>
    /// The name of <paramref name="id"/> in the current language, a program's own name first: <paramref name="own"/>
    /// (a definition's names for its phase, goal or rule, for that program only), else the table's, else the id.
    /// </summary>
    internal static string Name(string kind, string id, LocalizedText? own) => own?.ToString() ?? Name(kind, id);

    /// <summary>The name with the id in brackets, a program's own name (<paramref name="own"/>) first.</summary>
    internal static string WithId(string kind, string id, LocalizedText? own) => own is null ? WithId(kind, id) : Bracketed(own.ToString(), id);

    /// <summary>The name with the id in brackets, for a technical reader: <c>Förberedelse (preparation)</c>; the id alone when it has no name.</summary>
    internal static string WithId(string kind, string id) => Texts.TryGet($"name.{kind}.{id}", out var name) ? Bracketed(name, id) : id;

    /// <summary>A lifecycle state, which is a fixed state (<c>enrolled</c>, <c>exited</c> …) or a program's phase.</summary>
    internal static string StateName(string id) => Texts.TryGet($"name.state.{id}", out var name) ? name : Name(Phase, id);

    /// <summary>A lifecycle state with its id in brackets.</summary>
    internal static string StateWithId(string id) => StateName(id) is var name && name != id ? Bracketed(name, id) : id;

    /// <summary>The name with the id in brackets, or the id alone when the name only spells it (<c>Exit support</c> for <c>exit-support</c>).</summary>
    private static string Bracketed(string name, string id) => name.Replace(' ', '-').Equals(id, StringComparison.OrdinalIgnoreCase) ? id : $"{name} ({id})";

    /// <summary>The kind of a breakdown's keys, by the breakdown's dotted name (<c>participants.byGender</c> is <see cref="Gender"/>).</summary>
    internal static string? KindOfBreakdown(string breakdown) => breakdown switch
    {
        "participants.byGender" => Gender,
        "participants.byEducation" => Education,
        "participants.byState" => State,
        "exited.byReason" => Reason,
        "exited.byOutcome" or "followUps.byOutcome" => Outcome,
        "exited.byEmploymentForm" => Form,
        "exited.bySubsidy" => Subsidy,
        _ => null,
    };

    /// <summary>A key of a breakdown as people read it (a report for a board: the name, no id).</summary>
    internal static string Cell(string kind, string key) => kind == State ? StateName(key) : Name(kind, key);
}
