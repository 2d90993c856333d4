using System.Text;
using System.Text.Json;
using InclusionModel.Histories;
using InclusionModel.IO;
using InclusionModel.Privacy;
using InclusionModel.Programs;

namespace InclusionModel.Eligibility;

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
                    error = Texts.Format("line", TextTable.Line(number), why);
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
            else if (parsed.Request is not null)
            {
                malformed++;
                sink.CannotAssess(number, error!);
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
