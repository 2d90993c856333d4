namespace InclusionModel.RuleChanges;

/// <summary>A figure of the program's report up to the as-of date (docs/interchange-contract.md §6, <see cref="RuleChangeImpact.FiguresPeriod"/>) that differs: a count, a share, or a goal's status.</summary>
/// <param name="Figure">The figure's dotted name (<c>exited.byOutcome.work</c>, <c>goals.into-work.status</c>).</param>
/// <param name="Baseline">The value under the baseline, or <c>null</c> when its report has no such figure.</param>
/// <param name="Candidate">The value under the candidate, or <c>null</c> when its report has no such figure.</param>
public sealed record FigureChange(string Figure, string? Baseline, string? Candidate);
