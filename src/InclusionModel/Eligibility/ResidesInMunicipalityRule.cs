using System.Collections.Immutable;
using InclusionModel.Privacy;
using InclusionModel.Programs;
using NodaTime;

namespace InclusionModel.Eligibility;

/// <summary><c>resides-in-municipality</c>: the municipality of residence is one of the program's (case-insensitive).</summary>
public sealed class ResidesInMunicipalityRule() : EligibilityRule(
    TargetGroupRules.ResidesInMunicipality,
    [EligibilityFact.Municipality],
    [new RuleVersion(null, "Personen är bosatt i en av projektets kommuner.", "The person lives in one of the program's municipalities.")])
{
    /// <inheritdoc />
    public override ImmutableArray<string> Parameters => TargetGroupRules.ParametersOf(TargetGroupRules.ResidesInMunicipality);

    /// <inheritdoc />
    public override RuleResult Evaluate(EligibilityFacts facts, LocalDate on, RuleArguments arguments)
        => facts.Municipality is not { } municipality ? RuleResult.Unknown
            : arguments.HasMunicipality(municipality) ? RuleResult.Met : RuleResult.NotMet;

    /// <inheritdoc />
    public override string Because(EligibilityFacts facts, LocalDate on, RuleArguments arguments, RuleResult result) => result switch
    {
        RuleResult.Unknown => Missing(EligibilityFact.Municipality),
        RuleResult.Met => Texts.Format("rule.municipality.met", PersonalIdentityNumbers.SafeToQuote(facts.Municipality)),
        _ => Texts.Format("rule.municipality.not-met", PersonalIdentityNumbers.SafeToQuote(facts.Municipality), string.Join(", ", arguments.Municipalities)),
    };
}
