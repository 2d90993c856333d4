namespace InclusionModel.Eligibility;

/// <summary>The three-valued result of a rule: met, not met, or unknown because a fact it reads is missing.</summary>
public enum RuleResult : byte
{
    /// <summary>The rule holds.</summary>
    Met,

    /// <summary>The rule does not hold.</summary>
    NotMet,

    /// <summary>A fact the rule reads is not known.</summary>
    Unknown,
}

/// <summary>The decision on a person's eligibility for a program (docs/interchange-contract.md §5).</summary>
public enum EligibilityDecision : byte
{
    /// <summary>Some exception is met, or every required rule is met.</summary>
    Eligible,

    /// <summary>Some required rule is not met, and every exception is known not to be met.</summary>
    NotEligible,

    /// <summary>The decision depends on something unknown.</summary>
    Undetermined,
}

/// <summary>Kleene's strong three-valued logic over <see cref="RuleResult"/>.</summary>
public static class Kleene
{
    /// <summary>"And": not met if either is not met, met if both are met, otherwise unknown.</summary>
    /// <param name="a">A result.</param>
    /// <param name="b">A result.</param>
    /// <returns>The conjunction.</returns>
    public static RuleResult And(RuleResult a, RuleResult b)
        => a == RuleResult.NotMet || b == RuleResult.NotMet ? RuleResult.NotMet
            : a == RuleResult.Met && b == RuleResult.Met ? RuleResult.Met
            : RuleResult.Unknown;

    /// <summary>"Or": met if either is met, not met if both are not met, otherwise unknown.</summary>
    /// <param name="a">A result.</param>
    /// <param name="b">A result.</param>
    /// <returns>The disjunction.</returns>
    public static RuleResult Or(RuleResult a, RuleResult b)
        => a == RuleResult.Met || b == RuleResult.Met ? RuleResult.Met
            : a == RuleResult.NotMet && b == RuleResult.NotMet ? RuleResult.NotMet
            : RuleResult.Unknown;

    /// <summary>"Not": swaps met and not met; unknown stays unknown.</summary>
    /// <param name="a">A result.</param>
    /// <returns>The negation.</returns>
    public static RuleResult Not(RuleResult a) => a switch { RuleResult.Met => RuleResult.NotMet, RuleResult.NotMet => RuleResult.Met, _ => RuleResult.Unknown };

    /// <summary>The decision for "some exception is met, or every required rule is met".</summary>
    /// <param name="anyException">The disjunction of the exceptions (not met when there are none).</param>
    /// <param name="allRequired">The conjunction of the required rules.</param>
    /// <returns>The decision.</returns>
    public static EligibilityDecision Decide(RuleResult anyException, RuleResult allRequired)
        => Or(anyException, allRequired) switch
        {
            RuleResult.Met => EligibilityDecision.Eligible,
            RuleResult.NotMet => EligibilityDecision.NotEligible,
            _ => EligibilityDecision.Undetermined,
        };
}
