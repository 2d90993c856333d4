namespace InclusionModel.Eligibility;

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
