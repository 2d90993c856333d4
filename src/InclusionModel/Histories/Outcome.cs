namespace InclusionModel.Histories;

/// <summary>Where the participant went.</summary>
public enum Outcome : byte
{
    /// <summary><c>work</c>.</summary>
    Work = 0,

    /// <summary><c>studies</c>.</summary>
    Studies,

    /// <summary><c>job-seeking</c>.</summary>
    JobSeeking,

    /// <summary><c>other</c>.</summary>
    Other,

    /// <summary><c>unknown</c>.</summary>
    Unknown,
}
