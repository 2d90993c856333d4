namespace InclusionModel.RuleChanges;

/// <summary>A person whose eligibility decision changes.</summary>
/// <param name="Line">The 1-based line number.</param>
/// <param name="Person">The person's id, or <c>null</c> when it looks like a personal identity number (never repeated).</param>
/// <param name="Baseline">The decision under the baseline.</param>
/// <param name="Candidate">The decision under the candidate.</param>
public sealed record PersonChange(long Line, string? Person, PersonSide Baseline, PersonSide Candidate);
