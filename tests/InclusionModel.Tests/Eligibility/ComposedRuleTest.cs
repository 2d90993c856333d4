using InclusionModel.Eligibility;
using InclusionModel.Programs;
using static InclusionModel.Tests.TestData;

namespace InclusionModel.Tests.Eligibility;

public class ComposedRuleTest
{
    private static readonly RuleVersion Wording = new(null, "sv", "en");

    private static EligibilityRule Standard(string id) => EligibilityRuleSet.Standard.TryGet(id, out var rule) ? rule : throw new KeyNotFoundException(id);

    private static RuleResult Evaluate(EligibilityRule rule, EligibilityFacts facts)
        => rule.Evaluate(facts, D("2019-03-01"), rule.Bind(new TargetGroupRule(rule.Id), AllIn));

    [Theory]
    [InlineData(true, false, RuleResult.NotMet, RuleResult.Met, RuleResult.Met)]
    [InlineData(true, true, RuleResult.NotMet, RuleResult.NotMet, RuleResult.Met)]
    [InlineData(true, null, RuleResult.NotMet, RuleResult.Unknown, RuleResult.Met)]
    [InlineData(false, null, RuleResult.Met, RuleResult.NotMet, RuleResult.Unknown)]
    [InlineData(null, false, RuleResult.Unknown, RuleResult.Unknown, RuleResult.Met)]
    public void Compositions_FollowKleene(bool? registered, bool? guarantee, RuleResult not, RuleResult all, RuleResult any)
    {
        var facts = EligibilityFacts.None with { RegisteredJobSeeker = registered, JobAndDevelopmentGuarantee = guarantee };
        var a = Standard("registered-job-seeker");
        var b = Standard("not-in-job-and-development-guarantee");

        Assert.Equal(not, Evaluate(new ComposedRule("not-registered", Composition.Not, Wording, a), facts));
        Assert.Equal(all, Evaluate(new ComposedRule("both", Composition.AllOf, Wording, a, b), facts));
        Assert.Equal(any, Evaluate(new ComposedRule("either", Composition.AnyOf, Wording, a, b), facts));
    }

    [Fact]
    public void Composed_ReadsAndTakesWhatItsPartsDo_AndExplainsWithTheirReasons()
    {
        var rule = new ComposedRule("young-and-local", Composition.AllOf, Wording, Standard("working-age"), Standard("resides-in-municipality"));
        var arguments = rule.Bind(new TargetGroupRule("young-and-local", MinimumAge: 18, MaximumAge: 29), AllIn);
        var facts = EligibilityFacts.None with { BirthDate = D("2000-01-01"), Municipality = "Nora" };

        Assert.Equal([EligibilityFact.BirthDate, EligibilityFact.Municipality], rule.Reads.ToArray());
        Assert.Equal(["minimumAge", "maximumAge", "municipalities"], rule.Parameters.ToArray());
        Assert.Equal(RuleResult.Met, rule.Evaluate(facts, D("2019-03-01"), arguments));
        Assert.Equal("all of: aged 19 on 2019-03-01, within 18–29; Nora is one of the program's municipalities", rule.Because(facts, D("2019-03-01"), arguments, RuleResult.Met));
    }

    [Fact]
    public void Not_TakesExactlyOnePart()
    {
        Assert.Throws<ArgumentException>(() => new ComposedRule("x", Composition.Not, Wording, Standard("working-age"), Standard("registered-job-seeker")));
    }

    [Fact]
    public void RuleSet_With_AddsOrReplaces_AndTheDefinitionValidatorFollowsIt()
    {
        var rules = EligibilityRuleSet.Standard.With(new ComposedRule("not-registered", Composition.Not, Wording, Standard("registered-job-seeker")));
        var builder = ProgramDefinition.Builder("x", "x").AddPhase("a").WithTargetGroup(new TargetGroup([new TargetGroupRule("not-registered")]));

        Assert.True(builder.TryBuild(rules).Success);
        Assert.Equal("$.targetGroup.required[0].rule", Assert.Single(builder.TryBuild().Problems).Path);
        Assert.Equal(EligibilityRuleSet.Standard.All.Length + 1, rules.All.Length);
        Assert.Equal(rules.All.Length, rules.With(new ComposedRule("not-registered", Composition.Not, Wording, Standard("far-from-labour-market"))).All.Length);
    }

    [Fact]
    public void Versions_MustBeInDateOrder_AndTheOneInForceApplies()
    {
        Assert.Throws<ArgumentException>(() => new VersionedRule(D("2020-01-01"), D("2019-01-01")));
        Assert.Throws<ArgumentException>(() => new VersionedRule(D("2020-01-01"), D("2020-01-01")));

        var rule = new VersionedRule(D("2018-01-01"), D("2022-01-01"));
        Assert.Equal("first", rule.VersionOn(D("2017-12-31")).English);
        Assert.Equal("second", rule.VersionOn(D("2018-01-01")).English);
        Assert.Equal("third", rule.VersionOn(D("2030-01-01")).English);
    }

    [Fact]
    public void RuleSet_With_RefusesAParameterADefinitionCannotCarry()
    {
        Assert.Throws<ArgumentException>(() => EligibilityRuleSet.Standard.With(new VersionedRule(D("2018-01-01"), D("2022-01-01"), parameter: "colour")));
    }

    private sealed class VersionedRule(NodaTime.LocalDate second, NodaTime.LocalDate third, string? parameter = null)
        : EligibilityRule("versioned", [EligibilityFact.FarFromLabourMarket], [new RuleVersion(null, "första", "first"), new RuleVersion(second, "andra", "second"), new RuleVersion(third, "tredje", "third")])
    {
        public override System.Collections.Immutable.ImmutableArray<string> Parameters => parameter is null ? [] : [parameter];

        public override RuleResult Evaluate(EligibilityFacts facts, NodaTime.LocalDate on, RuleArguments arguments) => RuleResult.Unknown;

        public override string Because(EligibilityFacts facts, NodaTime.LocalDate on, RuleArguments arguments, RuleResult result) => "";
    }
}
