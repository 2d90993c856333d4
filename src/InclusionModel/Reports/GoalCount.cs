namespace InclusionModel.Reports;

/// <summary>A count so far, and for a share the number it is a share of.</summary>
internal readonly record struct GoalCount(long Count, long Of);
