using InclusionModel.Eligibility;
using InclusionModel.Programs;
using NodaTime;
using static InclusionModel.Tests.TestData;

namespace InclusionModel.Tests.Eligibility;

/// <summary>Each standard rule at its edges: met, not met and unknown, with the reason a caseworker reads.</summary>
public class RulesTest
{
    private static (RuleResult Result, string Because) Run(string ruleId, EligibilityFacts facts, string on, TargetGroupRule? reference = null, string program = "hallefors-all-in")
    {
        Assert.True(EligibilityRuleSet.Standard.TryGet(ruleId, out var rule));
        var arguments = rule.Bind(reference ?? new TargetGroupRule(ruleId), ProgramCatalogue.BuiltIn.Get(program));
        var result = rule.Evaluate(facts, D(on), arguments);
        return (result, rule.Because(facts, D(on), arguments, result));
    }

    private static EligibilityFacts Born(string date) => EligibilityFacts.None with { BirthDate = D(date) };

    private static EligibilityFacts Assisted(params string[] months)
        => EligibilityFacts.None with { SocialAssistanceMonths = [.. months.Select(m => new YearMonth(int.Parse(m[..4]), int.Parse(m[5..])))] };

    [Theory]
    [InlineData("Kumla", RuleResult.Met, "Kumla is one of the program's municipalities")]
    [InlineData("KUMLA", RuleResult.Met, "KUMLA is one of the program's municipalities")]
    [InlineData("HÄLLEFORS", RuleResult.Met, "HÄLLEFORS is one of the program's municipalities")]
    [InlineData("Örebro", RuleResult.NotMet, "Örebro is not one of the program's municipalities (Hällefors, Kumla, Nora, Hallsberg, Degerfors, Karlskoga, Ljusnarsberg, Lindesberg)")]
    [InlineData(null, RuleResult.Unknown, "municipality was not given")]
    public void ResidesInMunicipality(string? municipality, RuleResult expected, string because)
    {
        Assert.Equal((expected, because), Run("resides-in-municipality", EligibilityFacts.None with { Municipality = municipality }, "2019-03-01"));
    }

    /// <summary>
    /// Definitions are checked against the contract's vocabulary of rules (Programs.TargetGroupRules), and decided by the
    /// standard rule set (Eligibility): both must name the same rules with the same parameters, or a definition the
    /// checker accepts would name a rule nobody decides.
    /// </summary>
    [Fact]
    public void TheStandardRuleSet_IsTheContractsVocabulary_RuleForRule()
    {
        Assert.Equal(TargetGroupRules.Ids.Order(StringComparer.Ordinal), EligibilityRuleSet.Standard.All.Select(r => r.Id).Order(StringComparer.Ordinal));
        foreach (var rule in EligibilityRuleSet.Standard.All)
        {
            Assert.True(TargetGroupRules.IsKnown(rule.Id), rule.Id);
            Assert.Equal<string>(TargetGroupRules.ParametersOf(rule.Id), rule.Parameters);
        }

        Assert.Equal<string>(["minimumAge", "maximumAge"], TargetGroupRules.ParametersOf(TargetGroupRules.WorkingAge));
        Assert.Empty(TargetGroupRules.ParametersOf(TargetGroupRules.RegisteredJobSeeker));
        Assert.Empty(TargetGroupRules.ParametersOf("no-such-rule"));
        Assert.False(TargetGroupRules.IsKnown("no-such-rule"));
        Assert.False(TargetGroupRules.IsKnown(null));
    }

    [Fact]
    public void ResidesInMunicipality_RuleParameter_OverridesTheProgramsMunicipalities()
    {
        var result = Run("resides-in-municipality", EligibilityFacts.None with { Municipality = "Örebro" }, "2019-03-01", new TargetGroupRule("resides-in-municipality", ["Örebro"]));

        Assert.Equal(RuleResult.Met, result.Result);
    }

    [Theory]
    [InlineData("1999-03-02", RuleResult.NotMet, "aged 19 on 2019-03-01, below 20–64")] // the day before the 20th birthday
    [InlineData("1999-03-01", RuleResult.Met, "aged 20 on 2019-03-01, within 20–64")] // the 20th birthday
    [InlineData("1954-03-01", RuleResult.NotMet, "aged 65 on 2019-03-01, above 20–64")] // the 65th birthday
    [InlineData("1954-03-02", RuleResult.Met, "aged 64 on 2019-03-01, within 20–64")]
    public void WorkingAge_AtTheBirthdays(string birth, RuleResult expected, string because)
    {
        Assert.Equal((expected, because), Run("working-age", Born(birth), "2019-03-01"));
    }

    [Theory]
    [InlineData("2020-02-28", 19)]
    [InlineData("2020-02-29", 20)] // born on 29 February, the 20th birthday falls in a leap year
    [InlineData("2021-02-27", 20)]
    [InlineData("2021-02-28", 21)] // in a year without 29 February the birthday is 28 February (NodaTime's reading)
    public void WorkingAge_BornOn29February(string on, int age)
    {
        Assert.StartsWith($"aged {age} on {on}", Run("working-age", Born("2000-02-29"), on).Because);
    }

    [Fact]
    public void WorkingAge_ProgramParameters_SetTheRange()
    {
        var result = Run("working-age", Born("2001-01-01"), "2019-03-01", new TargetGroupRule("working-age", MinimumAge: 18, MaximumAge: 29));

        Assert.Equal((RuleResult.Met, "aged 18 on 2019-03-01, within 18–29"), result);
    }

    [Theory]
    [InlineData("2016-03-01", RuleResult.Met)] // exactly 36 months before
    [InlineData("2016-02-29", RuleResult.NotMet)] // a day more
    [InlineData("2019-03-01", RuleResult.Met)] // on the assessment date
    [InlineData("2019-03-02", RuleResult.NotMet)] // after it
    public void NewlyArrived_AtExactly36Months(string permit, RuleResult expected)
    {
        Assert.Equal(expected, Run("newly-arrived", EligibilityFacts.None with { ResidencePermitDate = D(permit) }, "2019-03-01").Result);
    }

    [Fact]
    public void NewlyArrived_ReasonsNameTheWindow()
    {
        Assert.Equal(
            "the first residence permit (2016-02-29) is more than 36 months before 2019-03-01 (earliest 2016-03-01)",
            Run("newly-arrived", EligibilityFacts.None with { ResidencePermitDate = D("2016-02-29") }, "2019-03-01").Because);
        Assert.Equal((RuleResult.Unknown, "residencePermitDate was not given"), Run("newly-arrived", EligibilityFacts.None, "2019-03-01"));
    }

    [Theory]
    [InlineData(10, RuleResult.Met)]
    [InlineData(9, RuleResult.NotMet)]
    [InlineData(12, RuleResult.Met)]
    public void LongTermSocialAssistance_CountsTheTwelveMonthsBefore(int count, RuleResult expected)
    {
        // On 2019-03-15 the 12 months before the month of assessment are 2018-03 to 2019-02; 2019-03 itself does not count.
        string[] months = [.. Enumerable.Range(0, count).Select(i => new YearMonth(2019, 2).PlusMonths(-i).ToString("yyyy-MM", null)), "2019-03"];

        var (result, because) = Run("long-term-social-assistance", Assisted(months), "2019-03-15");

        Assert.Equal(expected, result);
        Assert.Equal($"social assistance in {count} of the 12 months 2018-03 to 2019-02; at least 10 needed", because);
    }

    [Fact]
    public void LongTermSocialAssistance_NoMonths_IsKnownNotMet_AndAbsentIsUnknown()
    {
        Assert.Equal(RuleResult.NotMet, Run("long-term-social-assistance", Assisted(), "2019-03-15").Result);
        Assert.Equal(RuleResult.Unknown, Run("long-term-social-assistance", EligibilityFacts.None, "2019-03-15").Result);
    }

    [Theory]
    [InlineData("2020-04", RuleResult.Met, "social assistance in 2020-03 to 2020-04")]
    [InlineData("2020-03", RuleResult.Met, "social assistance in 2020-03 to 2020-04")]
    [InlineData("2020-02", RuleResult.NotMet, "no social assistance in 2020-03 to 2020-04")]
    [InlineData("2020-05", RuleResult.NotMet, "no social assistance in 2020-03 to 2020-04")]
    public void ReceivesSocialAssistance_TheMonthOfAssessmentOrTheOneBefore(string month, RuleResult expected, string because)
    {
        Assert.Equal((expected, because), Run("receives-social-assistance", Assisted(month), "2020-04-15"));
    }

    [Theory]
    [InlineData(EstablishmentProgramStatus.None, RuleResult.Met, "never in the establishment program")]
    [InlineData(EstablishmentProgramStatus.LeftEarly, RuleResult.Met, "left the establishment program early")]
    [InlineData(EstablishmentProgramStatus.Participating, RuleResult.NotMet, "taking part in the establishment program")]
    [InlineData(EstablishmentProgramStatus.Completed, RuleResult.NotMet, "completed the establishment program")]
    public void NotInEstablishmentProgram(EstablishmentProgramStatus status, RuleResult expected, string because)
    {
        Assert.Equal((expected, because), Run("not-in-establishment-program", EligibilityFacts.None with { EstablishmentProgram = status }, "2019-03-01"));
    }

    [Fact]
    public void NotInEstablishmentProgram_HasDatedVersions_ThePlanBefore2018()
    {
        Assert.True(EligibilityRuleSet.Standard.TryGet("not-in-establishment-program", out var rule));

        Assert.Null(rule.VersionOn(D("2017-12-31")).InForceFrom);
        Assert.Equal(D("2018-01-01"), rule.VersionOn(D("2018-01-01")).InForceFrom);
        Assert.Equal("taking part in an establishment plan", Run("not-in-establishment-program", EligibilityFacts.None with { EstablishmentProgram = EstablishmentProgramStatus.Participating }, "2017-12-31").Because);
    }

    [Theory]
    [InlineData("registered-job-seeker", true, RuleResult.Met)]
    [InlineData("registered-job-seeker", false, RuleResult.NotMet)]
    [InlineData("not-in-job-and-development-guarantee", false, RuleResult.Met)]
    [InlineData("not-in-job-and-development-guarantee", true, RuleResult.NotMet)]
    [InlineData("far-from-labour-market", true, RuleResult.Met)]
    [InlineData("completed-orientation-course", false, RuleResult.NotMet)]
    public void YesNoRules(string ruleId, bool value, RuleResult expected)
    {
        var facts = EligibilityFacts.None with
        {
            RegisteredJobSeeker = value, JobAndDevelopmentGuarantee = value, FarFromLabourMarket = value, CompletedOrientationCourse = value,
        };

        Assert.Equal(expected, Run(ruleId, facts, "2019-03-01").Result);
        Assert.Equal(RuleResult.Unknown, Run(ruleId, EligibilityFacts.None, "2019-03-01").Result);
    }

    [Theory]
    [InlineData(true, "2019-03-01", RuleResult.Met, "the person's own declaration applies")]
    [InlineData(true, "2019-03-02", RuleResult.NotMet, "the person's own declaration does not apply on the assessment date")]
    [InlineData(false, "2019-01-01", RuleResult.NotMet, "the person's own declaration does not apply on the assessment date")]
    public void SelfDeclaredTargetGroup_OnOrBeforeTheAssessment(bool declared, string given, RuleResult expected, string because)
    {
        var facts = EligibilityFacts.None with { SelfDeclaredTargetGroup = new SelfDeclaration(declared, D(given)) };

        Assert.Equal((expected, because), Run("self-declared-target-group", facts, "2019-03-01", program: "vasteras-romane-droma"));
    }

    [Fact]
    public void StandardRules_AreTheRulesOfFormatsSection5_WithTheirParameters()
    {
        Assert.Equal(TargetGroupRules.Ids, EligibilityRuleSet.Standard.All.Select(r => r.Id));
        Assert.All(EligibilityRuleSet.Standard.All, r => Assert.All(r.Parameters, p => Assert.Contains(p, TargetGroupRule.ParameterNames)));
        Assert.All(EligibilityRuleSet.Standard.All, r => Assert.All(r.Versions, v => Assert.False(string.IsNullOrWhiteSpace(v.Swedish) || string.IsNullOrWhiteSpace(v.English))));
    }
}
