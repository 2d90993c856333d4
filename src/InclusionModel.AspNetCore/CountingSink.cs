using System.Diagnostics.Metrics;
using InclusionModel.Validation;

namespace InclusionModel.AspNetCore;

/// <summary>
/// Hands every verdict on to the JSON writer unchanged and counts its violations by rule id on the meter
/// (<c>inclusionmodel.violations</c>), on the worker that rendered it: the document is the same, byte for byte.
/// </summary>
internal sealed class CountingSink(JsonValidationReportWriter inner, Counter<long> violations) : IBatchRenderingSink
{
    public void Record(long line, HistoryValidationResult result)
    {
        Count(result);
        inner.Record(line, result);
    }

    public void Malformed(long line, string reason) => inner.Malformed(line, reason);

    public void Complete(ValidationSummary summary) => inner.Complete(summary);

    public void SpecialCategoryData(IReadOnlyList<string> programs) => ((IValidationSink)inner).SpecialCategoryData(programs);

    public JsonValidationReportWriter.EntryBatch StartBatch(int records)
    {
        var batch = ((IBatchRenderingSink)inner).StartBatch(records);
        batch.Observe = Count; // a valid record rendered from its parts has no violation to count
        return batch;
    }

    public void AppendRendered(ReadOnlySpan<byte> rendered) => ((IBatchRenderingSink)inner).AppendRendered(rendered);

    public void Begin(ValidationSummary summary) => ((IBatchRenderingSink)inner).Begin(summary);

    private void Count(HistoryValidationResult verdict)
    {
        foreach (var v in verdict.Violations)
        {
            violations.Add(1, new KeyValuePair<string, object?>("rule", v.RuleId));
        }
    }
}
