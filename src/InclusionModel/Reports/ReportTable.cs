using System.Collections.Immutable;

namespace InclusionModel.Reports;

/// <summary>
/// A table of a report as people read it (<see cref="ReportWriter.Tables(ProgramReport, ReportOptions?)"/>): the headings and labels of the
/// text report in the current UI language, with each value's number kept for a writer that wants numbers
/// (a spreadsheet).
/// </summary>
/// <param name="Id">The table's id, the same in every language: <c>figures</c> or <c>goals</c>.</param>
/// <param name="Heading">The table's heading in the current language (<c>Siffror</c>, <c>Mål</c>).</param>
/// <param name="Columns">The column headings in the current language: the label column's first, then one for each value.</param>
/// <param name="Rows">The rows, in the order of the contract (docs/interchange-contract.md §6).</param>
public sealed record ReportTable(string Id, string Heading, ImmutableArray<string> Columns, ImmutableArray<ReportTableRow> Rows);
