using System.Collections.Immutable;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using InclusionModel.Contract;
using NodaTime;

namespace InclusionModel.Programs;

/// <summary>
/// Reads and writes program definitions in the JSON format described in <c>docs/program-definitions.md</c>
/// and in the JSON Schema <see cref="Schema"/>.
/// </summary>
/// <remarks>
/// Reading is strict and complete: syntax errors, wrong types, unknown fields (with a suggestion when one
/// is close to a known field), repeated fields and every rule of <see cref="ProgramDefinitionValidator"/>
/// are all reported in one answer, each with its JSON path and line. Writing is canonical: every top-level
/// field in a fixed order, <c>null</c> where a fact is unknown; reading what was written gives the same
/// definition, and writing it again gives the same text.
/// </remarks>
public static class ProgramDefinitionJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly Lazy<string> SchemaText = new(() =>
    {
        using var stream = typeof(ProgramDefinitionJson).Assembly.GetManifestResourceStream("InclusionModel.program-definition.schema.json")
            ?? throw new InvalidOperationException("The program definition schema is missing from the assembly (a packaging defect).");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    });

    /// <summary>The JSON Schema (draft 2020-12) of program definition files; it also ships in the package as <c>schemas/program-definition.schema.json</c>.</summary>
    public static string Schema => SchemaText.Value;

    /// <summary>Reads a definition; every expected failure comes back as a located problem, never as an exception.</summary>
    /// <param name="utf8Json">The definition file's bytes (a UTF-8 byte order mark is allowed).</param>
    /// <returns>The definition, or every problem found, in file order.</returns>
    public static ProgramLoadResult Parse(ReadOnlySpan<byte> utf8Json) => Parse(utf8Json, null);

    /// <summary>Reads a definition that may name a rule author's own target-group rules.</summary>
    /// <param name="utf8Json">The definition file's bytes (a UTF-8 byte order mark is allowed).</param>
    /// <param name="rules">The target-group rules the definition may name; <c>null</c> for the standard ones.</param>
    /// <returns>The definition, or every problem found, in file order.</returns>
    public static ProgramLoadResult Parse(ReadOnlySpan<byte> utf8Json, ITargetGroupRuleCatalogue? rules)
        => Parse(utf8Json, rules, checkRules: true);

    /// <summary>
    /// Reads a definition; <paramref name="checkRules"/> <c>false</c> skips the rules of
    /// <see cref="ProgramDefinitionValidator"/> (its first use compiles FluentValidation's expression trees,
    /// about a tenth of a second of every command's start-up) and is for the built-in catalogue only, whose
    /// definitions the test suite checks against every rule (CatalogueTest).
    /// </summary>
    internal static ProgramLoadResult Parse(ReadOnlySpan<byte> utf8Json, ITargetGroupRuleCatalogue? rules, bool checkRules)
    {
        if (utf8Json.StartsWith("\uFEFF"u8))
        {
            utf8Json = utf8Json[3..];
        }

        var problems = new List<ProgramDefinitionProblem>();
        if (utf8Json.Length > ProgramDefinitionLimits.MaxFileBytes)
        {
            return ProgramLoadResult.Failed([new ProgramDefinitionProblem("$", Texts.Format("pd.too-large", ProgramDefinitionLimits.MaxFileBytes), null)], null);
        }

        var root = LocatedJson.Parse(utf8Json, problems);
        if (root is null)
        {
            return ProgramLoadResult.Failed([.. problems], null);
        }

        int before = problems.Count;
        ProgramDefinitionLimits.Check(root, problems);
        if (problems.Count > before)
        {
            return ProgramLoadResult.Failed([.. problems.OrderBy(p => p.Line ?? 0)], null);
        }

        var builder = ProgramDefinitionReader.Read(root, problems, out var reader);
        if (builder is null)
        {
            return ProgramLoadResult.Failed([.. problems], null);
        }

        var definition = new ProgramDefinition(builder);
        if (!checkRules)
        {
            return problems.Count == 0 ? ProgramLoadResult.Loaded(definition) : ProgramLoadResult.Failed([.. problems], definition.Id);
        }

        var validator = rules is null ? ProgramDefinitionValidator.Instance : new ProgramDefinitionValidator(rules);
        foreach (var failure in validator.Validate(definition).Errors)
        {
            string path = JsonPaths.FromPropertyPath(failure.PropertyName);
            if (!reader.Unreadable.Any(u => JsonPaths.IsAtOrUnder(path, u)))
            {
                problems.Add(new ProgramDefinitionProblem(path, failure.ErrorMessage, LineOf(reader.Lines, path)));
            }
        }

        return problems.Count == 0
            ? ProgramLoadResult.Loaded(definition)
            : ProgramLoadResult.Failed([.. problems.OrderBy(p => p.Line ?? 0)], definition.Id);
    }

    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Writes the programs as a JSON array of summaries (id, name, description in both languages, places,
    /// enrolment window, phases, special-category marking), followed by a line end: what <c>inclusion programs --format json</c> prints
    /// and <c>GET /programs</c> serves.
    /// </summary>
    /// <param name="output">Where to write; not disposed.</param>
    /// <param name="programs">The programs, in the order to list them.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void WriteSummaries(Stream output, ProgramSet programs)
    {
        Preconditions.CheckNotNull(output);
        Preconditions.CheckNotNull(programs);
        using (var json = new Utf8JsonWriter(output, Indented))
        {
            json.WriteStartArray();
            foreach (var p in programs.All)
            {
                json.WriteStartObject();
                json.WriteString("id", p.Id);
                json.WriteString("name", Privacy.PersonalIdentityNumbers.Redact(p.Name));
                WriteBothLanguages(json, "description", p.LocalizedDescription);
                if (p.Places is { } places)
                {
                    json.WriteNumber("places", places);
                }
                else
                {
                    json.WriteNull("places");
                }

                json.WriteStartObject("enrolmentWindow");
                json.WriteString("start", p.EnrolmentWindow.Start is { } start ? IsoDates.Format(start) : null);
                json.WriteString("end", p.EnrolmentWindow.End is { } end ? IsoDates.Format(end) : null);
                json.WriteEndObject();
                json.WriteStartArray("phases");
                foreach (var phase in p.Phases)
                {
                    json.WriteStringValue(phase.Id);
                }

                json.WriteEndArray();
                json.WriteBoolean("specialCategoryData", p.SpecialCategoryData);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        output.WriteByte((byte)'\n');
    }

    /// <summary>
    /// A text in the fixed form of a summary, the same whatever the language of the call: <c>{"sv": …, "en": …}</c>
    /// with both keys, Swedish first, each the text given in that language (a plain text under both), or <c>null</c>
    /// where none is given; <c>null</c> for no text.
    /// </summary>
    private static void WriteBothLanguages(Utf8JsonWriter json, string name, LocalizedText? text)
    {
        if (text is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        foreach (string language in LocalizedText.Languages)
        {
            json.WriteString(language, text.In(language) is { } value ? Privacy.PersonalIdentityNumbers.Redact(value) : null);
        }

        json.WriteEndObject();
    }

    /// <summary>
    /// Writes the outcome of checking a definition as JSON (<c>file</c>, <c>valid</c>, <c>program</c> when its id
    /// is known, <c>problems</c> with path, line and message): what <c>inclusion programs check --format json</c>
    /// prints and <c>POST /programs/check</c> serves. No line end is written.
    /// </summary>
    /// <param name="output">Where to write; not disposed.</param>
    /// <param name="file">The file's name as the caller knows it (<c>-</c> for standard input or a request body).</param>
    /// <param name="result">The outcome of <see cref="Parse(ReadOnlySpan{byte})"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void WriteCheck(Stream output, string file, ProgramLoadResult result)
    {
        Preconditions.CheckNotNull(output);
        Preconditions.CheckNotNull(file);
        Preconditions.CheckNotNull(result);
        using var json = new Utf8JsonWriter(output, Indented);
        json.WriteStartObject();
        json.WriteString("file", file);
        json.WriteBoolean("valid", result.Success);
        if (result.Program is { } p)
        {
            json.WriteString("program", p.Id);
        }

        json.WriteStartArray("problems");
        foreach (var problem in result.Problems)
        {
            json.WriteStartObject();
            json.WriteString("path", problem.Path);
            if (problem.Line is { } line)
            {
                json.WriteNumber("line", line);
            }
            else
            {
                json.WriteNull("line");
            }

            json.WriteString("message", problem.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>
    /// Reads a definition file's bytes from any readable path (a file, a named pipe, <c>/dev/stdin</c>), but
    /// never more than one byte past <see cref="ProgramDefinitionLimits.MaxFileBytes"/>: <see cref="Parse(ReadOnlySpan{byte})"/>
    /// refuses a longer definition with a problem, and no input (<c>/dev/zero</c>, say) makes reading unbounded.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <returns>The bytes.</returns>
    /// <exception cref="IOException">The file cannot be read, or is a directory.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static byte[] ReadFile(string path)
    {
        Preconditions.CheckNotNull(path);
        if (Directory.Exists(path))
        {
            throw new IOException("it is a directory, not a file");
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
        return ReadLimited(stream);
    }

    /// <summary>
    /// Reads a definition's bytes from a stream (standard input, a request body) as <see cref="ReadFile"/> reads a
    /// file: at most one byte past <see cref="ProgramDefinitionLimits.MaxFileBytes"/>, so that a stream without end
    /// cannot fill memory; <see cref="Parse(ReadOnlySpan{byte})"/> then names a definition over the limit.
    /// </summary>
    /// <param name="stream">The stream, read to its end or one byte past the limit; not disposed.</param>
    /// <returns>The bytes read.</returns>
    public static byte[] ReadLimited(Stream stream)
    {
        Preconditions.CheckNotNull(stream);
        var bytes = new MemoryStream();
        byte[] buffer = new byte[1 << 16];
        int read;
        while (bytes.Length <= ProgramDefinitionLimits.MaxFileBytes
               && (read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, ProgramDefinitionLimits.MaxFileBytes + 1 - bytes.Length))) > 0)
        {
            bytes.Write(buffer, 0, read);
        }

        return bytes.ToArray();
    }

    /// <summary>Reads a definition from text.</summary>
    /// <param name="json">The definition.</param>
    /// <returns>The definition, or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public static ProgramLoadResult Parse(string json) => Parse(Encoding.UTF8.GetBytes(Preconditions.CheckNotNull(json)));

    /// <summary>Writes <paramref name="program"/> as an indented JSON definition that <see cref="Parse(string)"/> reads back to the same definition.</summary>
    /// <param name="program">The program.</param>
    /// <returns>The JSON text, ending with a newline.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="program"/> is null.</exception>
    public static string Serialize(ProgramDefinition program)
    {
        Preconditions.CheckNotNull(program);
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(writer, program);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()).ReplaceLineEndings("\n") + "\n";
    }

    /// <summary>The definition as a JSON tree, as <see cref="Serialize"/> writes it.</summary>
    internal static JsonNode ToNode(ProgramDefinition program) => JsonNode.Parse(Serialize(program))!;

    private static int? LineOf(Dictionary<string, int> lines, string path)
    {
        for (string? at = path; at is not null; at = JsonPaths.Parent(at))
        {
            if (lines.TryGetValue(at, out int line))
            {
                return line;
            }
        }

        return null;
    }

    private static void Write(Utf8JsonWriter w, ProgramDefinition p)
    {
        w.WriteStartObject();
        w.WriteString("id", p.Id);
        w.WriteString("name", p.Name);
        OptionalText(w, "description", p.LocalizedDescription, always: true);
        OptionalString(w, "owner", p.Owner, always: true);
        Strings(w, "partners", p.Partners);
        Strings(w, "municipalities", p.Municipalities);
        Strings(w, "funders", p.Funders);
        w.WritePropertyName("budget");
        if (p.Budget is { } budget)
        {
            w.WriteStartObject();
            w.WriteNumber("amount", budget.Amount);
            w.WriteString("currency", budget.Currency);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNullValue();
        }

        OptionalText(w, "purpose", p.LocalizedPurpose, always: true);
        TextList(w, "methods", p.LocalizedMethods);
        Array<StaffRole>(w, "staff", p.Staff, (w, s) =>
        {
            w.WriteString("role", s.Role);
            OptionalInt(w, "count", s.Count);
            if (s.PerMunicipality)
            {
                w.WriteBoolean("perMunicipality", true);
            }

            OptionalText(w, "description", s.LocalizedDescription);
        });
        w.WriteStartObject("period");
        Range(w, "planning", p.Period.Planning);
        Range(w, "implementation", p.Period.Implementation);
        Range(w, "closing", p.Period.Closing);
        w.WriteEndObject();
        Range(w, "enrolmentWindow", p.StatedEnrolmentWindow is { } window ? new DateRange(window.Start, window.End) : null);
        if (p.Places is { } places)
        {
            w.WriteNumber("places", places);
        }
        else
        {
            w.WriteNull("places");
        }

        w.WriteBoolean("specialCategoryData", p.SpecialCategoryData);

        w.WritePropertyName("targetGroup");
        if (p.TargetGroup is { } group)
        {
            w.WriteStartObject();
            OptionalText(w, "description", group.LocalizedDescription);
            Array<TargetGroupRule>(w, "required", group.Required, WriteRule);
            if (!group.Exceptions.IsEmpty)
            {
                Array<TargetGroupRule>(w, "exceptions", group.Exceptions, WriteRule);
            }

            w.WriteEndObject();
        }
        else
        {
            w.WriteNullValue();
        }

        Array<PhaseDefinition>(w, "phases", p.Phases, (w, ph) =>
        {
            w.WriteString("id", ph.Id);
            OptionalText(w, "names", ph.Names);
            if (ph.IsOptional)
            {
                w.WriteBoolean("optional", true);
            }

            OptionalInt(w, "minimumMonths", ph.MinimumMonths);
            OptionalInt(w, "maximumMonths", ph.MaximumMonths);
            OptionalInt(w, "maxStudyDaysPerWeek", ph.MaxStudyDaysPerWeek);
        });
        Array<Goal>(w, "goals", p.Goals, (w, g) =>
        {
            w.WriteString("id", g.Id);
            OptionalText(w, "names", g.Names);
            OptionalText(w, "description", g.LocalizedDescription);
            if (g.Quantity is { } quantity && System.Enum.IsDefined(quantity))
            {
                w.WriteString("quantity", ContractNames<GoalQuantity>.Name(quantity));
            }

            if (g.Target is { } target)
            {
                w.WriteNumber("target", target);
            }

            if (g.Bound != GoalBound.AtLeast && System.Enum.IsDefined(g.Bound))
            {
                w.WriteString("bound", ContractNames<GoalBound>.Name(g.Bound));
            }

            if (!g.Milestones.IsEmpty)
            {
                Array<GoalMilestone>(w, "milestones", g.Milestones, (w, m) =>
                {
                    w.WriteString("on", IsoDates.Format(m.On));
                    w.WriteNumber("target", m.Target);
                });
            }
        });
        Array<ReportDuty>(w, "reports", p.Reports, (w, r) =>
        {
            w.WriteString("kind", System.Enum.IsDefined(r.Kind) ? ContractNames<ReportKind>.Name(r.Kind) : "");
            OptionalString(w, "evaluatedBy", r.EvaluatedBy);
            OptionalInt(w, "daysToSubmit", r.DaysToSubmit);
            OptionalString(w, "recipient", r.Recipient);
        });
        Strings(w, "strategicGoals", p.StrategicGoals);
        Array<SourceReference>(w, "sources", p.Sources, (w, s) =>
        {
            w.WriteString("file", s.File);
            OptionalString(w, "title", s.Title);
        });
        Array<TakenAs>(w, "takenAs", p.TakenAs, (w, t) =>
        {
            w.WriteString("path", t.Path);
            w.WriteString("source", t.Source);
            OptionalString(w, "says", t.Says);
            OptionalText(w, "reading", t.LocalizedReading);
        });
        Array<StatedBy>(w, "statedBy", p.StatedBy, (w, q) =>
        {
            w.WriteString("path", q.Path);
            w.WriteString("source", q.Source);
            w.WriteString("says", q.Says);
        });
        Array<Finding>(w, "findings", p.Findings, (w, f) =>
        {
            w.WriteString("on", f.On is { } on ? IsoDates.Format(on) : null);
            OptionalText(w, "text", f.LocalizedText);
            w.WriteString("source", f.Source);
            w.WriteString("says", f.Says);
        });
        w.WriteEndObject();
    }

    private static void WriteRule(Utf8JsonWriter w, TargetGroupRule r)
    {
        w.WriteString("rule", r.Rule);
        OptionalText(w, "names", r.Names);
        if (r.Municipalities is not null)
        {
            Strings(w, "municipalities", r.Municipalities);
        }

        OptionalInt(w, "minimumAge", r.MinimumAge);
        OptionalInt(w, "maximumAge", r.MaximumAge);
        OptionalInt(w, "months", r.Months);
        OptionalInt(w, "ofMonths", r.OfMonths);
        OptionalInt(w, "withinMonths", r.WithinMonths);
    }

    private static void OptionalString(Utf8JsonWriter w, string name, string? value, bool always = false)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
        else if (always)
        {
            w.WriteNull(name);
        }
    }

    /// <summary>A text people read: a string when it is the same in every language, else an object of languages, Swedish first.</summary>
    private static void OptionalText(Utf8JsonWriter w, string name, LocalizedText? value, bool always = false)
    {
        if (value is null)
        {
            if (always)
            {
                w.WriteNull(name);
            }

            return;
        }

        w.WritePropertyName(name);
        WriteText(w, value);
    }

    /// <summary>The value of a text: a string for a plain one, else <c>{"sv": …, "en": …}</c> with the languages given.</summary>
    internal static void WriteText(Utf8JsonWriter w, LocalizedText value)
    {
        if (value.PlainText is { } plain)
        {
            w.WriteStringValue(plain);
            return;
        }

        w.WriteStartObject();
        foreach (string language in LocalizedText.Languages)
        {
            if (value.In(language) is { } text)
            {
                w.WriteString(language, text);
            }
        }

        w.WriteEndObject();
    }

    private static void OptionalInt(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
    }

    /// <summary>An array member, <c>null</c> when not stated, each item written by <paramref name="writeItem"/>: the one shape of every list.</summary>
    private static void Items<T>(Utf8JsonWriter w, string name, ImmutableArray<T>? values, Action<Utf8JsonWriter, T> writeItem)
    {
        if (values is not { } items)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartArray(name);
        foreach (var item in items)
        {
            writeItem(w, item);
        }

        w.WriteEndArray();
    }

    private static void Strings(Utf8JsonWriter w, string name, ImmutableArray<string>? values)
        => Items(w, name, values, (w, item) => w.WriteStringValue(item));

    /// <summary>A list of texts people read, each as <see cref="WriteText"/> writes it (a string, or <c>{"sv": …, "en": …}</c>).</summary>
    private static void TextList(Utf8JsonWriter w, string name, ImmutableArray<LocalizedText>? values)
        => Items(w, name, values, WriteText);

    private static void Array<T>(Utf8JsonWriter w, string name, ImmutableArray<T>? values, Action<Utf8JsonWriter, T> writeMembers)
        => Items(w, name, values, (w, item) =>
        {
            w.WriteStartObject();
            writeMembers(w, item);
            w.WriteEndObject();
        });

    private static void Range(Utf8JsonWriter w, string name, DateRange? range)
    {
        if (range is not { } r)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        Date(w, "start", r.Start);
        Date(w, "end", r.End);
        w.WriteEndObject();
    }

    private static void Date(Utf8JsonWriter w, string name, LocalDate? date)
    {
        if (date is { } d)
        {
            w.WriteString(name, IsoDates.Format(d));
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
