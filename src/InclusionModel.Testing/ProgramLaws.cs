using FsCheck;
using FsCheck.Fluent;
using InclusionModel.Eligibility;
using InclusionModel.Histories;
using InclusionModel.Lifecycle;
using InclusionModel.Programs;
using InclusionModel.Reports;
using InclusionModel.Validation;
using NodaTime;

namespace InclusionModel.Testing;

/// <summary>
/// Laws a rule author checks in one line from a test of any framework (xunit, NUnit, MSTest): each runs
/// FsCheck over the kit's generators and throws <see cref="LawFailedException"/> with the shrunk
/// counterexample when it fails. A history counterexample prints as an NDJSON line (with its as-of date)
/// that <c>inclusion validate</c> accepts as input.
/// </summary>
public static class ProgramLaws
{
    /// <summary>How many cases each law tries unless told otherwise.</summary>
    public const int DefaultTests = 500;

    /// <summary>Every valid history of <paramref name="program"/> validates clean (places aside).</summary>
    /// <param name="program">The program.</param>
    /// <param name="tests">How many histories to try.</param>
    /// <exception cref="LawFailedException">A generated history broke a rule.</exception>
    public static void ValidHistoriesValidateClean(ProgramDefinition program, int tests = DefaultTests)
    {
        ArgumentNullException.ThrowIfNull(program);
        var validator = new HistoryValidator(ProgramCatalogue.BuiltIn.With([program]));
        Run("every valid history validates clean", tests, Histories(program), g =>
        {
            var result = validator.Validate(g.History, g.AsOf);
            return result.IsValid ? null : string.Join("; ", result.Violations.Select(v => v.ToString()));
        });
    }

    /// <summary>
    /// Every valid history of <paramref name="program"/> meets the rule author's own expectation: the way to
    /// check that a definition says what the source says (a history the definition allows but the source does
    /// not is a counterexample).
    /// </summary>
    /// <param name="program">The program.</param>
    /// <param name="expectation">What the author expects of every history the definition allows; returns a reason when it is not met, <c>null</c> when it is.</param>
    /// <param name="law">The expectation in words, for the failure message.</param>
    /// <param name="tests">How many histories to try.</param>
    /// <exception cref="LawFailedException">A history the definition allows does not meet the expectation.</exception>
    public static void EveryValidHistory(ProgramDefinition program, Func<ParticipantHistory, string?> expectation, string law, int tests = DefaultTests)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(expectation);
        Run(law, tests, Histories(program), g => expectation(g.History));
    }

    /// <summary>The program's target group decides monotonically: resolving an unknown fact changes only an undetermined decision.</summary>
    /// <param name="program">A program with a target group.</param>
    /// <param name="rules">The rules its definition names; default the standard ones.</param>
    /// <param name="tests">How many people to try.</param>
    /// <exception cref="LawFailedException">A decision changed when a fact was added.</exception>
    public static void TargetGroupDecidesMonotonically(ProgramDefinition program, EligibilityRuleSet? rules = null, int tests = DefaultTests)
    {
        ArgumentNullException.ThrowIfNull(program);
        var evaluator = TargetGroupEvaluator.For(program, rules);
        Run("the target group decides monotonically as unknowns are resolved", tests, Arb.From(EligibilityGenerators.Case(ProgramSet.Of([program]))), c =>
        {
            var full = evaluator.Decide(c.Facts, c.On);
            foreach (var fact in Enum.GetValues<EligibilityFact>())
            {
                var fewer = evaluator.Decide(c.Facts.Without(fact), c.On);
                if (fewer != EligibilityDecision.Undetermined && fewer != full)
                {
                    return $"{fewer} without {EligibilityFactNames.Name(fact)}, {full} with it";
                }
            }

            return null;
        });
    }

    /// <summary>The program's reports: every total equals the sum of its breakdown, over generated histories and months.</summary>
    /// <param name="program">The program.</param>
    /// <param name="tests">How many runs to try.</param>
    /// <exception cref="LawFailedException">A total differs from its breakdown.</exception>
    public static void GoalBreakdownsSumToTotals(ProgramDefinition program, int tests = 100)
    {
        ArgumentNullException.ThrowIfNull(program);
        var runs = from histories in HistoryGenerators.ValidHistory(program).ArrayOf()
                   from months in Gen.Choose(0, 36)
                   select (Histories: histories, Months: months);
        Run("every total equals the sum of its breakdown", tests, Arb.From(runs), run =>
        {
            var start = program.EnrolmentWindow.Start ?? run.Histories.SelectMany(h => h.History.Events).Select(e => e.On).DefaultIfEmpty(new LocalDate(2020, 1, 1)).Min();
            var period = ReportPeriod.Month(new YearMonth(start.Year, start.Month).PlusMonths(run.Months));
            var accumulator = new ReportAccumulator(program, period);
            foreach (var h in run.Histories)
            {
                accumulator.Add(h.History, true);
            }

            var r = accumulator.ToReport();
            return r.ByGender.Sum(c => c.Count) != r.Participants ? "participants by gender"
                : r.ByEducation.Sum(c => c.Count) != r.Participants ? "participants by education"
                : r.ByState.Sum(c => c.Count) != r.Participants ? "participants by state"
                : r.ExitedByReason.Sum(c => c.Count) != r.Exited ? "exits by reason"
                : r.ExitedByOutcome.Sum(c => c.Count) != r.Exited ? "exits by outcome"
                : null;
        });
    }

    /// <summary>The definition round-trips through JSON: written and read back, it is the same, and written again the same text.</summary>
    /// <param name="program">The program.</param>
    /// <param name="rules">The target-group rules the definition may name (a rule author's own rules beside the standard ones); default the standard rules.</param>
    /// <exception cref="LawFailedException">The definition does not round-trip.</exception>
    public static void DefinitionRoundTrips(ProgramDefinition program, EligibilityRuleSet? rules = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        string json = ProgramDefinitionJson.Serialize(program);
        var back = ProgramDefinitionJson.Parse(System.Text.Encoding.UTF8.GetBytes(json), rules);
        if (!back.Success)
        {
            throw new LawFailedException($"Law failed for {program.Id}: the definition does not read back: {string.Join("; ", back.Problems)}");
        }

        if (ProgramDefinitionJson.Serialize(back.Program!) != json)
        {
            throw new LawFailedException($"Law failed for {program.Id}: the definition read back writes other text.");
        }
    }

    /// <summary>The lifecycle diagram names every phase of the program.</summary>
    /// <param name="program">The program.</param>
    /// <exception cref="LawFailedException">A phase is missing from the diagram.</exception>
    public static void LifecycleDiagramNamesEveryPhase(ProgramDefinition program)
    {
        ArgumentNullException.ThrowIfNull(program);
        string diagram = program.Lifecycle.ToMermaid();
        var missing = program.Phases.Where(p => !diagram.Contains(p.Id, StringComparison.Ordinal)).Select(p => p.Id).ToArray();
        if (missing.Length > 0)
        {
            throw new LawFailedException($"Law failed for {program.Id}: the lifecycle diagram does not name {string.Join(", ", missing)}.");
        }
    }

    /// <summary>Every law of <paramref name="program"/> (the target-group law only when it states a target group).</summary>
    /// <param name="program">The program.</param>
    /// <param name="tests">How many cases each law tries.</param>
    /// <param name="rules">The target-group rules the definition may name (docs/eligibility.md shows how to write one); default the standard rules.</param>
    /// <exception cref="LawFailedException">A law failed.</exception>
    public static void CheckAll(ProgramDefinition program, int tests = DefaultTests, EligibilityRuleSet? rules = null)
    {
        DefinitionRoundTrips(program, rules);
        LifecycleDiagramNamesEveryPhase(program);
        ValidHistoriesValidateClean(program, tests);
        if (program.TargetGroup is not null)
        {
            TargetGroupDecidesMonotonically(program, rules, tests);
        }

        GoalBreakdownsSumToTotals(program, Math.Max(1, tests / 5));
    }

    /// <summary>Valid histories of <paramref name="program"/> that shrink to fewer events and earlier dates.</summary>
    /// <param name="program">The program.</param>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<GeneratedHistory> Histories(ProgramDefinition program)
        => Arb.From(HistoryGenerators.ValidHistory(program), HistoryShrinker.Shrink);

    private static void Run<T>(string law, int tests, Arbitrary<T> arbitrary, Func<T, string?> broken)
    {
        T? counterexample = default;
        string? reason = null;
        var property = Prop.ForAll(arbitrary, value =>
        {
            string? why = broken(value);
            if (why is not null)
            {
                counterexample = value;
                reason = why;
            }

            return why is null;
        });
        try
        {
            FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(tests).WithQuietOnSuccess(true), property);
        }
        catch (Exception e) when (e is not LawFailedException)
        {
            // FsCheck shrinks before it throws, so the last failing value seen is the shrunk one.
            throw new LawFailedException($"Law failed: {law}.{Environment.NewLine}Counterexample (shrunk):{Environment.NewLine}{counterexample}{Environment.NewLine}Because: {reason}", e);
        }
    }
}
