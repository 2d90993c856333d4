using System.Globalization;
using BenchmarkDotNet.Attributes;
using InclusionModel.Contract;
using InclusionModel.Eligibility;
using InclusionModel.Programs;
using InclusionModel.Testing;
using NodaTime;
using RulesEngine.Models;

namespace InclusionModel.Benchmarks;

/// <summary>
/// Issue 4's targets, per person, in one run: the All in target group decided by the fast path and by the
/// traced path, against Microsoft RulesEngine 6.0.1 evaluating the same target group written as a workflow.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class EligibilityBenchmarks
{
    public const int People = 1024;

    private readonly TargetGroupEvaluator _allIn = TargetGroupEvaluator.For(ProgramCatalogue.BuiltIn.Get("hallefors-all-in"));
    private EligibilityFacts[] _facts = [];
    private LocalDate[] _on = [];
    private RulesInput[] _inputs = [];
    private RulesEngine.RulesEngine _engine = null!;

    /// <summary>The All in target group as a RulesEngine input: the same facts, as a plain object.</summary>
    public sealed class RulesInput
    {
        public string? Municipality { get; init; }

        public DateTime? BirthDate { get; init; }

        public DateTime On { get; init; }

        public DateTime? PermitDate { get; init; }

        public string? Establishment { get; init; }

        public bool? Guarantee { get; init; }
    }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(4);
        _on = [.. Enumerable.Range(0, People).Select(_ => new LocalDate(2018, 3, 1).PlusDays(random.Next(700)))];
        _facts = [.. _on.Select(on => EligibilityGenerators.Build(random, on))];
        _inputs = [.. _facts.Select((f, i) => new RulesInput
        {
            Municipality = f.Municipality,
            BirthDate = f.BirthDate?.ToDateTimeUnspecified(),
            On = _on[i].ToDateTimeUnspecified(),
            PermitDate = f.ResidencePermitDate?.ToDateTimeUnspecified(),
            Establishment = f.EstablishmentProgram is { } e ? InclusionModel.Contract.ContractNames<EstablishmentProgramStatus>.Name(e) : null,
            Guarantee = f.JobAndDevelopmentGuarantee,
        })];

        string municipalities = "|" + string.Join("|", ProgramCatalogue.BuiltIn.Get("hallefors-all-in").Municipalities!.Value.Select(m => m.ToLower(CultureInfo.InvariantCulture))) + "|";
        var workflow = new Workflow
        {
            WorkflowName = "hallefors-all-in",
            Rules =
            [
                new Rule { RuleName = "resides-in-municipality", Expression = $"input1.Municipality != null && \"{municipalities}\".Contains(\"|\" + input1.Municipality.ToLower() + \"|\")" },
                new Rule { RuleName = "working-age", Expression = "input1.BirthDate != null && input1.BirthDate.Value.AddYears(20) <= input1.On && input1.BirthDate.Value.AddYears(65) > input1.On" },
                new Rule { RuleName = "newly-arrived", Expression = "input1.PermitDate != null && input1.PermitDate.Value >= input1.On.AddMonths(-36) && input1.PermitDate.Value <= input1.On" },
                new Rule { RuleName = "not-in-establishment-program", Expression = "input1.Establishment == \"none\" || input1.Establishment == \"left-early\"" },
                new Rule { RuleName = "not-in-job-and-development-guarantee", Expression = "input1.Guarantee == false" },
            ],
        };
        _engine = new RulesEngine.RulesEngine([workflow]);
        _ = RulesEngineEligible(); // compile the expressions before measuring
        if (FastPath() != Traced())
        {
            throw new InvalidOperationException("The fast path and the traced path disagree.");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = People, Description = "fast path (Decide)")]
    public int FastPath()
    {
        int eligible = 0;
        var facts = _facts;
        var on = _on;
        for (int i = 0; i < facts.Length; i++)
        {
            if (_allIn.Decide(facts[i], on[i]) == EligibilityDecision.Eligible)
            {
                eligible++;
            }
        }

        return eligible;
    }

    [Benchmark(OperationsPerInvoke = People, Description = "traced path (Explain)")]
    public int Traced()
    {
        int eligible = 0;
        for (int i = 0; i < _facts.Length; i++)
        {
            if (_allIn.Explain(_facts[i], _on[i]).Decision == EligibilityDecision.Eligible)
            {
                eligible++;
            }
        }

        return eligible;
    }

    [Benchmark(OperationsPerInvoke = People, Description = "Microsoft RulesEngine 6.0.1")]
    public int RulesEngineEligible()
    {
        int eligible = 0;
        foreach (var input in _inputs)
        {
            var results = _engine.ExecuteAllRulesAsync("hallefors-all-in", input).GetAwaiter().GetResult();
            if (results.TrueForAll(r => r.IsSuccess))
            {
                eligible++;
            }
        }

        return eligible;
    }
}
