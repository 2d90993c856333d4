namespace InclusionModel.Histories;

/// <summary>The result of a job interview.</summary>
public enum InterviewResult : byte
{
    /// <summary><c>hired</c>.</summary>
    Hired = 0,

    /// <summary><c>not-hired</c>.</summary>
    NotHired,

    /// <summary><c>pending</c>.</summary>
    Pending,
}
