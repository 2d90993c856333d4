using NodaTime;

namespace InclusionModel.Programs;

/// <summary>A report a program owes: what it covers and when it is due.</summary>
/// <param name="Kind">The kind of report.</param>
/// <param name="Covers">The days the report covers, both ends included; a final report of a program whose start is not stated has no start.</param>
/// <param name="DueOn">The day the report is due.</param>
public readonly record struct DueReport(ReportKind Kind, DateRange Covers, LocalDate DueOn);
