using System.Collections.Immutable;
using InclusionModel.Programs;
using NodaTime;

namespace InclusionModel.Eligibility;

/// <summary><c>working-age</c>: age in whole years on the assessment date within 20–64 (a person is 20 on their 20th birthday).</summary>
public sealed class WorkingAgeRule() : EligibilityRule(
    TargetGroupRules.WorkingAge,
    [EligibilityFact.BirthDate],
    [new RuleVersion(null, "Personen är i arbetsför ålder (20–64 år, som i arbetsmarknadsstatistiken och etableringsprogrammet).", "The person is of working age (20–64, as in Swedish employment statistics and the establishment program).")])
{
    /// <inheritdoc />
    public override ImmutableArray<string> Parameters => TargetGroupRules.ParametersOf(TargetGroupRules.WorkingAge);

    /// <inheritdoc />
    public override RuleArguments Bind(TargetGroupRule reference, ProgramDefinition program) => new(reference, program, TargetGroupRules.DefaultMinimumAge, TargetGroupRules.DefaultMaximumAge, 0, 0, 0);

    /// <inheritdoc />
    public override RuleResult Evaluate(EligibilityFacts facts, LocalDate on, RuleArguments arguments)
    {
        if (facts.BirthDate is not { } birth)
        {
            return RuleResult.Unknown;
        }

        int age = IsoDates.AgeInYears(birth, on);
        return age >= arguments.MinimumAge && age <= arguments.MaximumAge ? RuleResult.Met : RuleResult.NotMet;
    }

    /// <inheritdoc />
    public override string Because(EligibilityFacts facts, LocalDate on, RuleArguments arguments, RuleResult result)
    {
        if (facts.BirthDate is not { } birth)
        {
            return Missing(EligibilityFact.BirthDate);
        }

        int age = IsoDates.AgeInYears(birth, on);
        string range = $"{arguments.MinimumAge}–{arguments.MaximumAge}";
        return Texts.Format(age < arguments.MinimumAge ? "rule.age.below" : age > arguments.MaximumAge ? "rule.age.above" : "rule.age.within", age, IsoDates.Format(on), range);
    }
}
