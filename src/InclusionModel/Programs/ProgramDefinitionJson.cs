using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;

namespace InclusionModel.Programs;

/// <summary>
/// Reads and writes program definitions in the JSON format described in <c>docs/program-definitions.md</c>.
/// Reading is strict: syntax errors, wrong types and unknown fields are reported with their JSON path and
/// line, and a definition that parses is then checked by <see cref="ProgramDefinitionValidator"/>, whose
/// failures are all reported together.
/// </summary>
public static class ProgramDefinitionJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = false,
        PropertyNameCaseInsensitive = false,
        NumberHandling = JsonNumberHandling.Strict,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>Reads a definition; expected failures come back as problems, never as exceptions.</summary>
    /// <param name="utf8Json">The definition file's bytes.</param>
    /// <returns>The definition, or every problem found.</returns>
    public static ProgramLoadResult Parse(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.StartsWith("\uFEFF"u8))
        {
            utf8Json = utf8Json[3..];
        }

        Document? document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(utf8Json, Options);
        }
        catch (JsonException e)
        {
            string where = e.LineNumber is { } line ? $" (line {line + 1}, near byte {e.BytePositionInLine + 1})" : "";
            return ProgramLoadResult.Failed([new ProgramDefinitionProblem(e.Path ?? "$", $"{Explain(e)}{where}")]);
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or ArgumentException)
        {
            // Text System.Text.Json cannot decode (invalid UTF-8) and shapes it cannot bind end here.
            return ProgramLoadResult.Failed([new ProgramDefinitionProblem("$", "not a readable JSON program definition (invalid UTF-8 or an unsupported shape)")]);
        }

        if (document is null)
        {
            return ProgramLoadResult.Failed([new ProgramDefinitionProblem("$", "the document is null; expected a program definition object")]);
        }

        var phases = (document.Phases ?? []).Select(p => p is null
            ? PhaseDefinition.Create("")
            : PhaseDefinition.Create(p.Id ?? "", p.Optional ?? false, p.MinimumMonths, p.MaximumMonths, p.MaxStudyDaysPerWeek));
        var window = new EnrolmentWindow(document.EnrolmentWindow?.Start, document.EnrolmentWindow?.End);
        var definition = ProgramDefinition.CreateUnchecked(document.Id ?? "", document.Name ?? "", [.. phases], window, document.Places);
        var validation = ProgramDefinitionValidator.Instance.Validate(definition);
        return validation.IsValid
            ? ProgramLoadResult.Loaded(definition)
            : ProgramLoadResult.Failed([.. validation.Errors.Select(ProgramDefinitionProblem.From)]);
    }

    /// <summary>Turns System.Text.Json's exception text into a sentence about the definition.</summary>
    private static string Explain(JsonException e)
    {
        string message = e.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0];
        if (message.StartsWith("The JSON property '", StringComparison.Ordinal) && message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            string name = message["The JSON property '".Length..].Split('\'')[0];
            return $"'{Privacy.PersonalIdentityNumbers.SafeToQuote(name)}' is not a field of a program definition";
        }

        if (e.InnerException is InvalidOperationException inner && inner.Message.Contains("UTF-8", StringComparison.Ordinal))
        {
            return "not valid UTF-8 text";
        }

        if (message.StartsWith("The JSON value could not be converted to ", StringComparison.Ordinal))
        {
            string expected = message switch
            {
                _ when message.Contains("Int32", StringComparison.Ordinal) => "a whole number",
                _ when message.Contains("Boolean", StringComparison.Ordinal) => "true or false",
                _ when message.Contains("String", StringComparison.Ordinal) => "a string",
                _ when message.Contains("List", StringComparison.Ordinal) => "an array",
                _ => "an object",
            };
            return $"wrong JSON type: expected {expected}";
        }

        return message.TrimEnd('.');
    }

    /// <summary>Reads a definition from text.</summary>
    /// <param name="json">The definition.</param>
    /// <returns>The definition, or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public static ProgramLoadResult Parse(string json) => Parse(Encoding.UTF8.GetBytes(Preconditions.CheckNotNull(json)));

    /// <summary>Writes <paramref name="program"/> as an indented JSON definition that <see cref="Parse(string)"/> reads back.</summary>
    /// <param name="program">The program.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="program"/> is null.</exception>
    public static string Serialize(ProgramDefinition program)
    {
        Preconditions.CheckNotNull(program);
        var document = new Document
        {
            Id = program.Id,
            Name = program.Name,
            Places = program.Places,
            EnrolmentWindow = program.EnrolmentWindow.IsBounded ? new WindowDocument { Start = program.EnrolmentWindow.Start, End = program.EnrolmentWindow.End } : null,
            Phases = [.. program.Phases.Select(p => new PhaseDocument
            {
                Id = p.Id,
                Optional = p.IsOptional ? true : null,
                MinimumMonths = p.MinimumMonths,
                MaximumMonths = p.MaximumMonths,
                MaxStudyDaysPerWeek = p.MaxStudyDaysPerWeek,
            })],
        };
        return JsonSerializer.Serialize(document, Options);
    }

    private sealed class Document
    {
        [JsonPropertyName("$schema")]
        public string? Schema { get; set; }

        public string? Id { get; set; }

        public string? Name { get; set; }

        public int? Places { get; set; }

        public WindowDocument? EnrolmentWindow { get; set; }

        public List<PhaseDocument?>? Phases { get; set; }
    }

    private sealed class WindowDocument
    {
        [JsonConverter(typeof(IsoDateConverter))]
        public LocalDate? Start { get; set; }

        [JsonConverter(typeof(IsoDateConverter))]
        public LocalDate? End { get; set; }
    }

    private sealed class PhaseDocument
    {
        public string? Id { get; set; }

        public bool? Optional { get; set; }

        public int? MinimumMonths { get; set; }

        public int? MaximumMonths { get; set; }

        public int? MaxStudyDaysPerWeek { get; set; }
    }

    private sealed class IsoDateConverter : JsonConverter<LocalDate?>
    {
        public override bool HandleNull => true;

        public override LocalDate? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                return null;
            }

            if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || !IsoDates.TryParse(reader.ValueSpan, out var date))
            {
                throw new JsonException("expected a date (YYYY-MM-DD) or null");
            }

            return date;
        }

        public override void Write(Utf8JsonWriter writer, LocalDate? value, JsonSerializerOptions options)
        {
            if (value is { } date)
            {
                writer.WriteStringValue(IsoDates.Format(date));
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }
}

/// <summary>The result of loading a program definition: the definition, or every problem found (never both).</summary>
public sealed class ProgramLoadResult
{
    private ProgramLoadResult(ProgramDefinition? program, ImmutableArray<ProgramDefinitionProblem> problems)
    {
        Program = program;
        Problems = problems;
    }

    /// <summary>Whether the definition loaded and passed validation.</summary>
    public bool Success => Program is not null;

    /// <summary>The definition; <c>null</c> when loading failed.</summary>
    public ProgramDefinition? Program { get; }

    /// <summary>Every problem found, each with its JSON path; empty on success.</summary>
    public ImmutableArray<ProgramDefinitionProblem> Problems { get; }

    /// <summary>Returns the definition, or throws one exception listing every problem.</summary>
    /// <returns>The definition.</returns>
    /// <exception cref="InvalidProgramDefinitionException">The definition did not load.</exception>
    public ProgramDefinition GetValueOrThrow()
        => Program ?? throw new InvalidProgramDefinitionException("(file)", Problems);

    internal static ProgramLoadResult Loaded(ProgramDefinition program) => new(program, []);

    internal static ProgramLoadResult Failed(ImmutableArray<ProgramDefinitionProblem> problems) => new(null, problems);
}
