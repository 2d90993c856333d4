using NodaTime;

namespace InclusionModel.Programs;

/// <summary>An intermediate target of a goal: by this date, at least this much.</summary>
/// <param name="On">The date by which the target should be reached.</param>
/// <param name="Target">The target on that date, in the goal's quantity.</param>
public readonly record struct GoalMilestone(LocalDate On, decimal Target);
