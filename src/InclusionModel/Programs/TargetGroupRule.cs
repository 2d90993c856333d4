using System.Collections.Immutable;

namespace InclusionModel.Programs;

/// <summary>
/// A target-group rule named by its id (docs/interchange-contract.md §5) with the parameters a program sets; a parameter
/// left <c>null</c> takes the rule's default reading.
/// </summary>
/// <param name="Rule">The rule id, for example <c>working-age</c>; see <see cref="TargetGroupRules"/>.</param>
/// <param name="Municipalities">For <c>resides-in-municipality</c>: the municipalities, or <c>null</c> for the program's own.</param>
/// <param name="MinimumAge">For <c>working-age</c>: the lowest age in whole years (default 20).</param>
/// <param name="MaximumAge">For <c>working-age</c>: the highest age in whole years (default 64).</param>
/// <param name="Months">For <c>long-term-social-assistance</c>: months with assistance (default 10); for <c>receives-social-assistance</c>: the months looked at, ending with the month of assessment (default 2); for <c>long-term-unemployed</c>: the whole calendar months of unemployment (default 12).</param>
/// <param name="OfMonths">For <c>long-term-social-assistance</c>: the months looked back over (default 12).</param>
/// <param name="WithinMonths">For <c>newly-arrived</c>: how recent the residence permit is, in months (default 36).</param>
public sealed record TargetGroupRule(
    string Rule,
    ImmutableArray<string>? Municipalities = null,
    int? MinimumAge = null,
    int? MaximumAge = null,
    int? Months = null,
    int? OfMonths = null,
    int? WithinMonths = null)
{
    /// <summary>
    /// The definition's own names for the rule, which people read instead of the library's built-in name (for
    /// this program only), or <c>null</c>; set it with <c>with { Names = … }</c>. A rule is named once in a
    /// definition, so its names are never in doubt.
    /// </summary>
    public LocalizedText? Names { get; init; }

    /// <summary>Every parameter a rule reference can carry, in JSON spelling.</summary>
    public static ImmutableArray<string> ParameterNames { get; } = ["municipalities", "minimumAge", "maximumAge", "months", "ofMonths", "withinMonths"];

    /// <summary>The names of the parameters this rule sets, in JSON spelling.</summary>
    public IEnumerable<string> SetParameters
    {
        get
        {
            if (Municipalities is not null) yield return "municipalities";
            if (MinimumAge is not null) yield return "minimumAge";
            if (MaximumAge is not null) yield return "maximumAge";
            if (Months is not null) yield return "months";
            if (OfMonths is not null) yield return "ofMonths";
            if (WithinMonths is not null) yield return "withinMonths";
        }
    }

    /// <summary>Structural equality (the municipalities compared element by element).</summary>
    /// <param name="other">Another rule.</param>
    /// <returns>Whether the two name the same rule with the same parameters and the same names.</returns>
    public bool Equals(TargetGroupRule? other)
        => other is not null
           && Rule == other.Rule
           && Equals(Names, other.Names)
           && MinimumAge == other.MinimumAge && MaximumAge == other.MaximumAge
           && Months == other.Months && OfMonths == other.OfMonths && WithinMonths == other.WithinMonths
           && (Municipalities is { } a ? other.Municipalities is { } b && a.SequenceEqual(b) : other.Municipalities is null);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Rule, MinimumAge, MaximumAge, Months, OfMonths, WithinMonths, Municipalities?.Length);
}
