namespace InclusionModel.Histories;

/// <summary>What kind of activity the participant did.</summary>
public enum ActivityKind : byte
{
    /// <summary><c>job-interview</c>.</summary>
    JobInterview = 0,

    /// <summary><c>course</c>.</summary>
    Course,

    /// <summary><c>internship</c> (praktik).</summary>
    Internship,

    /// <summary><c>cv</c>: CV writing.</summary>
    Cv,

    /// <summary><c>other</c>.</summary>
    Other,
}
