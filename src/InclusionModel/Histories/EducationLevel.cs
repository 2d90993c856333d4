namespace InclusionModel.Histories;

/// <summary>The highest completed education level (Swedish SUN levels, with their ISCED bands).</summary>
public enum EducationLevel : byte
{
    /// <summary><c>none</c>: no completed schooling.</summary>
    None = 0,

    /// <summary><c>pre-upper-secondary</c> (förgymnasial, ISCED 0–2).</summary>
    PreUpperSecondary,

    /// <summary><c>upper-secondary</c> (gymnasial, ISCED 3–4).</summary>
    UpperSecondary,

    /// <summary><c>post-secondary</c> (eftergymnasial, ISCED 5–8).</summary>
    PostSecondary,
}
