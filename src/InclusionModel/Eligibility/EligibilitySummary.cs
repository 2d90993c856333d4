namespace InclusionModel.Eligibility;

/// <summary>The counts of a screening run (docs/interchange-contract.md §5's <c>summary</c>).</summary>
/// <param name="Records">Lines read (blank lines aside).</param>
/// <param name="Eligible">Decisions <c>eligible</c>.</param>
/// <param name="NotEligible">Decisions <c>not-eligible</c>.</param>
/// <param name="Undetermined">Decisions <c>undetermined</c>.</param>
/// <param name="Malformed">Malformed lines.</param>
public sealed record EligibilitySummary(long Records, long Eligible, long NotEligible, long Undetermined, long Malformed)
{
    /// <summary>
    /// The programs of the decisions whose participation reveals special-category data, in the order first
    /// met; empty when none. The output is marked when any is (docs/privacy.md).
    /// </summary>
    public System.Collections.Immutable.ImmutableArray<string> SpecialCategoryPrograms { get; init; } = [];

    /// <summary>Equal counts and equal marked programs, in the same order.</summary>
    /// <param name="other">The other summary.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(EligibilitySummary? other)
        => other is not null && Records == other.Records && Eligible == other.Eligible && NotEligible == other.NotEligible && Undetermined == other.Undetermined && Malformed == other.Malformed
           && SpecialCategoryPrograms.SequenceEqual(other.SpecialCategoryPrograms);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Records, Eligible, NotEligible, Undetermined, Malformed);
}
