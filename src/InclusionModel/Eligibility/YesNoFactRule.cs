using NodaTime;

namespace InclusionModel.Eligibility;

/// <summary>A rule that reads one yes/no fact: met when it is the wanted value.</summary>
public class YesNoFactRule : EligibilityRule
{
    private readonly Func<EligibilityFacts, bool?> _read;
    private readonly bool _wanted;
    private readonly string _whenTrue;
    private readonly string _whenFalse;
    private readonly string _whenTrueSwedish;
    private readonly string _whenFalseSwedish;

    /// <summary>Creates the rule.</summary>
    /// <param name="id">The rule id.</param>
    /// <param name="fact">The fact it reads.</param>
    /// <param name="read">Reads the fact.</param>
    /// <param name="wanted">The value that meets the rule.</param>
    /// <param name="whenTrue">The reason when the fact is true.</param>
    /// <param name="whenFalse">The reason when the fact is false.</param>
    /// <param name="version">The rule's only version.</param>
    /// <param name="whenTrueSwedish">The reason when the fact is true, in Swedish; default the English one.</param>
    /// <param name="whenFalseSwedish">The reason when the fact is false, in Swedish; default the English one.</param>
    public YesNoFactRule(string id, EligibilityFact fact, Func<EligibilityFacts, bool?> read, bool wanted, string whenTrue, string whenFalse, RuleVersion version, string? whenTrueSwedish = null, string? whenFalseSwedish = null)
        : base(id, [fact], [version])
    {
        _read = Preconditions.CheckNotNull(read);
        _wanted = wanted;
        _whenTrue = whenTrue;
        _whenFalse = whenFalse;
        _whenTrueSwedish = whenTrueSwedish ?? whenTrue;
        _whenFalseSwedish = whenFalseSwedish ?? whenFalse;
    }

    /// <inheritdoc />
    public override RuleResult Evaluate(EligibilityFacts facts, LocalDate on, RuleArguments arguments)
        => _read(facts) is not { } value ? RuleResult.Unknown : value == _wanted ? RuleResult.Met : RuleResult.NotMet;

    /// <inheritdoc />
    public override string Because(EligibilityFacts facts, LocalDate on, RuleArguments arguments, RuleResult result)
        => _read(facts) is not { } value ? Missing(Reads[0])
            : Texts.Swedish ? (value ? _whenTrueSwedish : _whenFalseSwedish)
            : value ? _whenTrue : _whenFalse;
}
