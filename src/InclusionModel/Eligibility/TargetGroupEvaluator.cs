using System.Collections.Immutable;
using InclusionModel.Programs;
using NodaTime;

namespace InclusionModel.Eligibility;

/// <summary>
/// A program's target group compiled for evaluation: required rules and exceptions decided in Kleene's
/// three-valued logic as docs/interchange-contract.md §5 says: eligible when some exception is met or every required rule
/// is met, not eligible when that is false, undetermined when it depends on something unknown.
/// </summary>
/// <remarks>
/// Two ways to evaluate: <see cref="Decide"/>, the fast path for screening many people (no trace, no
/// allocation), and <see cref="Explain"/>, with every rule's result and reason for a caseworker. They
/// always agree (a property test proves it). Instances are immutable and thread-safe.
/// </remarks>
public sealed class TargetGroupEvaluator
{
    private readonly BoundRule[] _required;
    private readonly BoundRule[] _exceptions;

    private TargetGroupEvaluator(ProgramDefinition program, BoundRule[] required, BoundRule[] exceptions)
    {
        Program = program;
        _required = required;
        _exceptions = exceptions;
        Rules = [.. required, .. exceptions];
    }

    /// <summary>The program.</summary>
    public ProgramDefinition Program { get; }

    /// <summary>The rules in trace order: the required ones, then the exceptions.</summary>
    public ImmutableArray<BoundRule> Rules { get; }

    /// <summary>Compiles <paramref name="program"/>'s target group.</summary>
    /// <param name="program">A program whose target group is stated.</param>
    /// <param name="rules">The rules its definition may name; default <see cref="EligibilityRuleSet.Standard"/>.</param>
    /// <returns>The evaluator.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="program"/> is null.</exception>
    /// <exception cref="ArgumentException">The program states no target group, or names a rule <paramref name="rules"/> does not have.</exception>
    public static TargetGroupEvaluator For(ProgramDefinition program, EligibilityRuleSet? rules = null)
    {
        Preconditions.CheckNotNull(program);
        var group = program.TargetGroup;
        Preconditions.CheckArgument(group is not null, nameof(program), $"Program {program.Id} states no target group.");
        rules ??= EligibilityRuleSet.Standard;
        BoundRule Bind(TargetGroupRule reference, bool exception)
        {
            Preconditions.CheckArgument(rules.TryGet(reference.Rule, out var rule), nameof(rules), $"Program {program.Id} names rule '{reference.Rule}', which the rule set does not have.");
            return new BoundRule(rule!, rule!.Bind(reference, program), exception);
        }

        return new TargetGroupEvaluator(program, [.. group!.Required.Select(r => Bind(r, false))], [.. group.Exceptions.Select(r => Bind(r, true))]);
    }

    /// <summary>The fast path: the decision alone, without trace or allocation.</summary>
    /// <param name="facts">The facts.</param>
    /// <param name="on">The assessment date.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="ArgumentException">The facts cannot be assessed on <paramref name="on"/> (a birth date after it, a blank municipality …), checked as the command checks them (<see cref="EligibilityFacts.Problems"/>).</exception>
    public EligibilityDecision Decide(EligibilityFacts facts, LocalDate on)
    {
        Preconditions.CheckNotNull(facts);
        EligibilityRequestValidator.Check(facts, on);
        var anyException = RuleResult.NotMet;
        foreach (var bound in _exceptions)
        {
            anyException = Kleene.Or(anyException, bound.Rule.Evaluate(facts, on, bound.Arguments));
            if (anyException == RuleResult.Met)
            {
                return EligibilityDecision.Eligible;
            }
        }

        var allRequired = RuleResult.Met;
        foreach (var bound in _required)
        {
            allRequired = Kleene.And(allRequired, bound.Rule.Evaluate(facts, on, bound.Arguments));
            if (allRequired == RuleResult.NotMet && anyException == RuleResult.NotMet)
            {
                return EligibilityDecision.NotEligible;
            }
        }

        return Kleene.Decide(anyException, allRequired);
    }

    /// <summary>The decision with the trace of every rule (exceptions included), which exception decided, and the facts that would settle an undetermined decision.</summary>
    /// <param name="facts">The facts.</param>
    /// <param name="on">The assessment date.</param>
    /// <returns>The trace.</returns>
    /// <exception cref="ArgumentException">The facts cannot be assessed on <paramref name="on"/>, checked as the command checks them (<see cref="EligibilityFacts.Problems"/>).</exception>
    public EligibilityTrace Explain(EligibilityFacts facts, LocalDate on)
    {
        Preconditions.CheckNotNull(facts);
        EligibilityRequestValidator.Check(facts, on);
        var traces = ImmutableArray.CreateBuilder<RuleTrace>(Rules.Length);
        var anyException = RuleResult.NotMet;
        var allRequired = RuleResult.Met;
        string? decidedBy = null;
        foreach (var bound in Rules)
        {
            var result = bound.Rule.Evaluate(facts, on, bound.Arguments);
            var version = bound.Rule.VersionOn(on);
            traces.Add(new RuleTrace(bound.Rule.Id, bound.IsException, result, bound.Rule.Because(facts, on, bound.Arguments, result), version.InForceFrom, version.English));
            if (bound.IsException)
            {
                anyException = Kleene.Or(anyException, result);
                decidedBy ??= result == RuleResult.Met ? bound.Rule.Id : null;
            }
            else
            {
                allRequired = Kleene.And(allRequired, result);
            }
        }

        var decision = Kleene.Decide(anyException, allRequired);
        var missing = ImmutableArray<EligibilityFact>.Empty;
        if (decision == EligibilityDecision.Undetermined)
        {
            // Only unknowns that can still change the answer: the required rules matter unless one is already not met.
            missing = [.. traces
                .Where(t => t.Result == RuleResult.Unknown && (t.IsException || allRequired == RuleResult.Unknown))
                .SelectMany(t => Rules.First(r => r.Rule.Id == t.Rule && r.IsException == t.IsException).Rule.Reads)
                .Where(f => !facts.Knows(f))
                .Distinct()];
        }

        return new EligibilityTrace(Program.Id, on, decision, traces.MoveToImmutable(), decision == EligibilityDecision.Eligible ? decidedBy : null, missing);
    }
}
