using FsCheck;
using FsCheck.Fluent;
using InclusionModel.Contract;
using InclusionModel.Histories;
using InclusionModel.Programs;
using InclusionModel.Testing;
using InclusionModel.Tests.Cli;
using InclusionModel.Validation;

namespace InclusionModel.Tests.Testing;

/// <summary>The kit's own tests: generators produce only what they promise, mutations yield their rule, shrinking reaches the minimum.</summary>
public class TestingKitTest
{
    public static TheoryData<string> Programs() => [.. ProgramCatalogue.Ids];

    [Theory]
    [MemberData(nameof(Programs))]
    public void GeneratedValidHistories_ValidateClean_TenThousandPerProgram(string program)
    {
        ProgramLaws.ValidHistoriesValidateClean(ProgramCatalogue.BuiltIn.Get(program), tests: 10_000);
    }

    [Theory]
    [MemberData(nameof(Programs))]
    public void EveryLaw_HoldsForTheCatalogue(string program)
    {
        ProgramLaws.CheckAll(ProgramCatalogue.BuiltIn.Get(program), tests: 200);
    }

    [Fact]
    public void EveryMutation_YieldsItsRule()
    {
        var validator = new HistoryValidator();
        var applied = RuleMutations.All.ToDictionary(m => m.Rule, _ => 0);
        foreach (var program in ProgramCatalogue.BuiltIn.All)
        {
            foreach (var generated in HistoryGenerators.Sample(program, 150, seed: program.Id.Length))
            {
                foreach (var mutation in RuleMutations.All)
                {
                    if (mutation.Apply(generated) is not { } mutated)
                    {
                        continue;
                    }

                    applied[mutation.Rule]++;
                    var result = validator.Validate(mutated.History, mutated.AsOf);
                    Assert.True(result.Violations.Any(v => v.Rule == mutation.Rule), $"{mutation}: {string.Join("; ", result.Violations)}\n{mutated}");
                }
            }
        }

        Assert.All(applied, kv => Assert.True(kv.Value >= 20, $"{ValidationRules.Id(kv.Key)} applied only {kv.Value} times"));
        Assert.Equal(Enum.GetValues<ValidationRule>().Length - 2, RuleMutations.All.Length); // all but capacity-exceeded and duplicate-participant
        Assert.Throws<ArgumentException>(() => RuleMutations.For(ValidationRule.CapacityExceeded));
        Assert.Throws<ArgumentException>(() => RuleMutations.For(ValidationRule.DuplicateParticipant));
    }

    [Fact]
    public void Shrinking_ReachesTheMinimalCounterexampleOfAPlantedBug()
    {
        // The planted bug: an expectation that nobody ever pauses. The minimal counterexample is the shortest
        // history that pauses (it ends with its first pause), moved as early as the program allows (Romane
        // Bucha's window has no start, so the floor is 2000-01-01).
        var bucha = ProgramCatalogue.BuiltIn.Get("eskilstuna-romane-bucha");

        var failure = Assert.Throws<LawFailedException>(() => ProgramLaws.EveryValidHistory(
            bucha, h => h.Events.Any(e => e.Type == EventType.Paused) ? "someone paused" : null, "nobody pauses", tests: 2000));

        string[] lines = failure.Message.Split(Environment.NewLine);
        Assert.Equal("Law failed: nobody pauses.", lines[0]);
        string asOf = lines[2]["--as-of ".Length..];
        var history = new HistoryReader().Read(lines[3]).Value!;
        Assert.Equal(EventType.Paused, history.Events[^1].Type);
        Assert.Single(history.Events, e => e.Type == EventType.Paused);
        var enrolled = history.Events.First(e => e.Type == EventType.Enrolled).On;
        Assert.InRange(enrolled, new NodaTime.LocalDate(2000, 1, 1), new NodaTime.LocalDate(2003, 12, 31)); // as early as four-year steps allow
        Assert.Equal(asOf, IsoDates.Format(history.Events[^1].On));

        // The counterexample is input that inclusion validate accepts: a valid record.
        var validate = CliRun.Run(["validate", "-", "--as-of", asOf], stdin: lines[3]);
        Assert.Equal(0, validate.ExitCode);
    }

    [Fact]
    public void Shrinker_KeepsHistoriesValid()
    {
        var validator = new HistoryValidator();
        foreach (var program in ProgramCatalogue.BuiltIn.All)
        {
            foreach (var generated in HistoryGenerators.Sample(program, 40, seed: 7))
            {
                Assert.All(HistoryShrinker.Shrink(generated), s => Assert.True(validator.Validate(s.History, s.AsOf).IsValid, s.ToString()));
            }
        }
    }

    [Fact]
    public void GeneratedDefinitions_AreValid_AndBrokenOnesBreakWhereTheySay()
    {
        foreach (var broken in ProgramDefinitionGenerators.Broken().Sample(200))
        {
            var problems = ProgramDefinitionJson.Parse(broken.Json).Problems;
            Assert.NotEmpty(problems);
            Assert.All(problems, p => Assert.Contains(p.Path, broken.Paths));
        }
    }

    [Fact]
    public void LawFailure_NamesTheLawAndTheDefinition()
    {
        var e = Assert.Throws<LawFailedException>(() => ProgramLaws.EveryValidHistory(ProgramCatalogue.BuiltIn.Get("hallefors-all-in"), _ => "always", "a law that never holds", tests: 10));

        Assert.StartsWith("Law failed: a law that never holds.", e.Message);
        Assert.Contains("\"program\":\"hallefors-all-in\"", e.Message);
        Assert.EndsWith("Because: always", e.Message);
    }
}

public class ValidRunTest
{
    [FsCheck.Xunit.Property(MaxTest = 100)]
    public void ValidRun_RespectsThePlaces_AndValidatesCleanWithCapacityChecked(bool bucha)
    {
        // Romane Bucha has 30 places: runs of up to 60 records would exceed them without the generator's care.
        var program = ProgramCatalogue.BuiltIn.Get(bucha ? "eskilstuna-romane-bucha" : "hallefors-all-in");
        var run = HistoryGenerators.ValidRun(program, maxRecords: 60).Sample(1)[0];
        var validator = new HistoryValidator();

        // Exactly as the XML docs of ValidRun say: each record as of its own date, against the run's plan.
        var ledger = validator.CreateLedger();
        for (int i = 0; i < run.Length; i++)
        {
            ledger.Observe(run[i].History, i);
        }

        var plan = ledger.ToPlan();
        for (int i = 0; i < run.Length; i++)
        {
            var verdict = validator.Validate(run[i].History, run[i].AsOf, plan, i);
            Assert.True(verdict.IsValid, string.Join("; ", verdict.Violations));
        }

        Assert.True(run.Sum(g => g.History.Events.Count(e => e.Type == EventType.Enrolled)) <= program.Places);
        Assert.Equal(run.Length, run.Select(g => g.History.Participant).Distinct().Count()); // no duplicate-participant
    }
}

public class CustomRuleLawsTest
{
    [Fact]
    public void CheckAll_TakesTheRuleSetADefinitionWithACustomRuleNeeds()
    {
        var rules = InclusionModel.Eligibility.EligibilityRuleSet.Standard.With(new InclusionModel.Docs.Samples.EligibilitySample.HoldsResidencePermitRule());
        byte[] json = System.Text.Encoding.UTF8.GetBytes("""
            {"id":"nora-forsta-steget","name":"Första steget","municipalities":["Nora"],
             "targetGroup":{"required":[{"rule":"resides-in-municipality"},{"rule":"holds-residence-permit"}]},
             "phases":[{"id":"activities"}]}
            """);
        var program = ProgramDefinitionJson.Parse(json, rules).GetValueOrThrow();

        ProgramLaws.CheckAll(program, tests: 30, rules: rules);
        Assert.Throws<LawFailedException>(() => ProgramLaws.DefinitionRoundTrips(program)); // the standard rules do not know it
    }
}

public class PhaseOrderMutationTest
{
    [Fact]
    public void ThePhaseOrderMutation_YieldsPhaseOrder_NotTransitionNotAllowed()
    {
        var validator = new HistoryValidator();
        int applied = 0;
        foreach (var program in ProgramCatalogue.BuiltIn.All.Where(p => p.Phases.Length > 1))
        {
            foreach (var generated in HistoryGenerators.Sample(program, 300, seed: 5))
            {
                if (RuleMutations.For(ValidationRule.PhaseOrder).Apply(generated) is not { } mutated)
                {
                    continue;
                }

                applied++;
                var rules = validator.Validate(mutated.History, mutated.AsOf).Violations.Select(v => v.Rule).ToList();
                Assert.Contains(ValidationRule.PhaseOrder, rules);
                Assert.DoesNotContain(ValidationRule.TransitionNotAllowed, rules);
            }
        }

        Assert.True(applied > 100);
    }
}
