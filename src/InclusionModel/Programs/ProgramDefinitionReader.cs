using System.Collections.Immutable;
using System.Globalization;
using InclusionModel.Contract;
using NodaTime;

namespace InclusionModel.Programs;

/// <summary>
/// Turns a located JSON tree into a <see cref="ProgramDefinitionBuilder"/>, collecting every wrong type,
/// unknown field and unreadable value with its path and line instead of stopping at the first.
/// </summary>
internal sealed class ProgramDefinitionReader
{
    private static readonly string[] ProgramFields =
    [
        "$schema", "id", "name", "description", "owner", "partners", "municipalities", "funders", "budget", "purpose", "methods", "staff",
        "period", "enrolmentWindow", "places", "specialCategoryData", "targetGroup", "phases", "goals", "reports", "strategicGoals", "sources", "takenAs", "statedBy", "findings",
    ];

    private static readonly string[] RuleFields = ["rule", "names", .. TargetGroupRule.ParameterNames];

    private readonly List<ProgramDefinitionProblem> _problems;

    private ProgramDefinitionReader(List<ProgramDefinitionProblem> problems) => _problems = problems;

    /// <summary>The lines of the values read, by JSON path, to locate the validator's findings.</summary>
    public Dictionary<string, int> Lines { get; } = new(StringComparer.Ordinal);

    /// <summary>The paths at which a value could not be read; validator findings at or under them are not repeated.</summary>
    public HashSet<string> Unreadable { get; } = new(StringComparer.Ordinal);

    /// <summary>The fields each kind of object must have.</summary>
    internal static IReadOnlyDictionary<string, string[]> RequiredFields { get; } = new Dictionary<string, string[]>
    {
        ["program"] = ["id", "name", "phases"],
        ["budget"] = ["amount", "currency"],
        ["staff"] = ["role"],
        ["rule"] = ["rule"],
        ["phase"] = ["id"],
        ["goal"] = ["id"],
        ["milestone"] = ["on", "target"],
        ["report"] = ["kind"],
        ["source"] = ["file"],
        ["takenAs"] = ["path", "source", "reading"],
        ["statedBy"] = ["path", "source", "says"],
        ["finding"] = ["text", "source", "says"],
    };

    /// <summary>The field names each kind of object accepts (for the schema test and the documentation).</summary>
    internal static IReadOnlyDictionary<string, string[]> Fields { get; } = new Dictionary<string, string[]>
    {
        ["program"] = ProgramFields,
        ["budget"] = ["amount", "currency"],
        ["staff"] = ["role", "count", "perMunicipality", "description"],
        ["period"] = ["planning", "implementation", "closing"],
        ["dateRange"] = ["start", "end"],
        ["targetGroup"] = ["description", "required", "exceptions"],
        ["rule"] = RuleFields,
        ["phase"] = ["id", "names", "optional", "minimumMonths", "maximumMonths", "maxStudyDaysPerWeek"],
        ["goal"] = ["id", "names", "description", "quantity", "target", "bound", "milestones"],
        ["milestone"] = ["on", "target"],
        ["report"] = ["kind", "evaluatedBy", "daysToSubmit", "recipient"],
        ["source"] = ["file", "title"],
        ["takenAs"] = ["path", "source", "says", "reading"],
        ["statedBy"] = ["path", "source", "says"],
        ["finding"] = ["on", "text", "source", "says"],
    };

    public static ProgramDefinitionBuilder? Read(LocatedNode root, List<ProgramDefinitionProblem> problems, out ProgramDefinitionReader reader)
    {
        reader = new ProgramDefinitionReader(problems);
        return reader.ReadProgram(root);
    }

    private ProgramDefinitionBuilder? ReadProgram(LocatedNode root)
    {
        Lines["$"] = root.Line;
        if (root.Kind != LocatedKind.Object)
        {
            Problem("$", root, Texts.Format("pd.expected-object", root.KindName));
            return null;
        }

        var m = Members(root, "$", "program", Texts.Get("phrase.a program definition"));
        var builder = new ProgramDefinitionBuilder(String(m, "id") ?? "", String(m, "name") ?? "")
            .WithDescription(Text(m, "description"))
            .WithOwner(String(m, "owner"))
            .WithPartners(StringList(m, "partners"))
            .WithMunicipalities(StringList(m, "municipalities"))
            .WithFunders(StringList(m, "funders"))
            .WithBudget(Object(m, "budget", "budget", Texts.Get("phrase.a budget"), b => (Budget?)new Budget(Decimal(b, "amount") ?? 0, String(b, "currency") ?? "")))
            .WithPurpose(Text(m, "purpose"))
            .WithMethods(TextList(m, "methods"))
            .WithPeriod(Object(m, "period", "period", Texts.Get("phrase.a period"), ReadPeriod) ?? ProgramPeriod.Unknown)
            .WithEnrolmentWindow(Object(m, "enrolmentWindow", "dateRange", Texts.Get("phrase.an enrolment window"), w => (EnrolmentWindow?)new EnrolmentWindow(Date(w, "start"), Date(w, "end"))))
            .WithPlaces(Int(m, "places"))
            .WithSpecialCategoryData(Bool(m, "specialCategoryData") ?? false)
            .WithTargetGroup(Object(m, "targetGroup", "targetGroup", Texts.Get("phrase.a target group"), ReadTargetGroup))
            .WithPhases(List(m, "phases", "phase", Texts.Get("phrase.a phase"), ph => PhaseDefinition.Create(
                String(ph, "id") ?? "", Bool(ph, "optional") ?? false, Int(ph, "minimumMonths"), Int(ph, "maximumMonths"), Int(ph, "maxStudyDaysPerWeek")) with { Names = Text(ph, "names") }) ?? []);
        builder
            .WithStaff(List(m, "staff", "staff", Texts.Get("phrase.a staff role"), s => new StaffRole(String(s, "role") ?? "", Int(s, "count"), Bool(s, "perMunicipality") ?? false) { LocalizedDescription = Text(s, "description") }))
            .WithGoals(List(m, "goals", "goal", Texts.Get("phrase.a goal"), ReadGoal))
            .WithReports(List(m, "reports", "report", Texts.Get("phrase.a reporting duty"), r => new ReportDuty(Enum<ReportKind>(r, "kind") ?? (ReportKind)(-1), String(r, "evaluatedBy"), Int(r, "daysToSubmit"), String(r, "recipient"))))
            .WithStrategicGoals(StringList(m, "strategicGoals"))
            .WithSources(List(m, "sources", "source", Texts.Get("phrase.a source"), s => new SourceReference(String(s, "file") ?? "", String(s, "title"))) ?? [])
            .WithTakenAs(List(m, "takenAs", "takenAs", Texts.Get("phrase.a reading"), t => new TakenAs(String(t, "path") ?? "", String(t, "source") ?? "", String(t, "says"), "") { LocalizedReading = Text(t, "reading") ?? LocalizedText.Plain("") }) ?? [])
            .WithStatedBy(List(m, "statedBy", "statedBy", Texts.Get("phrase.a quote"), q => new StatedBy(String(q, "path") ?? "", String(q, "source") ?? "", String(q, "says") ?? "")) ?? [])
            .WithFindings(List(m, "findings", "finding", Texts.Get("phrase.a finding"), f => new Finding(Date(f, "on"), "", String(f, "source") ?? "", String(f, "says") ?? "") { LocalizedText = Text(f, "text") ?? LocalizedText.Plain("") }) ?? []);
        return builder;
    }

    private ProgramPeriod ReadPeriod(Dictionary<string, (LocatedNode Node, string Path)> m)
    {
        DateRange? Stage(string name) => Object(m, name, "dateRange", Texts.Get("phrase.a stage of the period"), s => (DateRange?)new DateRange(Date(s, "start"), Date(s, "end")));
        return new ProgramPeriod(Stage("planning"), Stage("implementation"), Stage("closing"));
    }

    private TargetGroup ReadTargetGroup(Dictionary<string, (LocatedNode Node, string Path)> m)
    {
        TargetGroupRule Rule(Dictionary<string, (LocatedNode Node, string Path)> r)
            => new(String(r, "rule") ?? "", StringList(r, "municipalities"), Int(r, "minimumAge"), Int(r, "maximumAge"),
                Int(r, "months"), Int(r, "ofMonths"), Int(r, "withinMonths")) { Names = Text(r, "names") };
        return new TargetGroup(
            List(m, "required", "rule", Texts.Get("phrase.a target-group rule"), Rule) ?? [],
            List(m, "exceptions", "rule", Texts.Get("phrase.a target-group rule"), Rule) ?? [])
        {
            LocalizedDescription = Text(m, "description"),
        };
    }

    private Goal ReadGoal(Dictionary<string, (LocatedNode Node, string Path)> m)
        => new(
            String(m, "id") ?? "",
            Enum<GoalQuantity>(m, "quantity"),
            Decimal(m, "target"),
            null,
            List(m, "milestones", "milestone", Texts.Get("phrase.a milestone"), ms => new GoalMilestone(Date(ms, "on") ?? default, Decimal(ms, "target") ?? 0)),
            Enum<GoalBound>(m, "bound") ?? GoalBound.AtLeast)
        {
            Names = Text(m, "names"),
            LocalizedDescription = Text(m, "description"),
        };

    /// <summary>
    /// A text people read: a string (the same text in every language) or an object of languages
    /// (<c>{"sv": "…", "en": "…"}</c>, at least one, no other key). A blank text is the validator's to refuse.
    /// </summary>
    private LocalizedText? Text(Dictionary<string, (LocatedNode Node, string Path)> m, string name)
    {
        if (!m.TryGetValue(name, out var v) || v.Node.Kind == LocatedKind.Null)
        {
            return null;
        }

        return Text(v.Node, v.Path);
    }

    /// <summary>The text at <paramref name="path"/>, as <see cref="Text(Dictionary{string, ValueTuple{LocatedNode, string}}, string)"/> reads it; <c>null</c> (with a problem) when unreadable.</summary>
    private LocalizedText? Text(LocatedNode node, string path)
    {
        var v = (Node: node, Path: path);
        if (v.Node.Kind == LocatedKind.String)
        {
            return LocalizedText.Plain(v.Node.Text!);
        }

        if (v.Node.Kind != LocatedKind.Object)
        {
            return WrongType<LocalizedText>(v.Path, v.Node, Texts.Get("definition.text.expected"));
        }

        string? sv = null, en = null;
        bool readable = true;
        foreach (var (language, line, value) in v.Node.Members)
        {
            string at = $"{v.Path}.{Privacy.PersonalIdentityNumbers.SafeToQuote(language)}";
            Lines[at] = value.Line;
            if (language is not ("sv" or "en"))
            {
                string lower = language.ToLowerInvariant();
                string? close = lower.StartsWith("sv", StringComparison.Ordinal) || lower is "se" or "swedish" ? "sv" : lower.StartsWith("en", StringComparison.Ordinal) ? "en" : null;
                string hint = close is null ? "" : Texts.Format("er.did-you-mean", close);
                Problem(at, line, Texts.Format("definition.text.unknown-language", Privacy.PersonalIdentityNumbers.SafeToQuote(language), hint));
                readable = false;
            }
            else if (value.Kind != LocatedKind.String)
            {
                WrongType<string>(at, value, Texts.Get("phrase.a string"));
                readable = false;
            }
            else if (language == "sv")
            {
                sv = value.Text;
            }
            else
            {
                en = value.Text;
            }
        }

        if (readable && sv is null && en is null)
        {
            Problem(v.Path, v.Node, Texts.Get("definition.text.no-language"));
        }

        return readable && (sv is not null || en is not null) ? LocalizedText.Create(sv, en) : null;
    }

    private Dictionary<string, (LocatedNode Node, string Path)> Members(LocatedNode node, string path, string kind, string what)
    {
        var known = Fields[kind];
        var members = new Dictionary<string, (LocatedNode, string)>(StringComparer.Ordinal);
        foreach (var (name, line, value) in node.Members)
        {
            string at = $"{path}.{Privacy.PersonalIdentityNumbers.SafeToQuote(name)}";
            Lines[at] = value.Line;
            if (!known.Contains(name))
            {
                string hint = Closest(name, known) is { } close ? Texts.Format("er.did-you-mean", close) : Texts.Format("pd.fields-are", string.Join(", ", known.Where(k => k != "$schema")));
                Problem(at, line, Texts.Format("pd.not-field", Privacy.PersonalIdentityNumbers.SafeToQuote(name), what, hint));
                continue;
            }

            members[name] = (value, at);
        }

        if (RequiredFields.TryGetValue(kind, out var required))
        {
            foreach (string name in required.Where(r => !members.TryGetValue(r, out var v) || v.Item1.Kind == LocatedKind.Null))
            {
                Problem($"{path}.{name}", node.Line, Texts.Format("pd.needs", what, name));
            }
        }

        return members;
    }

    private T? Object<T>(Dictionary<string, (LocatedNode Node, string Path)> m, string name, string kind, string what, Func<Dictionary<string, (LocatedNode Node, string Path)>, T> read)
    {
        if (!m.TryGetValue(name, out var v) || v.Node.Kind == LocatedKind.Null)
        {
            return default;
        }

        if (v.Node.Kind != LocatedKind.Object)
        {
            return WrongType<T>(v.Path, v.Node, what.Replace("a ", "an object: ", StringComparison.Ordinal));
        }

        return read(Members(v.Node, v.Path, kind, what));
    }

    /// <summary>Reads one item of an array at <paramref name="at"/>; an unreadable one is reported by the reader itself and gives <c>false</c>.</summary>
    private delegate bool ItemReader<T>(LocatedNode item, string at, out T value);

    /// <summary>
    /// The array at <paramref name="name"/>, each item read by <paramref name="readItem"/> and located for the
    /// problems: <c>null</c> when the member is absent or null, and (with a problem saying <paramref name="arrayExpected"/>)
    /// when it is not an array. The one shape of every list a definition holds.
    /// </summary>
    private ImmutableArray<T>? Items<T>(Dictionary<string, (LocatedNode Node, string Path)> m, string name, string arrayExpected, ItemReader<T> readItem)
    {
        if (!m.TryGetValue(name, out var v) || v.Node.Kind == LocatedKind.Null)
        {
            return null;
        }

        if (v.Node.Kind != LocatedKind.Array)
        {
            WrongType<T>(v.Path, v.Node, arrayExpected);
            return null;
        }

        var items = ImmutableArray.CreateBuilder<T>(v.Node.Items.Count);
        for (int i = 0; i < v.Node.Items.Count; i++)
        {
            var item = v.Node.Items[i];
            string at = $"{v.Path}[{i}]";
            Lines[at] = item.Line;
            if (readItem(item, at, out var value))
            {
                items.Add(value);
            }
        }

        return items.ToImmutable();
    }

    private ImmutableArray<T>? List<T>(Dictionary<string, (LocatedNode Node, string Path)> m, string name, string kind, string what, Func<Dictionary<string, (LocatedNode Node, string Path)>, T> read)
        => Items(m, name, Texts.Get("phrase.an array"), (LocatedNode item, string at, out T value) =>
        {
            if (item.Kind != LocatedKind.Object)
            {
                WrongType<T>(at, item, what.Replace("a ", "an object: ", StringComparison.Ordinal));
                value = default!;
                return false;
            }

            value = read(Members(item, at, kind, what));
            return true;
        });

    /// <summary>A list of texts people read (methods), each a string or an object of languages as <see cref="Text(LocatedNode, string)"/> reads it.</summary>
    private ImmutableArray<LocalizedText>? TextList(Dictionary<string, (LocatedNode Node, string Path)> m, string name)
        => Items(m, name, Texts.Get("definition.texts.expected"), (LocatedNode item, string at, out LocalizedText value) =>
        {
            if (item.Kind == LocatedKind.Null)
            {
                WrongType<LocalizedText>(at, item, Texts.Get("definition.text.expected"));
                value = null!;
                return false;
            }

            value = Text(item, at)!;
            return value is not null;
        });

    private ImmutableArray<string>? StringList(Dictionary<string, (LocatedNode Node, string Path)> m, string name)
        => Items(m, name, Texts.Get("phrase.an array of strings"), (LocatedNode item, string at, out string value) =>
        {
            if (item.Kind == LocatedKind.String)
            {
                value = item.Text!;
                return true;
            }

            WrongType<string>(at, item, Texts.Get("phrase.a string"));
            value = "";
            return false;
        });

    private string? String(Dictionary<string, (LocatedNode Node, string Path)> m, string name)
        => Scalar(m, name, Texts.Get("phrase.a string"), n => n.Kind == LocatedKind.String ? (true, n.Text) : (false, null));

    private bool? Bool(Dictionary<string, (LocatedNode Node, string Path)> m, string name)
        => Scalar<bool?>(m, name, Texts.Get("pd.true-or-false"), n => n.Kind switch { LocatedKind.True => (true, true), LocatedKind.False => (true, false), _ => (false, null) });

    private int? Int(Dictionary<string, (LocatedNode Node, string Path)> m, string name)
        => Scalar<int?>(m, name, Texts.Get("phrase.a whole number"), n => n.Kind == LocatedKind.Number && int.TryParse(n.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int i) ? (true, i) : (false, null));

    private decimal? Decimal(Dictionary<string, (LocatedNode Node, string Path)> m, string name)
        => Scalar<decimal?>(m, name, Texts.Get("phrase.a number"), n => n.Kind == LocatedKind.Number && decimal.TryParse(n.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal d) ? (true, d) : (false, null));

    private LocalDate? Date(Dictionary<string, (LocatedNode Node, string Path)> m, string name)
        => Scalar<LocalDate?>(m, name, "a date (YYYY-MM-DD)", n => n.Kind == LocatedKind.String && IsoDates.TryParse(System.Text.Encoding.UTF8.GetBytes(n.Text!), out var d) ? (true, d) : (false, null));

    private TEnum? Enum<TEnum>(Dictionary<string, (LocatedNode Node, string Path)> m, string name)
        where TEnum : struct, System.Enum
        => Scalar<TEnum?>(m, name, Texts.Format("pd.one-of", string.Join(", ", ContractNames<TEnum>.All)), n => n.Kind == LocatedKind.String && ContractNames<TEnum>.TryParse(n.Text, out var value) ? (true, value) : (false, null));

    private T? Scalar<T>(Dictionary<string, (LocatedNode Node, string Path)> m, string name, string expected, Func<LocatedNode, (bool Ok, T? Value)> convert)
    {
        if (!m.TryGetValue(name, out var v) || v.Node.Kind == LocatedKind.Null)
        {
            return default;
        }

        var (ok, value) = convert(v.Node);
        return ok ? value : WrongType<T>(v.Path, v.Node, expected);
    }

    private T? WrongType<T>(string path, LocatedNode node, string expected)
    {
        string found = node.Kind is LocatedKind.String or LocatedKind.Number
            ? $"{node.KindName} '{Privacy.PersonalIdentityNumbers.SafeToQuote(node.Text ?? "")}'"
            : node.KindName;
        Problem(path, node, Texts.Format("pd.expected", expected, found));
        return default;
    }

    private void Problem(string path, LocatedNode node, string message) => Problem(path, node.Line, message);

    private void Problem(string path, int line, string message)
    {
        Unreadable.Add(path);
        _problems.Add(new ProgramDefinitionProblem(path, message, line));
    }

    private static string? Closest(string name, string[] known)
    {
        string lower = name.ToLowerInvariant();
        var abbreviation = known.Where(k => k.Length > name.Length && name.Length >= 3 && char.ToLowerInvariant(k[0]) == lower[0] && IsSubsequence(lower, k.ToLowerInvariant())).ToArray();
        if (abbreviation.Length == 1)
        {
            return abbreviation[0];
        }

        string? best = null;
        int bestDistance = Math.Max(3, name.Length / 3 + 1);
        foreach (string candidate in known)
        {
            int d = Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (d < bestDistance)
            {
                best = candidate;
                bestDistance = d;
            }
        }

        return best;
    }

    private static bool IsSubsequence(string part, string whole)
    {
        int i = 0;
        foreach (char c in whole)
        {
            if (i < part.Length && part[i] == c)
            {
                i++;
            }
        }

        return i == part.Length;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
