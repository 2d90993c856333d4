using InclusionModel.Programs;

namespace InclusionModel.Reports;

/// <summary>A goal's progress as of a date.</summary>
/// <param name="Id">The goal id.</param>
/// <param name="Quantity">What it counts.</param>
/// <param name="Target">The target.</param>
/// <param name="Actual">The value so far (a count, or a share from 0 to 1).</param>
/// <param name="Status">How it stands.</param>
/// <param name="Projection">Where it would end, or <c>null</c> when it cannot be projected (nothing elapsed, nothing counted for a share) or need not be (the goal's time is over: the actual value is the result).</param>
/// <param name="Milestone">The latest milestone due by the date, or <c>null</c>.</param>
public sealed record GoalProgress(string Id, GoalQuantity Quantity, decimal Target, decimal Actual, GoalStatus Status, GoalProjection? Projection, GoalMilestone? Milestone)
{
    /// <summary>The count behind <see cref="Actual"/>: the count itself, or a share's numerator (women so far).</summary>
    public long Count { get; init; }

    /// <summary>Whether the goal is a ceiling (bound at-most): kept by staying at or under its target.</summary>
    public bool Ceiling { get; init; }

    /// <summary>A share's denominator (distinct participants so far); 0 for a count.</summary>
    public long Of { get; init; }
}
