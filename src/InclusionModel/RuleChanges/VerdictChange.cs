namespace InclusionModel.RuleChanges;

/// <summary>A record whose verdict changes: its validity or its set of broken rules.</summary>
/// <param name="Line">The 1-based line number.</param>
/// <param name="Participant">The participant id, or <c>null</c> when it broke <c>pii-in-identifier</c> (never repeated).</param>
/// <param name="Baseline">The verdict under the baseline.</param>
/// <param name="Candidate">The verdict under the candidate.</param>
public sealed record VerdictChange(long Line, string? Participant, VerdictSide Baseline, VerdictSide Candidate);
