namespace InclusionModel.Histories;

/// <summary>Why participation ended.</summary>
public enum ExitReason : byte
{
    /// <summary><c>completed</c>: the participant went through the program.</summary>
    Completed = 0,

    /// <summary><c>early-exit</c>: left for a positive outcome before the last phase ended.</summary>
    EarlyExit,

    /// <summary><c>discontinued</c> (avbrott).</summary>
    Discontinued,

    /// <summary><c>moved</c>.</summary>
    Moved,

    /// <summary><c>other</c>.</summary>
    Other,
}
