using NodaTime;

namespace InclusionModel.Reports;

/// <summary>Where a goal would end at the rate seen so far, with a 90 % range.</summary>
/// <param name="Expected">The projected final value.</param>
/// <param name="Low">The low end of the range.</param>
/// <param name="High">The high end of the range.</param>
/// <param name="By">The day the projection is for (the end of the time the goal has).</param>
public readonly record struct GoalProjection(decimal Expected, decimal Low, decimal High, LocalDate By);
