using System.Collections.Frozen;
using System.Collections.Immutable;

namespace InclusionModel.Programs;

/// <summary>
/// The target-group rules a definition may name by default (docs/interchange-contract.md §5), and the parameters each
/// accepts: the contract's vocabulary of rules, which definitions are checked against unless a rule set of their own is
/// given. The rules themselves, which decide, are in <see cref="Eligibility.EligibilityRuleSet.Standard"/> (and take their
/// parameters from here).
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

    // The parameters of docs/interchange-contract.md §5, by rule; a rule not listed takes none.
    private static readonly FrozenDictionary<string, ImmutableArray<string>> Parameters = new Dictionary<string, ImmutableArray<string>>(StringComparer.Ordinal)
    {
        [ResidesInMunicipality] = ["municipalities"],
        [WorkingAge] = ["minimumAge", "maximumAge"],
        [ReceivesSocialAssistance] = ["months"],
        [LongTermSocialAssistance] = ["months", "ofMonths"],
        [NewlyArrived] = ["withinMonths"],
        [LongTermUnemployed] = ["months"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The rules of docs/interchange-contract.md §5 as the catalogue a definition is checked against by default.</summary>
    internal static ITargetGroupRuleCatalogue Catalogue { get; } = new StandardCatalogue();

    /// <summary>Whether <paramref name="id"/> names a rule of docs/interchange-contract.md §5.</summary>
    /// <param name="id">A rule id.</param>
    /// <returns><c>true</c> for a rule of docs/interchange-contract.md §5.</returns>
    public static bool IsKnown(string? id) => id is not null && Ids.Contains(id);

    /// <summary>The parameters (JSON spelling) a rule of docs/interchange-contract.md §5 accepts; empty for an unknown rule.</summary>
    /// <param name="id">A rule id.</param>
    /// <returns>The parameter names.</returns>
    public static ImmutableArray<string> ParametersOf(string? id)
        => id is not null && Parameters.TryGetValue(id, out var names) ? names : [];

    private sealed class StandardCatalogue : ITargetGroupRuleCatalogue
    {
        public IEnumerable<string> Ids => TargetGroupRules.Ids;

        public ImmutableArray<string>? ParametersOf(string id) => IsKnown(id) ? TargetGroupRules.ParametersOf(id) : null;
    }
}
