using InclusionModel.Programs;
using NodaTime;

namespace InclusionModel.Eligibility;

/// <summary>
/// <c>not-in-establishment-program</c>: the person is not in the establishment program, or left it early.
/// Two versions: the establishment plan (etableringsplanen) until 2017, the establishment program
/// (etableringsprogrammet, förordning 2017:820) from 2018-01-01.
/// </summary>
public sealed class NotInEstablishmentProgramRule() : EligibilityRule(
    TargetGroupRules.NotInEstablishmentProgram,
    [EligibilityFact.EstablishmentProgram],
    [
        new RuleVersion(null, "Personen deltar inte i en etableringsplan, eller har avbrutit den.", "The person is not in an establishment plan, or left it early."),
        new RuleVersion(new LocalDate(2018, 1, 1), "Personen deltar inte i etableringsprogrammet (förordning 2017:820), eller har avbrutit det.", "The person is not in the establishment program (förordning 2017:820), or left it early."),
    ])
{
    /// <inheritdoc />
    public override RuleResult Evaluate(EligibilityFacts facts, LocalDate on, RuleArguments arguments) => facts.EstablishmentProgram switch
    {
        null => RuleResult.Unknown,
        EstablishmentProgramStatus.None or EstablishmentProgramStatus.LeftEarly => RuleResult.Met,
        _ => RuleResult.NotMet,
    };

    /// <inheritdoc />
    public override string Because(EligibilityFacts facts, LocalDate on, RuleArguments arguments, RuleResult result)
    {
        string what = Texts.Get(ReferenceEquals(VersionOn(on), Versions[0]) ? "rule.establishment.plan" : "rule.establishment.program");
        return facts.EstablishmentProgram switch
        {
            null => Missing(EligibilityFact.EstablishmentProgram),
            EstablishmentProgramStatus.None => Texts.Format("rule.establishment.never", what),
            EstablishmentProgramStatus.LeftEarly => Texts.Format("rule.establishment.left", what),
            EstablishmentProgramStatus.Participating => Texts.Format("rule.establishment.in", what),
            _ => Texts.Format("rule.establishment.completed", what),
        };
    }
}
