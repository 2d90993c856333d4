using System.Text;
using InclusionModel.Eligibility;
using InclusionModel.Programs;
using NodaTime;

namespace InclusionModel.Docs.Samples;

public static class EligibilitySample
{
    // A rule author's own rule: small, pure, with an id, the facts it reads, and a dated wording.
    public sealed class HoldsResidencePermitRule() : EligibilityRule(
        "holds-residence-permit",
        [EligibilityFact.ResidencePermitDate],
        [new RuleVersion(null, "Personen har uppehållstillstånd.", "The person holds a residence permit.")])
    {
        public override RuleResult Evaluate(EligibilityFacts facts, LocalDate on, RuleArguments arguments)
            => facts.ResidencePermitDate is not { } permit ? RuleResult.Unknown
                : permit <= on ? RuleResult.Met : RuleResult.NotMet;

        public override string Because(EligibilityFacts facts, LocalDate on, RuleArguments arguments, RuleResult result) => result switch
        {
            RuleResult.Unknown => "residencePermitDate was not given",
            RuleResult.Met => "holds a residence permit",
            _ => "the residence permit starts after the assessment date",
        };
    }

    public static IReadOnlyList<string> Run()
    {
        var lines = new List<string>();

        // 1. A catalogue program's target group, with the trace a caseworker reads.
        var allIn = TargetGroupEvaluator.For(ProgramCatalogue.BuiltIn.Get("hallefors-all-in"));
        var facts = EligibilityFacts.None with
        {
            BirthDate = new LocalDate(1990, 5, 1),
            Municipality = "Kumla",
            EstablishmentProgram = EstablishmentProgramStatus.LeftEarly,
            JobAndDevelopmentGuarantee = false,
        };
        var trace = allIn.Explain(facts, new LocalDate(2019, 3, 1));
        lines.Add($"decision: {trace.Decision}");
        foreach (var rule in trace.Rules)
        {
            lines.Add($"  {rule.Rule}: {rule.Result} ({rule.Because})");
        }

        lines.Add($"would be settled by: {string.Join(", ", trace.MissingFacts.Select(EligibilityFactNames.Name))}");

        // 2. The fast path for screening many people: no trace, no allocation, the same answer.
        var known = facts with { ResidencePermitDate = new LocalDate(2017, 6, 1) };
        lines.Add($"fast path: {allIn.Decide(known, new LocalDate(2019, 3, 1))}");

        // 3. Add rules: the author's own, and one composed from a standard rule.
        Assert(EligibilityRuleSet.Standard.TryGet("registered-job-seeker", out var registered));
        var rules = EligibilityRuleSet.Standard
            .With(new HoldsResidencePermitRule())
            .With(new ComposedRule(
                "not-registered-job-seeker",
                Composition.Not,
                new RuleVersion(null, "Personen är inte inskriven hos Arbetsförmedlingen.", "The person is not registered with the Public Employment Service."),
                registered!));

        // 4. A program names them by id in its JSON definition; the rule set is what the definition is checked against.
        byte[] definition = Encoding.UTF8.GetBytes("""
            {
              "id": "nora-forsta-steget",
              "name": "Första steget",
              "municipalities": [ "Nora" ],
              "targetGroup": {
                "required": [
                  { "rule": "resides-in-municipality" },
                  { "rule": "holds-residence-permit" },
                  { "rule": "not-registered-job-seeker" }
                ]
              },
              "phases": [ { "id": "activities" } ]
            }
            """);
        var program = ProgramDefinitionJson.Parse(definition, rules).GetValueOrThrow();
        var person = EligibilityFacts.None with { Municipality = "Nora", ResidencePermitDate = new LocalDate(2024, 2, 1), RegisteredJobSeeker = false };
        var decision = TargetGroupEvaluator.For(program, rules).Explain(person, new LocalDate(2025, 1, 15));
        lines.Add($"{program.Id}: {decision.Decision}; {decision.Rules[2].Rule}: {decision.Rules[2].Because}");

        // Without the rule set, the definition names a rule that does not exist.
        lines.Add(ProgramDefinitionJson.Parse(definition).Problems[0].ToString().Split(';')[0]);
        return lines;
    }

    private static void Assert(bool condition)
    {
        if (!condition)
        {
            throw new InvalidOperationException("The standard rule set lost a rule.");
        }
    }
}
