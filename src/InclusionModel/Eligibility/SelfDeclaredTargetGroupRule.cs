using InclusionModel.Programs;
using NodaTime;

namespace InclusionModel.Eligibility;

/// <summary>
/// <c>self-declared-target-group</c>: the person's own voluntary declaration of belonging to the program's
/// target group, given on or before the assessment date. Its reasons never say more than whether the
/// declaration applies.
/// </summary>
public sealed class SelfDeclaredTargetGroupRule() : EligibilityRule(
    TargetGroupRules.SelfDeclaredTargetGroup,
    [EligibilityFact.SelfDeclaredTargetGroup],
    [new RuleVersion(null, "Personen har själv och frivilligt uppgett att hen tillhör projektets målgrupp.", "The person has, of their own free will, declared belonging to the program's target group.")])
{
    /// <inheritdoc />
    public override RuleResult Evaluate(EligibilityFacts facts, LocalDate on, RuleArguments arguments)
        => facts.SelfDeclaredTargetGroup is not { } declaration ? RuleResult.Unknown
            : declaration.Declared && declaration.On <= on ? RuleResult.Met : RuleResult.NotMet;

    /// <inheritdoc />
    public override string Because(EligibilityFacts facts, LocalDate on, RuleArguments arguments, RuleResult result) => result switch
    {
        RuleResult.Unknown => Missing(EligibilityFact.SelfDeclaredTargetGroup),
        RuleResult.Met => Texts.Get("rule.declaration.met"),
        _ => Texts.Get("rule.declaration.not-met"),
    };
}
