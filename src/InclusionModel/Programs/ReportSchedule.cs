using System.Collections.Immutable;

namespace InclusionModel.Programs;

/// <summary>The reports due in a span, and the duties whose dates cannot be known from the definition.</summary>
/// <param name="Due">The reports due, in due-date order.</param>
/// <param name="Unscheduled">The duties that cannot be scheduled because a date is not stated.</param>
public sealed record ReportSchedule(ImmutableArray<DueReport> Due, ImmutableArray<UnscheduledReport> Unscheduled);
