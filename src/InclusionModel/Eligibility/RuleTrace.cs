using NodaTime;

namespace InclusionModel.Eligibility;

/// <summary>One rule's part in a decision.</summary>
/// <param name="Rule">The rule id.</param>
/// <param name="IsException">Whether the rule is an exception.</param>
/// <param name="Result">Met, not met or unknown.</param>
/// <param name="Because">The reason, for a caseworker.</param>
/// <param name="VersionInForceFrom">The start of the rule version that applied, or <c>null</c> for its first version.</param>
/// <param name="Version">The applied version's wording (English).</param>
public sealed record RuleTrace(string Rule, bool IsException, RuleResult Result, string Because, LocalDate? VersionInForceFrom, string Version);
