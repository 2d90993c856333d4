namespace InclusionModel.Eligibility;

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
