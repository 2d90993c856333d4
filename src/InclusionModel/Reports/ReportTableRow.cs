using System.Collections.Immutable;

namespace InclusionModel.Reports;

/// <summary>A row of a <see cref="ReportTable"/>: a figure with its label in the current language and its values, one per value column.</summary>
/// <param name="Figure">What programs read: the figure's dotted name (<c>participants.byGender.woman</c>), or <c>goals.{id}</c> for a goal's row.</param>
/// <param name="Group">The heading the row stands under (<c>Deltagare efter kön</c>), or <c>null</c> for a row that stands alone.</param>
/// <param name="Label">What people read: the row's label (<c>Kvinnor</c>, a goal's name).</param>
/// <param name="Values">The values, one for each of the table's columns after the first.</param>
public sealed record ReportTableRow(string Figure, string? Group, string Label, ImmutableArray<ReportValue> Values);
