using System.Collections.Immutable;
using InclusionModel.Programs;
using NodaTime;

namespace InclusionModel.Eligibility;

/// <summary><c>receives-social-assistance</c>: assistance in the month of assessment or the month before (or in the <c>months</c> months ending with it).</summary>
public sealed class ReceivesSocialAssistanceRule() : EligibilityRule(
    TargetGroupRules.ReceivesSocialAssistance,
    [EligibilityFact.SocialAssistanceMonths],
    [new RuleVersion(null, "Hushållet har ekonomiskt bistånd (försörjningsstöd) bedömningsmånaden eller månaden före.", "The household receives social assistance in the month of assessment or the month before.")])
{
    /// <inheritdoc />
    public override ImmutableArray<string> Parameters => TargetGroupRules.ParametersOf(TargetGroupRules.ReceivesSocialAssistance);

    /// <inheritdoc />
    public override RuleArguments Bind(TargetGroupRule reference, ProgramDefinition program) => new(reference, program, 0, 0, TargetGroupRules.DefaultAssistanceMonths, 0, 0);

    /// <inheritdoc />
    public override RuleResult Evaluate(EligibilityFacts facts, LocalDate on, RuleArguments arguments)
    {
        if (facts.SocialAssistanceMonths is not { } months)
        {
            return RuleResult.Unknown;
        }

        int last = IsoDates.MonthNumber(on.Year, on.Month);
        return SocialAssistance.Count(months, last - arguments.Months + 1, last) > 0 ? RuleResult.Met : RuleResult.NotMet;
    }

    /// <inheritdoc />
    public override string Because(EligibilityFacts facts, LocalDate on, RuleArguments arguments, RuleResult result)
    {
        int last = IsoDates.MonthNumber(on.Year, on.Month);
        string span = SocialAssistance.Span(last - arguments.Months + 1, last);
        return result switch
        {
            RuleResult.Unknown => Missing(EligibilityFact.SocialAssistanceMonths),
            RuleResult.Met => Texts.Format("rule.assistance.met", span),
            _ => Texts.Format("rule.assistance.not-met", span),
        };
    }
}
