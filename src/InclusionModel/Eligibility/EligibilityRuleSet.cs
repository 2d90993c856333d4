using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using InclusionModel.Programs;

namespace InclusionModel.Eligibility;

/// <summary>
/// The rules program definitions may name, by id: <see cref="Standard"/> holds the rules of docs/interchange-contract.md §5;
/// <see cref="With"/> adds a rule author's own.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class EligibilityRuleSet : ITargetGroupRuleCatalogue
{
    private readonly FrozenDictionary<string, EligibilityRule> _rules;

    private EligibilityRuleSet(IEnumerable<EligibilityRule> rules)
    {
        All = [.. rules];
        _rules = All.ToFrozenDictionary(r => r.Id, StringComparer.Ordinal);
    }

    /// <summary>The rules of docs/interchange-contract.md §5.</summary>
    public static EligibilityRuleSet Standard { get; } = new(
    [
        new ResidesInMunicipalityRule(),
        new WorkingAgeRule(),
        new YesNoFactRule(TargetGroupRules.RegisteredJobSeeker, EligibilityFact.RegisteredJobSeeker, f => f.RegisteredJobSeeker, wanted: true,
            "registered with the Public Employment Service", "not registered with the Public Employment Service",
            new RuleVersion(null, "Personen är inskriven som arbetssökande hos Arbetsförmedlingen.", "The person is registered as a job seeker with the Public Employment Service."),
            "inskriven som arbetssökande hos Arbetsförmedlingen", "inte inskriven som arbetssökande hos Arbetsförmedlingen"),
        new ReceivesSocialAssistanceRule(),
        new LongTermSocialAssistanceRule(),
        new NewlyArrivedRule(),
        new NotInEstablishmentProgramRule(),
        new YesNoFactRule(TargetGroupRules.NotInJobAndDevelopmentGuarantee, EligibilityFact.JobAndDevelopmentGuarantee, f => f.JobAndDevelopmentGuarantee, wanted: false,
            "in the job and development guarantee", "not in the job and development guarantee",
            new RuleVersion(null, "Personen deltar inte i jobb- och utvecklingsgarantin.", "The person is not in the job and development guarantee."),
            "deltar i jobb- och utvecklingsgarantin", "deltar inte i jobb- och utvecklingsgarantin"),
        new YesNoFactRule(TargetGroupRules.FarFromLabourMarket, EligibilityFact.FarFromLabourMarket, f => f.FarFromLabourMarket, wanted: true,
            "the caseworker assesses that the person stands far from the labour market", "the caseworker assesses that the person does not stand far from the labour market",
            new RuleVersion(null, "Handläggaren bedömer att personen står långt från arbetsmarknaden.", "The caseworker assesses that the person stands far from the labour market."),
            "handläggaren bedömer att personen står långt från arbetsmarknaden", "handläggaren bedömer att personen inte står långt från arbetsmarknaden"),
        new SelfDeclaredTargetGroupRule(),
        new YesNoFactRule(TargetGroupRules.CompletedOrientationCourse, EligibilityFact.CompletedOrientationCourse, f => f.CompletedOrientationCourse, wanted: true,
            "completed an orientation course and wishes to go on", "has not completed an orientation course, or does not wish to go on",
            new RuleVersion(null, "Personen har gått en orienteringskurs (OTR) och vill fortsätta.", "The person completed an orientation (OTR) course and wishes to go on."),
            "har gått en orienteringskurs och vill fortsätta", "har inte gått en orienteringskurs, eller vill inte fortsätta"),
        new LongTermUnemployedRule(),
    ]);

    /// <summary>Every rule of the set.</summary>
    public ImmutableArray<EligibilityRule> All { get; }

    /// <summary>A set with <paramref name="rule"/> added (or replacing the rule of the same id).</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>The new set.</returns>
    /// <exception cref="ArgumentException">The rule names a parameter a rule reference cannot carry (see <see cref="TargetGroupRule.ParameterNames"/>).</exception>
    public EligibilityRuleSet With(EligibilityRule rule)
    {
        Preconditions.CheckNotNull(rule);
        Preconditions.CheckArgument(rule.Parameters.All(TargetGroupRule.ParameterNames.Contains), nameof(rule), $"A rule's parameters are among {string.Join(", ", TargetGroupRule.ParameterNames)}.");
        return new EligibilityRuleSet(All.Where(r => r.Id != rule.Id).Append(rule));
    }

    /// <summary>Finds a rule by id.</summary>
    /// <param name="id">A rule id.</param>
    /// <param name="rule">The rule, when found.</param>
    /// <returns>Whether the set has the rule.</returns>
    public bool TryGet(string? id, [NotNullWhen(true)] out EligibilityRule? rule)
    {
        rule = null;
        return id is not null && _rules.TryGetValue(id, out rule);
    }

    /// <inheritdoc />
    IEnumerable<string> ITargetGroupRuleCatalogue.Ids => All.Select(r => r.Id);

    /// <inheritdoc />
    ImmutableArray<string>? ITargetGroupRuleCatalogue.ParametersOf(string id) => TryGet(id, out var rule) ? rule.Parameters : null;
}
