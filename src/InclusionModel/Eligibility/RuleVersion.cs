using NodaTime;

namespace InclusionModel.Eligibility;

/// <summary>A version of a rule: the wording (and reading) in force from a date.</summary>
/// <param name="InForceFrom">The first day the version applies, or <c>null</c> for "since always".</param>
/// <param name="Swedish">The rule in Swedish.</param>
/// <param name="English">The rule in English.</param>
public sealed record RuleVersion(LocalDate? InForceFrom, string Swedish, string English);
