namespace InclusionModel.Eligibility;

/// <summary>One rule of a program's target group, bound to the program's arguments.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Arguments">Its arguments in this program.</param>
/// <param name="IsException">Whether it is an exception rather than a required rule.</param>
public sealed record BoundRule(EligibilityRule Rule, RuleArguments Arguments, bool IsException);
