namespace InclusionModel.Reports;

/// <summary>How a goal stands.</summary>
public enum GoalStatus
{
    /// <summary>The target is reached (for a share: and the program's implementation has ended).</summary>
    Met,

    /// <summary>Not reached yet, and within reach at the rate seen so far.</summary>
    OnTrack,

    /// <summary>Even the high end of the projection's range falls short, or a milestone due is missed.</summary>
    AtRisk,

    /// <summary>The time for it has passed and the target was not reached.</summary>
    Missed,
}
