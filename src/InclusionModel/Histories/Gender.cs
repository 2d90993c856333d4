namespace InclusionModel.Histories;

/// <summary>The participant's own answer to the gender question (never derived from an identity number).</summary>
public enum Gender : byte
{
    /// <summary><c>unspecified</c>: no answer, or the field is absent.</summary>
    Unspecified = 0,

    /// <summary><c>woman</c>.</summary>
    Woman,

    /// <summary><c>man</c>.</summary>
    Man,

    /// <summary><c>non-binary</c>.</summary>
    NonBinary,
}
