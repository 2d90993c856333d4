namespace InclusionModel.Reports;

/// <summary>A figure of a report as a row: its dotted name (<c>participants.byGender.woman</c>) and its value as shown.</summary>
/// <param name="Figure">The dotted name.</param>
/// <param name="Value">The value as shown (<c>..</c> for a suppressed figure).</param>
public readonly record struct ReportRow(string Figure, string Value);
