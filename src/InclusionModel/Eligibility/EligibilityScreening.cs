using System.Text;
using System.Text.Json;
using InclusionModel.Histories;
using InclusionModel.IO;
using InclusionModel.Privacy;
using InclusionModel.Programs;

namespace InclusionModel.Eligibility;

/// <summary>The counts of a screening run (docs/interchange-contract.md §5's <c>summary</c>).</summary>
/// <param name="Records">Lines read (blank lines aside).</param>
/// <param name="Eligible">Decisions <c>eligible</c>.</param>
/// <param name="NotEligible">Decisions <c>not-eligible</c>.</param>
/// <param name="Undetermined">Decisions <c>undetermined</c>.</param>
/// <param name="Malformed">Malformed lines.</param>
public sealed record EligibilitySummary(long Records, long Eligible, long NotEligible, long Undetermined, long Malformed)
{
    /// <summary>
    /// The programs of the decisions whose participation reveals special-category data, in the order first
    /// met; empty when none. The output is marked when any is (docs/privacy.md).
    /// </summary>
    public System.Collections.Immutable.ImmutableArray<string> SpecialCategoryPrograms { get; init; } = [];

    /// <summary>Equal counts and equal marked programs, in the same order.</summary>
    /// <param name="other">The other summary.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(EligibilitySummary? other)
        => other is not null && Records == other.Records && Eligible == other.Eligible && NotEligible == other.NotEligible && Undetermined == other.Undetermined && Malformed == other.Malformed
           && SpecialCategoryPrograms.SequenceEqual(other.SpecialCategoryPrograms);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Records, Eligible, NotEligible, Undetermined, Malformed);
}

/// <summary>Receives a screening run's outcomes in line order.</summary>
public interface IEligibilitySink
{
    /// <summary>A decision with its trace.</summary>
    /// <param name="line">The line number.</param>
    /// <param name="request">The request.</param>
    /// <param name="trace">The decision and its trace.</param>
    void Decision(long line, EligibilityRequest request, EligibilityTrace trace);

    /// <summary>A malformed line.</summary>
    /// <param name="line">The line number.</param>
    /// <param name="error">The located error, <c>line N: reason</c>.</param>
    void Malformed(long line, string error);

    /// <summary>The run has ended.</summary>
    /// <param name="summary">Its counts.</param>
    void Complete(EligibilitySummary summary);
}

/// <summary>
/// Screens an NDJSON stream of eligibility lines (docs/interchange-contract.md §5) line by line: each line is read, checked
/// and decided with its trace, and handed to a sink; memory does not grow with the input.
/// </summary>
public sealed class EligibilityScreening
{
    private readonly ProgramSet _programs;
    private readonly EligibilityRuleSet _rules;
    private readonly Dictionary<string, TargetGroupEvaluator?> _evaluators = new(StringComparer.Ordinal);

    /// <summary>Creates a screening over <paramref name="programs"/>.</summary>
    /// <param name="programs">The programs lines may name; default the built-in catalogue.</param>
    /// <param name="rules">The rules their definitions may name; default <see cref="EligibilityRuleSet.Standard"/>.</param>
    public EligibilityScreening(ProgramSet? programs = null, EligibilityRuleSet? rules = null)
    {
        _programs = programs ?? ProgramCatalogue.BuiltIn;
        _rules = rules ?? EligibilityRuleSet.Standard;
    }

    /// <summary>The longest line accepted, in bytes; a longer one is malformed (and not held). Default 64 MiB, as for validation.</summary>
    public int MaxLineBytes { get; init; } = NdjsonLineReader.DefaultMaxLineBytes;

    /// <summary>Screens every line of <paramref name="input"/>.</summary>
    /// <param name="input">NDJSON, one person per line.</param>
    /// <param name="sink">Receives the outcomes.</param>
    /// <param name="cancellationToken">Stops the run between lines (<see cref="OperationCanceledException"/>).</param>
    /// <returns>The counts.</returns>
    public EligibilitySummary Run(Stream input, IEligibilitySink sink, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(input);
        Preconditions.CheckNotNull(sink);
        long records = 0, eligible = 0, notEligible = 0, undetermined = 0, malformed = 0;
        var marked = new List<string>();
        using var reader = new NdjsonLineReader(input, MaxLineBytes);
        while (reader.TryReadLine(out var line, out bool tooLong))
        {
            cancellationToken.ThrowIfCancellationRequested();
            records++;
            long number = reader.LineNumber;
            var parsed = tooLong
                ? new EligibilityParseResult(number, null, Texts.Format("reader.too-long", reader.MaxLineBytes))
                : EligibilityReader.Read(line, number);
            string? error = parsed.Error;
            EligibilityTrace? trace = null;
            if (parsed.Request is { } request)
            {
                var evaluator = EvaluatorFor(request.Program, out string? why);
                if (evaluator is null)
                {
                    error = $"line {number}: {why}";
                }
                else
                {
                    trace = evaluator.Explain(request.Facts, request.On);
                    if (_programs.Get(request.Program).SpecialCategoryData && !marked.Contains(request.Program))
                    {
                        marked.Add(request.Program);
                    }
                }
            }

            if (trace is not null)
            {
                switch (trace.Decision)
                {
                    case EligibilityDecision.Eligible: eligible++; break;
                    case EligibilityDecision.NotEligible: notEligible++; break;
                    default: undetermined++; break;
                }

                sink.Decision(number, parsed.Request!, trace);
            }
            else
            {
                malformed++;
                sink.Malformed(number, error!);
            }
        }

        var summary = new EligibilitySummary(records, eligible, notEligible, undetermined, malformed) { SpecialCategoryPrograms = [.. marked] };
        sink.Complete(summary);
        return summary;
    }

    /// <summary>
    /// Screens every line of <paramref name="input"/> for a host that reads its streams asynchronously (a
    /// request body): a stream that cannot seek is first copied asynchronously into an owner-only temporary
    /// spool (released however the run ends), then screened on the thread pool.
    /// </summary>
    /// <param name="input">NDJSON, one person per line; not disposed.</param>
    /// <param name="sink">Receives the outcomes (on a thread-pool thread).</param>
    /// <param name="cancellationToken">Stops the copy, or the run between lines.</param>
    /// <returns>The counts.</returns>
    public Task<EligibilitySummary> RunAsync(Stream input, IEligibilitySink sink, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(sink);
        return AsyncInput.RunAsync(input, stream => Run(stream, sink, cancellationToken), cancellationToken);
    }

    private TargetGroupEvaluator? EvaluatorFor(string programId, out string? why)
    {
        why = null;
        if (!_programs.TryGet(programId, out var program))
        {
            why = Texts.Format("elig.no-program", Privacy.PersonalIdentityNumbers.SafeToQuote(programId));
            return null;
        }

        if (!_evaluators.TryGetValue(program.Id, out var evaluator))
        {
            evaluator = program.TargetGroup is null ? null : TargetGroupEvaluator.For(program, _rules);
            _evaluators[program.Id] = evaluator;
        }

        if (evaluator is null)
        {
            why = Texts.Format("elig.no-target-group", program.Id);
        }

        return evaluator;
    }
}

/// <summary>
/// Writes a screening run as text: one line per decision and per malformed line, then a summary line. The
/// lines are held in a spool (memory, then an owner-only, unlinked temporary file) until the run ends, so
/// that a run about a program whose participation reveals special-category data is marked on its first
/// line, which a single pass cannot know before the end. Dispose the writer to release the spool.
/// </summary>
public sealed class TextEligibilityReportWriter : IEligibilitySink, IDisposable
{
    private readonly TextWriter _target;
    private readonly Spool _spool = new();
    private readonly StreamWriter _output;

    /// <summary>Creates the writer.</summary>
    /// <param name="output">Where to write (when the run completes); not disposed by the writer.</param>
    public TextEligibilityReportWriter(TextWriter output)
    {
        _target = Preconditions.CheckNotNull(output);
        _output = new StreamWriter(_spool, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _output.Dispose();
        _spool.Dispose();
    }

    /// <inheritdoc />
    public void Decision(long line, EligibilityRequest request, EligibilityTrace trace)
    {
        var text = new StringBuilder(Texts.Format("elig.line", line, SafeText.ForText(request.Person), SafeText.ForText(trace.Program), IsoDates.Format(trace.On), DisplayNames.Name(DisplayNames.Decision, ContractNames<EligibilityDecision>.Name(trace.Decision))));
        if (trace.DecidedBy is { } exception)
        {
            text.Append(Texts.Format("elig.by-exception", SafeText.ForText(DisplayNames.WithId(DisplayNames.Rule, exception))));
        }

        if (trace.Decision != EligibilityDecision.Eligible)
        {
            foreach (var rule in trace.Rules.Where(r => r.Result != RuleResult.Met))
            {
                text.Append("; ").Append(SafeText.ForText(DisplayNames.WithId(DisplayNames.Rule, rule.Rule))).Append(rule.IsException ? Texts.Get("elig.exception") : "")
                    .Append(' ').Append(DisplayNames.Name(DisplayNames.Result, ContractNames<RuleResult>.Name(rule.Result))).Append(": ").Append(SafeText.ForText(rule.Because));
            }
        }

        if (!trace.MissingFacts.IsEmpty)
        {
            text.Append(Texts.Format("elig.settled-by", string.Join(", ", trace.MissingFacts.Select(f => DisplayNames.WithId(DisplayNames.Fact, EligibilityFactNames.Name(f))))));
        }

        _output.WriteLine(text.ToString());
    }

    /// <inheritdoc />
    public void Malformed(long line, string error) => _output.WriteLine(Texts.Format("text.malformed", line, SafeText.ForText(error[(error.IndexOf(": ", StringComparison.Ordinal) + 2)..])));

    /// <inheritdoc />
    public void Complete(EligibilitySummary summary)
    {
        Preconditions.CheckNotNull(summary);
        if (!summary.SpecialCategoryPrograms.IsEmpty)
        {
            _target.WriteLine(Privacy.SpecialCategoryData.TextLine(summary.SpecialCategoryPrograms));
        }

        _output.Flush();
        using (var held = new StreamReader(_spool.OpenRead(), Encoding.UTF8))
        {
            char[] buffer = new char[1 << 14];
            int read;
            while ((read = held.Read(buffer, 0, buffer.Length)) > 0)
            {
                _target.Write(buffer, 0, read);
            }
        }

        _target.WriteLine(Texts.Format(
            "elig.summary",
            summary.Records == 1 ? Texts.Get("text.record") : Texts.Format("text.records", summary.Records),
            summary.Eligible,
            summary.NotEligible,
            summary.Undetermined,
            Texts.Count(summary.Malformed, "count.malformed-one", "count.malformed")));
        _target.Flush();
    }
}

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
                w.WriteBoolean(Privacy.SpecialCategoryData.JsonProperty, true);
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
