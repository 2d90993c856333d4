using System.Collections.Immutable;
using InclusionModel.Programs;
using NodaTime;

namespace InclusionModel.Eligibility;

/// <summary>
/// <c>long-term-unemployed</c> (långtidsarbetslös): registered as unemployed, without a break, since a date at
/// least <c>months</c> whole calendar months (default 12) before the assessment date. Met exactly when
/// <c>unemployedSince</c> plus <c>months</c> calendar months, clamped to the month's end as NodaTime's
/// <see cref="LocalDate.PlusMonths"/> clamps, is on or before the assessment date.
/// </summary>
public sealed class LongTermUnemployedRule() : EligibilityRule(
    TargetGroupRules.LongTermUnemployed,
    [EligibilityFact.UnemployedSince],
    [new RuleVersion(null, "Långtidsarbetslös: inskriven som arbetslös hos Arbetsförmedlingen, utan avbrott, i minst 12 månader.", "Long-term unemployed: registered as unemployed with the Public Employment Service, without a break, for at least 12 months.")])
{
    /// <inheritdoc />
    public override ImmutableArray<string> Parameters => TargetGroupRules.ParametersOf(TargetGroupRules.LongTermUnemployed);

    private static readonly int LastDay = IsoDates.DayNumber(9999, 12, 31);

    /// <inheritdoc />
    public override RuleArguments Bind(TargetGroupRule reference, ProgramDefinition program) => new(reference, program, 0, 0, TargetGroupRules.DefaultUnemployedMonths, 0, 0);

    /// <inheritdoc />
    public override RuleResult Evaluate(EligibilityFacts facts, LocalDate on, RuleArguments arguments)
        => facts.UnemployedSince is not { } since ? RuleResult.Unknown
            : IsoDates.AddMonths(since, arguments.Months) <= IsoDates.DayNumber(on) ? RuleResult.Met : RuleResult.NotMet;

    /// <inheritdoc />
    public override string Because(EligibilityFacts facts, LocalDate on, RuleArguments arguments, RuleResult result)
    {
        if (facts.UnemployedSince is not { } since)
        {
            return Missing(EligibilityFact.UnemployedSince);
        }

        if (result == RuleResult.Met)
        {
            return Texts.Format("rule.unemployed.met", IsoDates.Format(since), arguments.Months, IsoDates.Format(on));
        }

        int reached = IsoDates.AddMonths(since, arguments.Months);
        return reached > LastDay
            ? Texts.Format("rule.unemployed.not-met-ever", IsoDates.Format(since), arguments.Months, IsoDates.Format(on))
            : Texts.Format("rule.unemployed.not-met", IsoDates.Format(since), arguments.Months, IsoDates.Format(on), IsoDates.Format(IsoDates.FromDayNumber(reached)));
    }
}
