using NodaTime;

namespace InclusionModel.Validation;

/// <summary>The counts of a validation run.</summary>
/// <param name="AsOf">The as-of date of the run.</param>
/// <param name="Records">Every line that was not blank.</param>
/// <param name="Valid">Well-formed records that broke no rule.</param>
/// <param name="Invalid">Well-formed records that broke at least one rule.</param>
/// <param name="Malformed">Lines that are not records of the contract's shape.</param>
public sealed record ValidationSummary(LocalDate AsOf, long Records, long Valid, long Invalid, long Malformed)
{
    /// <summary>Whether every record was valid (also true for an empty input).</summary>
    public bool AllValid => Invalid == 0 && Malformed == 0;
}

/// <summary>Receives the outcome of each line of a validation run, in line order, then the summary.</summary>
public interface IValidationSink
{
    /// <summary>A well-formed record and its verdict.</summary>
    /// <param name="line">The 1-based line number.</param>
    /// <param name="result">The verdict.</param>
    void Record(long line, HistoryValidationResult result);

    /// <summary>A malformed line.</summary>
    /// <param name="line">The 1-based line number.</param>
    /// <param name="reason">Why it is malformed, located inside the line, without the line number; never quoting an identity number.</param>
    void Malformed(long line, string reason);

    /// <summary>The run is over.</summary>
    /// <param name="summary">Its counts.</param>
    void Complete(ValidationSummary summary);
}
