namespace InclusionModel.Programs;

/// <summary>Which way a goal's target binds.</summary>
public enum GoalBound
{
    /// <summary>At least the target (390 into work): short of it the goal is at risk or missed.</summary>
    AtLeast,

    /// <summary>
    /// At most the target, a ceiling ("Maximalt 648 personer ska delta"): kept while the value stays at or
    /// under it, however far under; only going over it (or a projection sure to go over) counts against it.
    /// </summary>
    AtMost,
}
