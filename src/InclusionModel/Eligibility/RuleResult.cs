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
