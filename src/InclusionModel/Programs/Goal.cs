using System.Collections.Immutable;

namespace InclusionModel.Programs;

/// <summary>
/// A goal of a program. A measurable goal names a <see cref="Quantity"/> and a <see cref="Target"/> (an
/// "at least" target); a goal the source states only in words has neither and is not tracked.
/// </summary>
public sealed record Goal
{
    /// <summary>Creates a goal.</summary>
    /// <param name="id">The goal id, kebab-case and unique in the program (<c>places</c>, <c>women-share</c>, <c>into-work</c>).</param>
    /// <param name="quantity">The quantity tracked, or <c>null</c> for a goal stated only in words.</param>
    /// <param name="target">The target, or <c>null</c> for a goal stated only in words.</param>
    /// <param name="description">The goal in words, or <c>null</c>.</param>
    /// <param name="milestones">Intermediate targets, in date order.</param>
    /// <param name="bound">Whether the target is a floor (the default) or a ceiling.</param>
    public Goal(string id, GoalQuantity? quantity = null, decimal? target = null, string? description = null, IEnumerable<GoalMilestone>? milestones = null, GoalBound bound = GoalBound.AtLeast)
    {
        Id = Preconditions.CheckNotNull(id);
        Quantity = quantity;
        Target = target;
        LocalizedDescription = description;
        Milestones = milestones?.ToImmutableArray() ?? [];
        Bound = bound;
    }

    /// <summary>Whether <see cref="Target"/> is a floor (at least, the default) or a ceiling (at most).</summary>
    public GoalBound Bound { get; }

    /// <summary>The goal id.</summary>
    public string Id { get; }

    /// <summary>The quantity tracked, or <c>null</c> for a goal stated only in words.</summary>
    public GoalQuantity? Quantity { get; }

    /// <summary>The target (at least, or at most: <see cref="Bound"/>): a count, or a fraction from 0 to 1 for a share; <c>null</c> for a goal stated only in words.</summary>
    public decimal? Target { get; }

    /// <summary>The goal in words in <see cref="System.Globalization.CultureInfo.CurrentUICulture"/>, or <c>null</c>.</summary>
    public string? Description => LocalizedDescription?.ToString();

    /// <summary>The goal in words in every language given, or <c>null</c>; set a text per language with <c>with { LocalizedDescription = … }</c>.</summary>
    public LocalizedText? LocalizedDescription { get; init; }

    /// <summary>
    /// The definition's own names for the goal, which people read instead of the library's built-in name (for
    /// this program only), or <c>null</c>; set them with <c>with { Names = … }</c>.
    /// </summary>
    public LocalizedText? Names { get; init; }

    /// <summary>Intermediate targets, in date order; empty when none.</summary>
    public ImmutableArray<GoalMilestone> Milestones { get; }

    /// <summary>Whether the goal can be tracked (it has a quantity and a target).</summary>
    public bool IsMeasurable => Quantity.HasValue && Target.HasValue;
}
