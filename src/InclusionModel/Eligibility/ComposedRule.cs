using System.Collections.Immutable;
using InclusionModel.Programs;
using NodaTime;

namespace InclusionModel.Eligibility;

/// <summary>
/// A rule made of other rules in three-valued logic: <c>AllOf</c>, <c>AnyOf</c> or <c>Not</c>. It reads the
/// facts its parts read, takes the parameters they take (each part receives the same reference), and
/// explains itself with its parts' reasons.
/// </summary>
public sealed class ComposedRule : EligibilityRule
{
    private readonly ImmutableArray<EligibilityRule> _parts;

    /// <summary>Creates a composed rule.</summary>
    /// <param name="id">The new rule's id.</param>
    /// <param name="composition">How the parts combine.</param>
    /// <param name="version">The rule's wording.</param>
    /// <param name="parts">The parts: one for <see cref="Composition.Not"/>, at least one otherwise.</param>
    /// <exception cref="ArgumentException">The parts do not fit the composition.</exception>
    public ComposedRule(string id, Composition composition, RuleVersion version, params EligibilityRule[] parts)
        : base(id, Preconditions.CheckNotNull(parts).SelectMany(p => p.Reads).Distinct(), [Preconditions.CheckNotNull(version)])
    {
        Preconditions.CheckArgument(composition == Composition.Not ? parts.Length == 1 : parts.Length >= 1, nameof(parts), "Not takes one part; AllOf and AnyOf at least one.");
        Preconditions.CheckArgument(parts.All(p => p is not null), nameof(parts), "A part is null.");
        Composition = composition;
        _parts = [.. parts];
    }

    /// <summary>How the parts combine.</summary>
    public Composition Composition { get; }

    /// <summary>The parts.</summary>
    public ImmutableArray<EligibilityRule> Parts => _parts;

    /// <inheritdoc />
    public override ImmutableArray<string> Parameters => [.. _parts.SelectMany(p => p.Parameters).Distinct()];

    /// <inheritdoc />
    public override RuleArguments Bind(TargetGroupRule reference, ProgramDefinition program)
        => new(reference, program, 0, 0, 0, 0, 0, [.. _parts.Select(p => p.Bind(reference with { Rule = p.Id }, program))]);

    /// <inheritdoc />
    public override RuleResult Evaluate(EligibilityFacts facts, LocalDate on, RuleArguments arguments)
    {
        var parts = _parts;
        switch (Composition)
        {
            case Composition.Not:
                return Kleene.Not(parts[0].Evaluate(facts, on, arguments.Parts[0]));
            case Composition.AllOf:
                var all = RuleResult.Met;
                for (int i = 0; i < parts.Length; i++)
                {
                    all = Kleene.And(all, parts[i].Evaluate(facts, on, arguments.Parts[i]));
                }

                return all;
            default:
                var any = RuleResult.NotMet;
                for (int i = 0; i < parts.Length; i++)
                {
                    any = Kleene.Or(any, parts[i].Evaluate(facts, on, arguments.Parts[i]));
                }

                return any;
        }
    }

    /// <inheritdoc />
    public override string Because(EligibilityFacts facts, LocalDate on, RuleArguments arguments, RuleResult result)
    {
        var reasons = _parts.Select((p, i) => p.Because(facts, on, arguments.Parts[i], p.Evaluate(facts, on, arguments.Parts[i])));
        return Composition switch
        {
            Composition.Not => $"not: {reasons.Single()}",
            Composition.AllOf => $"all of: {string.Join("; ", reasons)}",
            _ => $"any of: {string.Join("; ", reasons)}",
        };
    }
}
