using System.Collections.Immutable;
using InclusionModel.Programs;
using NodaTime;

namespace InclusionModel.Eligibility;

/// <summary><c>newly-arrived</c>: a first residence permit on or after the assessment date minus 36 months, and not after it.</summary>
public sealed class NewlyArrivedRule() : EligibilityRule(
    TargetGroupRules.NewlyArrived,
    [EligibilityFact.ResidencePermitDate],
    [new RuleVersion(null, "Nyanländ: första uppehållstillståndet inom de senaste 36 månaderna (som i reglerna för nystartsjobb).", "Newly arrived: a first residence permit within the last 36 months (as in the rules for nystartsjobb).")])
{
    /// <inheritdoc />
    public override ImmutableArray<string> Parameters => TargetGroupRules.ParametersOf(TargetGroupRules.NewlyArrived);

    /// <inheritdoc />
    public override RuleArguments Bind(TargetGroupRule reference, ProgramDefinition program) => new(reference, program, 0, 0, 0, 0, TargetGroupRules.DefaultNewlyArrivedWithinMonths);

    /// <inheritdoc />
    public override RuleResult Evaluate(EligibilityFacts facts, LocalDate on, RuleArguments arguments)
    {
        if (facts.ResidencePermitDate is not { } permit)
        {
            return RuleResult.Unknown;
        }

        int day = IsoDates.DayNumber(permit);
        return day <= IsoDates.DayNumber(on) && day >= IsoDates.AddMonths(on, -arguments.WithinMonths) ? RuleResult.Met : RuleResult.NotMet;
    }

    /// <inheritdoc />
    public override string Because(EligibilityFacts facts, LocalDate on, RuleArguments arguments, RuleResult result)
    {
        if (facts.ResidencePermitDate is not { } permit)
        {
            return Missing(EligibilityFact.ResidencePermitDate);
        }

        var earliest = on.PlusMonths(-arguments.WithinMonths);
        return permit > on ? Texts.Format("rule.permit.after", IsoDates.Format(permit))
            : permit < earliest ? Texts.Format("rule.permit.too-early", IsoDates.Format(permit), arguments.WithinMonths, IsoDates.Format(on), IsoDates.Format(earliest))
            : Texts.Format("rule.permit.within", IsoDates.Format(permit), arguments.WithinMonths, IsoDates.Format(on));
    }
}
