using System.Collections.Immutable;

namespace InclusionModel.RuleChanges;

/// <summary>One side of a changed eligibility decision: the decision and the rules whose result changed.</summary>
/// <param name="Decision">The decision as the contract names it (<c>eligible</c>, <c>not-eligible</c>, <c>undetermined</c>), or <c>no-target-group</c> when the definition states none.</param>
/// <param name="Rules">The ids of the rules whose result differs between the two definitions (or that only this side has), as this side traced them.</param>
public sealed record PersonSide(string Decision, ImmutableArray<string> Rules)
{
    /// <summary>How this side traced each of <see cref="Rules"/>, in the same order (empty when the side has no target group): its result, and whether it is an exception.</summary>
    public ImmutableArray<Eligibility.RuleTrace> Traces { get; init; } = [];
}
