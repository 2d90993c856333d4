using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InclusionModel.Eligibility;
using InclusionModel.Programs;
using InclusionModel.Testing;
using NodaTime;
using static InclusionModel.Tests.TestData;

namespace InclusionModel.Tests.Eligibility;

/// <summary>Each catalogue target group decided as docs/interchange-contract.md §5 says (eligible, not eligible, undetermined), and the laws of the decision.</summary>
public class TargetGroupTest
{
    public static class Generators
    {
        public static Arbitrary<EligibilityCase> Case() => Arb.From(EligibilityGenerators.Case());
    }

    private static EligibilityTrace Explain(string program, string on, EligibilityFacts facts)
        => TargetGroupEvaluator.For(ProgramCatalogue.BuiltIn.Get(program)).Explain(facts, D(on));

    private static readonly EligibilityFacts AllInPerson = EligibilityFacts.None with
    {
        BirthDate = D("1990-05-01"), Municipality = "Kumla", ResidencePermitDate = D("2017-06-01"),
        EstablishmentProgram = EstablishmentProgramStatus.LeftEarly, JobAndDevelopmentGuarantee = false,
    };

    private static readonly EligibilityFacts RomaProgramPerson = EligibilityFacts.None with
    {
        BirthDate = D("1985-01-01"), FarFromLabourMarket = true, SelfDeclaredTargetGroup = new SelfDeclaration(true, D("2012-01-10")),
    };

    public static TheoryData<string, string, EligibilityFacts, EligibilityDecision, string?> Cases() => new()
    {
        // All in: the example of docs/interchange-contract.md §5, then one required rule not met, then one unknown.
        { "hallefors-all-in", "2019-03-01", AllInPerson, EligibilityDecision.Eligible, null },
        { "hallefors-all-in", "2019-03-01", AllInPerson with { EstablishmentProgram = EstablishmentProgramStatus.Participating }, EligibilityDecision.NotEligible, null },
        { "hallefors-all-in", "2019-03-01", AllInPerson with { ResidencePermitDate = null }, EligibilityDecision.Undetermined, "residencePermitDate" },
        // Romane Bucha
        { "eskilstuna-romane-bucha", "2013-01-15", RomaProgramPerson with { Municipality = "Eskilstuna" }, EligibilityDecision.Eligible, null },
        { "eskilstuna-romane-bucha", "2013-01-15", RomaProgramPerson with { Municipality = "Västerås" }, EligibilityDecision.NotEligible, null },
        { "eskilstuna-romane-bucha", "2013-01-15", RomaProgramPerson with { Municipality = "Eskilstuna", SelfDeclaredTargetGroup = null }, EligibilityDecision.Undetermined, "selfDeclaredTargetGroup" },
        // Nuevo K2 and Jobbtrappan
        { "eskilstuna-nuevo-k2", "2013-01-15", EligibilityFacts.None with { Municipality = "eskilstuna", FarFromLabourMarket = true }, EligibilityDecision.Eligible, null },
        { "eskilstuna-jobbtrappan", "2013-01-15", EligibilityFacts.None with { Municipality = "Eskilstuna", FarFromLabourMarket = false }, EligibilityDecision.NotEligible, null },
        { "eskilstuna-jobbtrappan", "2013-01-15", EligibilityFacts.None with { FarFromLabourMarket = true }, EligibilityDecision.Undetermined, "municipality" },
        // Motala
        { "motala-utanforskap-till-sysselsattning", "2020-04-15", EligibilityFacts.None with { Municipality = "Motala", RegisteredJobSeeker = true, SocialAssistanceMonths = [new YearMonth(2020, 3)] }, EligibilityDecision.Eligible, null },
        { "motala-utanforskap-till-sysselsattning", "2020-04-15", EligibilityFacts.None with { Municipality = "Motala", RegisteredJobSeeker = true, SocialAssistanceMonths = [] }, EligibilityDecision.NotEligible, null },
        { "motala-utanforskap-till-sysselsattning", "2020-04-15", EligibilityFacts.None with { Municipality = "Motala", SocialAssistanceMonths = [new YearMonth(2020, 4)] }, EligibilityDecision.Undetermined, "registeredJobSeeker" },
        // Romane Droma: the orientation-course exception decides alone.
        { "vasteras-romane-droma", "2013-03-01", EligibilityFacts.None with { CompletedOrientationCourse = true }, EligibilityDecision.Eligible, null },
        { "vasteras-romane-droma", "2013-03-01", RomaProgramPerson with { Municipality = "Västerås", CompletedOrientationCourse = false }, EligibilityDecision.Eligible, null },
        { "vasteras-romane-droma", "2013-03-01", RomaProgramPerson with { Municipality = "Eskilstuna", CompletedOrientationCourse = false }, EligibilityDecision.NotEligible, null },
        { "vasteras-romane-droma", "2013-03-01", RomaProgramPerson with { Municipality = "Eskilstuna" }, EligibilityDecision.Undetermined, "completedOrientationCourse" },
        // Helsingborg
        { "helsingborg-vorta-drom", "2016-05-10", RomaProgramPerson with { Municipality = "Helsingborg", SocialAssistanceMonths = [new YearMonth(2016, 4)] }, EligibilityDecision.Eligible, null },
        { "helsingborg-vorta-drom", "2016-05-10", RomaProgramPerson with { Municipality = "Helsingborg", SocialAssistanceMonths = [new YearMonth(2016, 1)] }, EligibilityDecision.NotEligible, null },
        { "helsingborg-vorta-drom", "2016-05-10", RomaProgramPerson with { SocialAssistanceMonths = [new YearMonth(2016, 5)] }, EligibilityDecision.Undetermined, "municipality" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void CatalogueTargetGroup_DecidesAsFormatsSays(string program, string on, EligibilityFacts facts, EligibilityDecision decision, string? settledBy)
    {
        var trace = Explain(program, on, facts);

        Assert.Equal(decision, trace.Decision);
        Assert.Equal(decision, TargetGroupEvaluator.For(ProgramCatalogue.BuiltIn.Get(program)).Decide(facts, D(on)));
        Assert.Equal(settledBy is null ? [] : [settledBy], trace.MissingFacts.Select(EligibilityFactNames.Name));
        Assert.Equal(ProgramCatalogue.BuiltIn.Get(program).TargetGroup!.Required.Length + ProgramCatalogue.BuiltIn.Get(program).TargetGroup!.Exceptions.Length, trace.Rules.Length);
    }

    [Fact]
    public void Trace_NamesTheExceptionThatDecided()
    {
        var trace = Explain("vasteras-romane-droma", "2013-03-01", EligibilityFacts.None with { CompletedOrientationCourse = true });

        Assert.Equal("completed-orientation-course", trace.DecidedBy);
        Assert.Equal(["resides-in-municipality", "working-age", "self-declared-target-group", "far-from-labour-market", "completed-orientation-course"], trace.Rules.Select(r => r.Rule));
        Assert.True(trace.Rules[^1].IsException);
        Assert.All(trace.Rules.Take(4), r => Assert.Equal(RuleResult.Unknown, r.Result));
    }

    [Fact]
    public void RequiredNotMet_WithUnknownException_IsUndetermined_AndOnlyTheExceptionsFactsWouldSettleIt()
    {
        var trace = Explain("vasteras-romane-droma", "2013-03-01", EligibilityFacts.None with { Municipality = "Kumla" });

        Assert.Equal(EligibilityDecision.Undetermined, trace.Decision);
        Assert.Equal(["completedOrientationCourse"], trace.MissingFacts.Select(EligibilityFactNames.Name));
    }

    [Fact]
    public void For_ProgramWithoutTargetGroup_IsRefused()
    {
        var program = ProgramDefinition.Create("x", "x", [PhaseDefinition.Create("a")]);

        Assert.Throws<ArgumentException>(() => TargetGroupEvaluator.For(program));
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 1000)]
    public void FastPathAndTrace_AlwaysAgree(EligibilityCase c)
    {
        var evaluator = TargetGroupEvaluator.For(c.Program);

        Assert.Equal(evaluator.Explain(c.Facts, c.On).Decision, evaluator.Decide(c.Facts, c.On));
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 500)]
    public void AddingAFact_NeverTurnsAKnownRuleResultIntoAnother(EligibilityCase c)
    {
        foreach (var bound in TargetGroupEvaluator.For(c.Program).Rules)
        {
            var full = bound.Rule.Evaluate(c.Facts, c.On, bound.Arguments);
            foreach (var fact in Enum.GetValues<EligibilityFact>())
            {
                var fewer = bound.Rule.Evaluate(c.Facts.Without(fact), c.On, bound.Arguments);
                Assert.True(fewer == RuleResult.Unknown || fewer == full, $"{bound.Rule.Id}: {fewer} without {fact}, {full} with it; {c}");
            }
        }
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 500)]
    public void ResolvingAnUnknownFact_ChangesOnlyAnUndeterminedDecision(EligibilityCase c)
    {
        var evaluator = TargetGroupEvaluator.For(c.Program);
        var full = evaluator.Decide(c.Facts, c.On);
        foreach (var fact in Enum.GetValues<EligibilityFact>())
        {
            var fewer = evaluator.Decide(c.Facts.Without(fact), c.On);
            Assert.True(fewer == EligibilityDecision.Undetermined || fewer == full, $"{fewer} without {fact}, {full} with it; {c}");
        }
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 500)]
    public void AMetException_AlwaysYieldsEligible(EligibilityCase c)
    {
        var trace = TargetGroupEvaluator.For(c.Program).Explain(c.Facts, c.On);

        if (trace.Rules.Any(r => r.IsException && r.Result == RuleResult.Met))
        {
            Assert.Equal(EligibilityDecision.Eligible, trace.Decision);
            Assert.NotNull(trace.DecidedBy);
        }
        else
        {
            Assert.Null(trace.DecidedBy);
        }
    }

    /// <summary>Cases with about half of their known facts forgotten again, so that most decisions are undetermined.</summary>
    private static Gen<EligibilityCase> SparseCases
        => from c in EligibilityGenerators.Case()
           from mask in Gen.Choose(0, 2047)
           select c with { Facts = Forget(c.Facts, mask) };

    [Property(MaxTest = 500)]
    public Property UndeterminedDecision_IsSettledByItsMissingFacts()
        => Prop.ForAll(SparseCases.ToArbitrary(), c =>
        {
            var evaluator = TargetGroupEvaluator.For(c.Program);
            var trace = evaluator.Explain(c.Facts, c.On);
            if (trace.Decision != EligibilityDecision.Undetermined)
            {
                return trace.MissingFacts.IsEmpty.Label("a settled decision names no missing fact").Classify(true, "settled");
            }

            // Knowing every missing fact (with any values, kept consistent with the known ones) always settles the decision.
            var rich = EligibilityGenerators.Build(new Random(c.On.Day), c.On);
            var filled = c.Facts;
            foreach (var fact in trace.MissingFacts)
            {
                filled = Fill(filled, rich, fact);
            }

            var problems = EligibilityRequestValidator.Problems(filled, c.On).Select(p => p.Message).ToList();
            return (problems.Count == 0 && evaluator.Decide(filled, c.On) != EligibilityDecision.Undetermined)
                .Label(string.Join("; ", problems))
                .Classify(true, "undetermined")
                .Collect($"{trace.MissingFacts.Length} missing");
        });

    [Fact]
    public void SparseCases_AreMostlyUndetermined()
    {
        var sample = SparseCases.Sample(1000);

        Assert.InRange(sample.Count(c => TargetGroupEvaluator.For(c.Program).Decide(c.Facts, c.On) == EligibilityDecision.Undetermined), 500, 1000);
    }

    private static EligibilityFacts Forget(EligibilityFacts f, int mask)
    {
        bool Drop(int bit) => (mask & (1 << bit)) != 0;
        return f with
        {
            BirthDate = Drop(0) ? null : f.BirthDate,
            Municipality = Drop(1) ? null : f.Municipality,
            RegisteredJobSeeker = Drop(2) ? null : f.RegisteredJobSeeker,
            SocialAssistanceMonths = Drop(3) ? null : f.SocialAssistanceMonths,
            ResidencePermitDate = Drop(4) ? null : f.ResidencePermitDate,
            EstablishmentProgram = Drop(5) ? null : f.EstablishmentProgram,
            JobAndDevelopmentGuarantee = Drop(6) ? null : f.JobAndDevelopmentGuarantee,
            FarFromLabourMarket = Drop(7) ? null : f.FarFromLabourMarket,
            SelfDeclaredTargetGroup = Drop(8) ? null : f.SelfDeclaredTargetGroup,
            CompletedOrientationCourse = Drop(9) ? null : f.CompletedOrientationCourse,
            UnemployedSince = Drop(10) ? null : f.UnemployedSince,
        };
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 1000)]
    public void AgeInYears_IsNodaTimesPeriodInYears(LocalDate birth, LocalDate on)
    {
        if (birth > on)
        {
            (birth, on) = (on, birth);
        }

        Assert.Equal(Period.Between(birth, on, PeriodUnits.Years).Years, IsoDates.AgeInYears(birth, on));
    }

    private static EligibilityFacts Fill(EligibilityFacts facts, EligibilityFacts source, EligibilityFact fact) => fact switch
    {
        EligibilityFact.BirthDate => facts with { BirthDate = Earliest(source.BirthDate ?? new LocalDate(1980, 1, 1), facts.ResidencePermitDate, facts.SelfDeclaredTargetGroup?.On) },
        EligibilityFact.Municipality => facts with { Municipality = source.Municipality ?? "Kumla" },
        EligibilityFact.RegisteredJobSeeker => facts with { RegisteredJobSeeker = source.RegisteredJobSeeker ?? true },
        EligibilityFact.SocialAssistanceMonths => facts with { SocialAssistanceMonths = source.SocialAssistanceMonths ?? [] },
        EligibilityFact.ResidencePermitDate => facts with { ResidencePermitDate = Latest(source.ResidencePermitDate ?? new LocalDate(2000, 1, 1), facts.BirthDate) },
        EligibilityFact.EstablishmentProgram => facts with { EstablishmentProgram = source.EstablishmentProgram ?? EstablishmentProgramStatus.None },
        EligibilityFact.JobAndDevelopmentGuarantee => facts with { JobAndDevelopmentGuarantee = source.JobAndDevelopmentGuarantee ?? false },
        EligibilityFact.FarFromLabourMarket => facts with { FarFromLabourMarket = source.FarFromLabourMarket ?? true },
        EligibilityFact.SelfDeclaredTargetGroup => facts with { SelfDeclaredTargetGroup = source.SelfDeclaredTargetGroup is { } d ? d with { On = Latest(d.On, facts.BirthDate) } : new SelfDeclaration(true, Latest(new LocalDate(2000, 1, 1), facts.BirthDate)) },
        EligibilityFact.UnemployedSince => facts with { UnemployedSince = Latest(source.UnemployedSince ?? new LocalDate(2000, 1, 1), facts.BirthDate) },
        _ => facts with { CompletedOrientationCourse = source.CompletedOrientationCourse ?? false },
    };

    /// <summary>A birth date no later than the dates that follow a birth.</summary>
    private static LocalDate Earliest(LocalDate date, params LocalDate?[] after) => after.Aggregate(date, (d, a) => a is { } x && x < d ? x : d);

    /// <summary>A date no earlier than the birth date.</summary>
    private static LocalDate Latest(LocalDate date, LocalDate? birth) => birth is { } b && b > date ? b : date;
}
