using System.Text.Json;

namespace InclusionModel.Validation;

/// <summary>
/// A sink that can turn a batch of verdicts into its output bytes on a worker thread, so that a parallel
/// run does not write every record on the one thread that keeps the order.
/// </summary>
internal interface IBatchRenderingSink : IValidationSink
{
    /// <summary>Starts a batch of entries to render on a worker; thread-safe: touches no state of the sink.</summary>
    /// <param name="records">About how many records the batch will hold.</param>
    JsonValidationReportWriter.EntryBatch StartBatch(int records);

    /// <summary>Takes rendered records, in line order, on the thread that calls the other members.</summary>
    void AppendRendered(ReadOnlySpan<byte> rendered);

    /// <summary>
    /// Told the run's summary before any record, when the run knows it that early, so that a document whose
    /// summary comes first can write its records as they come instead of holding them; <see cref="IValidationSink.Complete"/>
    /// then gets the same summary.
    /// </summary>
    void Begin(ValidationSummary summary);
}
