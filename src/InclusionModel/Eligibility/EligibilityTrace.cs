using System.Collections.Immutable;
using NodaTime;

namespace InclusionModel.Eligibility;

/// <summary>A decision with its full trace.</summary>
/// <param name="Program">The program id.</param>
/// <param name="On">The assessment date.</param>
/// <param name="Decision">The decision.</param>
/// <param name="Rules">Every rule of the target group, required ones first, with its result and reason.</param>
/// <param name="DecidedBy">The exception that made the person eligible, or <c>null</c> when none did.</param>
/// <param name="MissingFacts">For an undetermined decision, the facts that would settle it; otherwise empty.</param>
public sealed record EligibilityTrace(string Program, LocalDate On, EligibilityDecision Decision, ImmutableArray<RuleTrace> Rules, string? DecidedBy, ImmutableArray<EligibilityFact> MissingFacts);
