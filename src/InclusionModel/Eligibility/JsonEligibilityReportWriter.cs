using System.Text.Json;
using InclusionModel.Contract;
using InclusionModel.Histories;
using InclusionModel.IO;
using InclusionModel.Privacy;
using InclusionModel.Programs;

namespace InclusionModel.Eligibility;

/// <summary>
/// Writes a screening run as the JSON document of docs/interchange-contract.md §5. Decisions and malformed lines are spooled
/// (memory, then a temporary file) so that the summary comes first without holding the run in memory.
/// </summary>
public sealed class JsonEligibilityReportWriter : IEligibilitySink, IDisposable
{
    private readonly Stream _output;
    private readonly JsonArraySpool _decisions = new();
    private readonly JsonArraySpool _malformed = new(chunkBytes: 1024);

    /// <summary>Creates the writer.</summary>
    /// <param name="output">Where the document goes (written when the run completes).</param>
    public JsonEligibilityReportWriter(Stream output) => _output = Preconditions.CheckNotNull(output);

    /// <inheritdoc />
    public void Decision(long line, EligibilityRequest request, EligibilityTrace trace)
    {
        var w = _decisions.BeginItem();
        w.WriteStartObject();
        w.WriteNumber("line", line);
        w.WriteString("person", PersonalIdentityNumbers.Redact(request.Person));
        w.WriteString("program", PersonalIdentityNumbers.Redact(trace.Program));
        w.WriteString("on", IsoDates.Format(trace.On));
        w.WriteString("decision", ContractNames<EligibilityDecision>.Name(trace.Decision));
        if (trace.DecidedBy is { } exception)
        {
            w.WriteString("decidedBy", PersonalIdentityNumbers.Redact(exception));
        }

        w.WriteStartArray("rules");
        foreach (var rule in trace.Rules)
        {
            w.WriteStartObject();
            w.WriteString("rule", PersonalIdentityNumbers.Redact(rule.Rule));
            if (rule.IsException)
            {
                w.WriteBoolean("exception", true);
            }

            w.WriteString("result", ContractNames<RuleResult>.Name(rule.Result));
            w.WriteString("because", PersonalIdentityNumbers.Redact(rule.Because));
            if (rule.VersionInForceFrom is { } from)
            {
                w.WriteString("versionFrom", IsoDates.Format(from));
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (!trace.MissingFacts.IsEmpty)
        {
            w.WriteStartArray("missingFacts");
            foreach (var fact in trace.MissingFacts)
            {
                w.WriteStringValue(EligibilityFactNames.Name(fact));
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
        _decisions.EndItem();
    }

    /// <inheritdoc />
    public void Malformed(long line, string error)
    {
        var w = _malformed.BeginItem();
        w.WriteStartObject();
        w.WriteNumber("line", line);
        w.WriteString("error", PersonalIdentityNumbers.Redact(error));
        w.WriteEndObject();
        _malformed.EndItem();
    }

    /// <inheritdoc />
    public void Complete(EligibilitySummary summary)
    {
        Preconditions.CheckNotNull(summary);
        var head = new MemoryStream();
        using (var w = new Utf8JsonWriter(head, JsonArraySpool.WriterOptions))
        {
            w.WriteStartObject();
            if (!summary.SpecialCategoryPrograms.IsEmpty)
            {
                w.WriteBoolean(SpecialCategoryData.JsonProperty, true);
            }

            w.WriteStartObject("summary");
            w.WriteNumber("records", summary.Records);
            w.WriteNumber("eligible", summary.Eligible);
            w.WriteNumber("notEligible", summary.NotEligible);
            w.WriteNumber("undetermined", summary.Undetermined);
            w.WriteNumber("malformed", summary.Malformed);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        // Splice the spooled arrays into the object: {"summary":{…},"decisions":[…],"malformed":[…]}
        _output.Write(head.GetBuffer().AsSpan(0, (int)head.Length - 1));
        _output.WriteByte((byte)',');
        _decisions.WriteArray(_output, "decisions"u8);
        _output.WriteByte((byte)',');
        _malformed.WriteArray(_output, "malformed"u8);
        _output.Write("}\n"u8);
        _output.Flush();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _decisions.Dispose();
        _malformed.Dispose();
    }
}
