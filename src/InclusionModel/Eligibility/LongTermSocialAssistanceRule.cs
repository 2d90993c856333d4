using System.Collections.Immutable;
using InclusionModel.Programs;
using NodaTime;

namespace InclusionModel.Eligibility;

/// <summary><c>long-term-social-assistance</c>: assistance in at least 10 of the 12 months before the month of assessment (Socialstyrelsen).</summary>
public sealed class LongTermSocialAssistanceRule() : EligibilityRule(
    TargetGroupRules.LongTermSocialAssistance,
    [EligibilityFact.SocialAssistanceMonths],
    [new RuleVersion(null, "Långvarigt försörjningsstöd: försörjningsstöd minst 10 av de 12 månaderna före bedömningsmånaden (Socialstyrelsen).", "Long-term social assistance: assistance in at least 10 of the 12 months before the month of assessment (Socialstyrelsen).")])
{
    /// <inheritdoc />
    public override ImmutableArray<string> Parameters => TargetGroupRules.ParametersOf(TargetGroupRules.LongTermSocialAssistance);

    /// <inheritdoc />
    public override RuleArguments Bind(TargetGroupRule reference, ProgramDefinition program) => new(reference, program, 0, 0, TargetGroupRules.DefaultLongTermMonths, TargetGroupRules.DefaultLongTermOfMonths, 0);

    /// <inheritdoc />
    public override RuleResult Evaluate(EligibilityFacts facts, LocalDate on, RuleArguments arguments)
    {
        if (facts.SocialAssistanceMonths is not { } months)
        {
            return RuleResult.Unknown;
        }

        int current = IsoDates.MonthNumber(on.Year, on.Month);
        return SocialAssistance.Count(months, current - arguments.OfMonths, current - 1) >= arguments.Months ? RuleResult.Met : RuleResult.NotMet;
    }

    /// <inheritdoc />
    public override string Because(EligibilityFacts facts, LocalDate on, RuleArguments arguments, RuleResult result)
    {
        if (facts.SocialAssistanceMonths is not { } months)
        {
            return Missing(EligibilityFact.SocialAssistanceMonths);
        }

        int current = IsoDates.MonthNumber(on.Year, on.Month);
        int count = SocialAssistance.Count(months, current - arguments.OfMonths, current - 1);
        return Texts.Format("rule.long-term", count, arguments.OfMonths, SocialAssistance.Span(current - arguments.OfMonths, current - 1), arguments.Months);
    }
}
