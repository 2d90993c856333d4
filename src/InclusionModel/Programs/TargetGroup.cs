using System.Collections.Immutable;

namespace InclusionModel.Programs;

/// <summary>
/// A program's target group (målgrupp): required rules, and exceptions that make a person eligible
/// whatever the required rules say (docs/interchange-contract.md §5).
/// </summary>
public sealed record TargetGroup
{
    /// <summary>Creates a target group.</summary>
    /// <param name="required">The rules every eligible person meets.</param>
    /// <param name="exceptions">Rules any one of which makes a person eligible; default none.</param>
    /// <param name="description">The target group in the source's words (translated), or <c>null</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="required"/> is null.</exception>
    /// <exception cref="ArgumentException">A rule is null.</exception>
    public TargetGroup(IEnumerable<TargetGroupRule> required, IEnumerable<TargetGroupRule>? exceptions = null, string? description = null)
    {
        Required = Preconditions.CheckNotNull(required).ToImmutableArray();
        Exceptions = exceptions?.ToImmutableArray() ?? [];
        Preconditions.CheckArgument(Required.All(r => r is not null) && Exceptions.All(r => r is not null), nameof(required), "A rule is null.");
        LocalizedDescription = description;
    }

    /// <summary>The target group in words in <see cref="System.Globalization.CultureInfo.CurrentUICulture"/>, or <c>null</c>.</summary>
    public string? Description => LocalizedDescription?.ToString();

    /// <summary>The target group in words in every language given, or <c>null</c>; the constructor's plain description, or another with <c>with { LocalizedDescription = … }</c>.</summary>
    public LocalizedText? LocalizedDescription { get; init; }

    /// <summary>The rules every eligible person meets (unless an exception is met).</summary>
    public ImmutableArray<TargetGroupRule> Required { get; }

    /// <summary>Rules any one of which makes a person eligible whatever the required rules say.</summary>
    public ImmutableArray<TargetGroupRule> Exceptions { get; }
}

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

/// <summary>
/// The target-group rules a definition may name by default (docs/interchange-contract.md §5), and the parameters each
/// accepts; the rules themselves are in <see cref="Eligibility.EligibilityRuleSet.Standard"/>.
/// </summary>
public static class TargetGroupRules
{
    /// <summary><c>municipality</c> is one of the program's (or the rule's) municipalities.</summary>
    public const string ResidesInMunicipality = "resides-in-municipality";

    /// <summary>Age in whole years on the assessment date within a range (default 20–64).</summary>
    public const string WorkingAge = "working-age";

    /// <summary>Registered with the Public Employment Service.</summary>
    public const string RegisteredJobSeeker = "registered-job-seeker";

    /// <summary>Social assistance in the month of assessment or the month before.</summary>
    public const string ReceivesSocialAssistance = "receives-social-assistance";

    /// <summary>Social assistance in at least 10 of the 12 months before the month of assessment.</summary>
    public const string LongTermSocialAssistance = "long-term-social-assistance";

    /// <summary>A first residence permit within the last 36 months.</summary>
    public const string NewlyArrived = "newly-arrived";

    /// <summary>Not in (or left early) the establishment program.</summary>
    public const string NotInEstablishmentProgram = "not-in-establishment-program";

    /// <summary>Not in the job and development guarantee.</summary>
    public const string NotInJobAndDevelopmentGuarantee = "not-in-job-and-development-guarantee";

    /// <summary>The caseworker assesses that the person stands far from the labour market.</summary>
    public const string FarFromLabourMarket = "far-from-labour-market";

    /// <summary>The person's own voluntary statement of belonging to the program's target group.</summary>
    public const string SelfDeclaredTargetGroup = "self-declared-target-group";

    /// <summary>Completed an orientation (OTR) course and wishes to go on.</summary>
    public const string CompletedOrientationCourse = "completed-orientation-course";

    /// <summary>Registered as unemployed, without a break, for at least 12 months (långtidsarbetslös).</summary>
    public const string LongTermUnemployed = "long-term-unemployed";

    /// <summary>The default months of <c>long-term-unemployed</c>: 12 (Arbetsförmedlingen's långtidsarbetslös).</summary>
    public const int DefaultUnemployedMonths = 12;

    /// <summary>The default lowest age of <c>working-age</c>.</summary>
    public const int DefaultMinimumAge = 20;

    /// <summary>The default highest age of <c>working-age</c>.</summary>
    public const int DefaultMaximumAge = 64;

    /// <summary>The default months <c>receives-social-assistance</c> looks at: the month of assessment and the one before.</summary>
    public const int DefaultAssistanceMonths = 2;

    /// <summary>The default months with assistance of <c>long-term-social-assistance</c> (Socialstyrelsen: 10 of 12).</summary>
    public const int DefaultLongTermMonths = 10;

    /// <summary>The default months <c>long-term-social-assistance</c> looks back over.</summary>
    public const int DefaultLongTermOfMonths = 12;

    /// <summary>The default months since the first residence permit for <c>newly-arrived</c>.</summary>
    public const int DefaultNewlyArrivedWithinMonths = 36;

    /// <summary>Every rule id a definition may name, in the order of docs/interchange-contract.md §5.</summary>
    public static ImmutableArray<string> Ids { get; } =
    [
        ResidesInMunicipality, WorkingAge, RegisteredJobSeeker, ReceivesSocialAssistance, LongTermSocialAssistance, NewlyArrived,
        NotInEstablishmentProgram, NotInJobAndDevelopmentGuarantee, FarFromLabourMarket, SelfDeclaredTargetGroup, CompletedOrientationCourse,
        LongTermUnemployed,
    ];

    /// <summary>Whether <paramref name="id"/> names a known rule.</summary>
    /// <param name="id">A rule id.</param>
    /// <returns><c>true</c> for a rule of docs/interchange-contract.md §5.</returns>
    public static bool IsKnown(string? id) => id is not null && Eligibility.EligibilityRuleSet.Standard.TryGet(id, out _);

    /// <summary>The parameters (JSON spelling) a rule accepts; empty for an unknown rule.</summary>
    /// <param name="id">A rule id.</param>
    /// <returns>The parameter names.</returns>
    public static ImmutableArray<string> ParametersOf(string? id)
        => Eligibility.EligibilityRuleSet.Standard.TryGet(id, out var rule) ? rule.Parameters : [];
}

/// <summary>The rules a program definition may name, and their parameters: what definition validation checks rule ids against.</summary>
public interface ITargetGroupRuleCatalogue
{
    /// <summary>Every rule id.</summary>
    IEnumerable<string> Ids { get; }

    /// <summary>The parameters (JSON spelling) a rule accepts, or <c>null</c> when there is no such rule.</summary>
    /// <param name="id">A rule id.</param>
    /// <returns>The parameter names, or <c>null</c>.</returns>
    ImmutableArray<string>? ParametersOf(string id);
}
