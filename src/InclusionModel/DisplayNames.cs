namespace InclusionModel;

/// <summary>
/// The one lookup of the names people read for the ids they see (issue 24): states, phases, rules, goals,
/// roles, report kinds, reasons, outcomes, employment forms, subsidies, decisions. The names live in
/// <see cref="Texts"/> under <c>name.&lt;kind&gt;.&lt;id&gt;</c>; an id the table does not know (a phase of a
/// program file, say) is shown as it is. Names are in the language of the calling thread's
/// <see cref="System.Globalization.CultureInfo.CurrentUICulture"/> (Swedish for <c>sv</c>, English otherwise),
/// looked up at each call. A kind is one of the constants below.
/// </summary>
public static class DisplayNames
{
    /// <summary>A lifecycle state (§2): <c>referred</c>, <c>enrolled</c>, <c>exited</c>, … or a phase.</summary>
    public const string State = "state";
    /// <summary>A phase of a program.</summary>
    public const string Phase = "phase";
    /// <summary>A goal of a program.</summary>
    public const string Goal = "goal";
    /// <summary>What a goal counts (<c>enrolments</c>, <c>women-share</c>, …).</summary>
    public const string Quantity = "quantity";
    /// <summary>A goal's status (<c>met</c>, <c>on-track</c>, …).</summary>
    public const string Status = "status";
    /// <summary>A staff role (<c>coach</c>, <c>bridge-builder</c>, …).</summary>
    public const string Role = "role";
    /// <summary>A validation or eligibility rule.</summary>
    public const string Rule = "rule";
    /// <summary>A kind of report (<c>monthly-summary</c>, <c>half-year-report</c>, <c>final-report</c>).</summary>
    public const string Report = "report";
    /// <summary>A reason of exit.</summary>
    public const string Reason = "reason";
    /// <summary>An outcome of exit or follow-up.</summary>
    public const string Outcome = "outcome";
    /// <summary>An employment form.</summary>
    public const string Form = "form";
    /// <summary>A wage subsidy.</summary>
    public const string Subsidy = "subsidy";
    /// <summary>A gender, as reports break participants down.</summary>
    public const string Gender = "gender";
    /// <summary>A level of education.</summary>
    public const string Education = "education";
    /// <summary>An eligibility decision.</summary>
    public const string Decision = "decision";
    /// <summary>The result of one eligibility rule.</summary>
    public const string Result = "result";
    /// <summary>An event type of a history (<c>referred</c>, <c>enrolled</c>, <c>exited</c>, …).</summary>
    public const string Event = "event";

    /// <summary>A working method a program names (<c>empowerment</c>, <c>coaching</c>); a method the table does not know is shown as the definition writes it.</summary>
    public const string Method = "method";

    /// <summary>A strategic goal a program serves (<c>roma-inclusion-strategy-2012-2032</c>).</summary>
    public const string Strategic = "strategic";

    /// <summary>A fact of an eligibility line.</summary>
    public const string Fact = "fact";

    /// <summary>The name of <paramref name="id"/> in the current language, or the id itself when it has none.</summary>
    /// <param name="kind">What the id names: one of this class's constants.</param>
    /// <param name="id">The id, as the contract writes it.</param>
    /// <returns>The name people read.</returns>
    public static string Name(string kind, string id) => Texts.TryGet($"name.{kind}.{id}", out var name) ? name : id;

    /// <summary>
    /// The name of <paramref name="id"/> in the current language, a program's own name first: <paramref name="own"/>
    /// (a definition's names for its phase, goal or rule, for that program only), else the table's, else the id.
    /// </summary>
    internal static string Name(string kind, string id, LocalizedText? own) => own?.ToString() ?? Name(kind, id);

    /// <summary>The name with the id in brackets, a program's own name (<paramref name="own"/>) first.</summary>
    internal static string WithId(string kind, string id, LocalizedText? own) => own is null ? WithId(kind, id) : Bracketed(own.ToString(), id);

    /// <summary>The name with the id in brackets, for a technical reader: <c>Förberedelse (preparation)</c>; the id alone when it has no name.</summary>
    /// <param name="kind">What the id names: one of this class's constants.</param>
    /// <param name="id">The id, as the contract writes it.</param>
    /// <returns>The name and the id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="kind"/> or <paramref name="id"/> is <c>null</c>.</exception>
    public static string WithId(string kind, string id) => TableNameWithId(Preconditions.CheckNotNull(kind), Preconditions.CheckNotNull(id));

    // A name with its id is built for every violation line, and the same few (the rules, the fixed states, the
    // contract's reasons) over and over: each of the table's names is built once per language and kept. Only the
    // table's own ids are kept (a finite set); an id without a name, which can come from the input (an unknown
    // event's type), and a definition's own names are built each time and kept nowhere (benchmarks/README.md, issue 23).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Kind, string Id, bool Swedish), string> WithIdCache = new();

    private static string TableNameWithId(string kind, string id)
    {
        var key = (kind, id, Texts.Swedish);
        if (WithIdCache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        if (!Texts.TryGet($"name.{kind}.{id}", out var name))
        {
            return id;
        }

        return WithIdCache.GetOrAdd(key, Bracketed(name, id));
    }

    /// <summary>A lifecycle state, which is a fixed state (<c>enrolled</c>, <c>exited</c> …) or a program's phase.</summary>
    /// <param name="id">The state's id.</param>
    /// <returns>The name people read, or the id when it has none.</returns>
    public static string StateName(string id) => Texts.TryGet($"name.state.{id}", out var name) ? name : Name(Phase, id);

    /// <summary>A lifecycle state with its id in brackets.</summary>
    /// <param name="id">The state's id.</param>
    /// <returns>The name and the id, or the id alone when it has no name.</returns>
    public static string StateWithId(string id) => StateName(id) is var name && name != id ? Bracketed(name, id) : id;

    /// <summary>A name in a sentence, quoted, with its id in brackets: <c>”Nyanländ” (newly-arrived)</c>, <c>“Newly arrived” (newly-arrived)</c>; the id alone when the name is the id.</summary>
    internal static string Quoted(string name, string id) => name == id ? id : Texts.Format("quoted", name, id);

    /// <summary>The name with the id in brackets, or the id alone when the name only spells it (<c>Exit support</c> for <c>exit-support</c>).</summary>
    private static string Bracketed(string name, string id) => Spells(name, id) ? id : $"{name} ({id})";

    /// <summary>Whether <paramref name="name"/> is <paramref name="id"/> with spaces for hyphens, in any case, compared without building a string.</summary>
    private static bool Spells(string name, string id)
    {
        if (name.Length != id.Length)
        {
            return false;
        }

        for (int i = 0; i < name.Length; i++)
        {
            char n = name[i] == ' ' ? '-' : name[i];
            if (n != id[i] && char.ToUpperInvariant(n) != char.ToUpperInvariant(id[i]))
            {
                return false;
            }
        }

        return true;
    }

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
