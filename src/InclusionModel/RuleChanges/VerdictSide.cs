using System.Collections.Immutable;

namespace InclusionModel.RuleChanges;

/// <summary>One side of a changed verdict: valid or not, and the rule ids it broke (in the contract's order).</summary>
/// <param name="Valid">Whether the record is valid.</param>
/// <param name="Rules">The ids of the rules it breaks, each once.</param>
public sealed record VerdictSide(bool Valid, ImmutableArray<string> Rules);
