namespace InclusionModel.Programs;

/// <summary>A reporting duty of a program.</summary>
/// <param name="Kind">The kind of report.</param>
/// <param name="EvaluatedBy">For a final report: who evaluates the program, or <c>null</c>.</param>
/// <param name="DaysToSubmit">
/// Days after the last day of the period a report covers on which it is due, or <c>null</c> when the
/// source does not say; the schedule then takes the day after the period (see <see cref="ProgramSchedule"/>).
/// </param>
/// <param name="Recipient">
/// Who the report goes to (the program's owner, a funder such as Delegationen mot segregation or the ESF
/// council, which may require reports of their own), or <c>null</c> when the source does not say.
/// </param>
public sealed record ReportDuty(ReportKind Kind, string? EvaluatedBy = null, int? DaysToSubmit = null, string? Recipient = null);
