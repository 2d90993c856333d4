namespace InclusionModel.Programs;

/// <summary>A reporting duty whose dates cannot be computed, and why.</summary>
/// <param name="Kind">The kind of report.</param>
/// <param name="Reason">Which fact is missing.</param>
public readonly record struct UnscheduledReport(ReportKind Kind, string Reason);
