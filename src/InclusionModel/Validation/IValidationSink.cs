namespace InclusionModel.Validation;

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

    /// <summary>
    /// Called once, before any other member, when the run holds records of programs whose participation
    /// reveals special-category data (GDPR art. 9), so that a streaming writer can mark its output from its
    /// first line. Every sink implements it (there is no default that would drop the marking): a sink that
    /// writes nothing of its own here must still pass it on to any sink it wraps.
    /// <see cref="ValidationSummary.SpecialCategoryPrograms"/> says the same at the end.
    /// </summary>
    /// <param name="programs">The marked programs among the run's records.</param>
    void SpecialCategoryData(IReadOnlyList<string> programs);
}
