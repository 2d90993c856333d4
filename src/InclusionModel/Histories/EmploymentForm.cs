namespace InclusionModel.Histories;

/// <summary>The form of employment of an outcome <c>work</c>.</summary>
public enum EmploymentForm : byte
{
    /// <summary><c>regular</c>.</summary>
    Regular = 0,

    /// <summary><c>subsidised</c> (for example nystartsjobb).</summary>
    Subsidised,

    /// <summary><c>hourly</c> (timvikariat).</summary>
    Hourly,

    /// <summary><c>seasonal</c> (for example sommarjobb).</summary>
    Seasonal,

    /// <summary><c>other</c>.</summary>
    Other,
}
