using System.Globalization;
using System.Text.Json;
using InclusionModel.IO;
using InclusionModel.Privacy;
using InclusionModel.Programs;

namespace InclusionModel.RuleChanges;

/// <summary>
/// Writes a comparison as the JSON document of docs/interchange-contract.md §7 (what <c>inclusion compare
/// --format json</c> prints and <c>POST /compare</c> serves): the changes arrive one at a time and are kept in a
/// spool until the summary that comes before them is known.
/// </summary>
/// <example>
/// <code>
/// using var writer = new RuleChangeJsonWriter();
/// var result = impact.CompareHistories(input, asOf, writer.Histories);
/// writer.WriteHistories(output, result);
/// </code>
/// </example>
public sealed class RuleChangeJsonWriter : IDisposable
{
    private readonly JsonArraySpool _changes = new();

    /// <summary>Keeps one changed verdict: pass this method to <see cref="RuleChangeImpact.CompareHistories"/>.</summary>
    /// <param name="change">The change, in line order.</param>
    public void Histories(VerdictChange change)
    {
        var w = _changes.BeginItem();
        w.WriteStartObject();
        w.WriteNumber("line", change.Line);
        Participant(w, "participant", change.Participant);
        Side(w, "baseline", "valid", change.Baseline.Valid, change.Baseline.Rules);
        Side(w, "candidate", "valid", change.Candidate.Valid, change.Candidate.Rules);
        w.WriteEndObject();
        _changes.EndItem();
    }

    /// <summary>Keeps one changed decision: pass this method to <see cref="RuleChangeImpact.ComparePeople"/>.</summary>
    /// <param name="change">The change, in line order.</param>
    public void People(PersonChange change)
    {
        var w = _changes.BeginItem();
        w.WriteStartObject();
        w.WriteNumber("line", change.Line);
        Participant(w, "person", change.Person);
        foreach (var (name, side) in new[] { ("baseline", change.Baseline), ("candidate", change.Candidate) })
        {
            w.WriteStartObject(name);
            w.WriteString("decision", side.Decision);
            w.WriteStartArray("rules");
            foreach (string rule in side.Rules)
            {
                w.WriteStringValue(rule);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndObject();
        _changes.EndItem();
    }

    /// <summary>Writes the document of a comparison over histories: the summary, the definition's differences, the kept changes, the figures.</summary>
    /// <param name="output">Where the document goes; not disposed.</param>
    /// <param name="result">What <see cref="RuleChangeImpact.CompareHistories"/> returned for the changes kept here.</param>
    public void WriteHistories(Stream output, RuleChangeResult result)
    {
        Preconditions.CheckNotNull(output);
        Preconditions.CheckNotNull(result);
        Head(output, result.SpecialCategoryData, result.Program, result.AsOf, result.Definition, w =>
        {
            w.WriteNumber("read", result.Read);
            w.WriteNumber("ofProgram", result.OfProgram);
            w.WriteNumber("changed", result.Changed);
            w.WriteNumber("nowValid", result.NowValid);
            w.WriteNumber("nowInvalid", result.NowInvalid);
        });
        Tail(output, result.Figures, result.BaselineReport.Period.To);
    }

    /// <summary>Writes the document of a comparison over eligibility lines: the summary, the definition's differences and the kept changes.</summary>
    /// <param name="output">Where the document goes; not disposed.</param>
    /// <param name="result">What <see cref="RuleChangeImpact.ComparePeople"/> returned for the changes kept here.</param>
    /// <param name="definition">The differences between the two definitions (<see cref="RuleChangeImpact.Differences"/>).</param>
    public void WritePeople(Stream output, PeopleChangeResult result, System.Collections.Immutable.ImmutableArray<DefinitionDifference> definition)
    {
        Preconditions.CheckNotNull(output);
        Preconditions.CheckNotNull(result);
        Head(output, result.SpecialCategoryData, result.Program, null, definition, w =>
        {
            w.WriteNumber("read", result.Read);
            w.WriteNumber("ofProgram", result.OfProgram);
            w.WriteNumber("changed", result.Changed);
        });
        Tail(output, null, null);
    }

    /// <summary>Writes the document's start: the marking, the program, the as-of date, the definition's differences and the summary.</summary>
    private static void Head(Stream output, bool marked, string program, NodaTime.LocalDate? asOf, System.Collections.Immutable.ImmutableArray<DefinitionDifference> definition, Action<Utf8JsonWriter> summary)
    {
        using var w = new Utf8JsonWriter(output, JsonArraySpool.WriterOptions);
        w.WriteStartObject();
        if (marked)
        {
            w.WriteBoolean(SpecialCategoryData.JsonProperty, true);
        }

        w.WriteString("program", program);
        if (asOf is { } date)
        {
            w.WriteString("asOf", IsoDates.Format(date));
        }

        Definition(w, definition);
        w.WriteStartObject("summary");
        summary(w);
        w.WriteEndObject();
        w.Flush();
    }

    private static void Participant(Utf8JsonWriter w, string name, string? id)
    {
        if (id is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, PersonalIdentityNumbers.Redact(id));
        }
    }

    private static void Side(Utf8JsonWriter w, string name, string flag, bool value, System.Collections.Immutable.ImmutableArray<string> rules)
    {
        w.WriteStartObject(name);
        w.WriteBoolean(flag, value);
        w.WriteStartArray("rules");
        foreach (string rule in rules)
        {
            w.WriteStringValue(rule);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Definition(Utf8JsonWriter w, System.Collections.Immutable.ImmutableArray<DefinitionDifference> definition)
    {
        w.WriteStartArray("definition");
        foreach (var d in definition)
        {
            w.WriteStartObject();
            w.WriteString("path", d.Path);
            Raw(w, "baseline", d.Baseline);
            Raw(w, "candidate", d.Candidate);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Raw(Utf8JsonWriter w, string name, string? json)
    {
        w.WritePropertyName(name);
        if (json is null)
        {
            w.WriteNullValue();
        }
        else
        {
            w.WriteRawValue(json, skipInputValidation: false);
        }
    }

    /// <summary>Writes <c>,"changes":[…]</c>, the date the figures are counted at and the figures when there are any, and the closing brace.</summary>
    private void Tail(Stream output, System.Collections.Immutable.ImmutableArray<FigureChange>? figures, NodaTime.LocalDate? figuresAsOf)
    {
        output.WriteByte((byte)',');
        _changes.WriteArray(output, "changes"u8);
        if (figures is { } moved)
        {
            output.Write(",\"figuresAsOf\":\""u8);
            output.Write(System.Text.Encoding.ASCII.GetBytes(IsoDates.Format(figuresAsOf!.Value)));
            output.Write("\",\"figures\":"u8);
            using var w = new Utf8JsonWriter(output, JsonArraySpool.WriterOptions);
            w.WriteStartArray();
            foreach (var f in moved)
            {
                w.WriteStartObject();
                w.WriteString("figure", f.Figure);
                Value(w, "baseline", f.Baseline);
                Value(w, "candidate", f.Candidate);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.Flush();
        }

        output.Write("}\n"u8);
    }

    /// <summary>A figure's value as the report's JSON gives it: a number where it is one, else its text.</summary>
    private static void Value(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else if (decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out decimal number))
        {
            w.WriteNumber(name, number);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    /// <summary>Removes the kept changes (memory, or an owner-only temporary file).</summary>
    public void Dispose() => _changes.Dispose();
}
