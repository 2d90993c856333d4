namespace InclusionModel.Programs;

/// <summary>The quantity a measurable goal is tracked against.</summary>
public enum GoalQuantity
{
    /// <summary>Enrolments so far (each enrolment takes a place).</summary>
    Enrolments,

    /// <summary>The share of women among distinct participants enrolled so far, a fraction from 0 to 1.</summary>
    WomenShare,

    /// <summary>Exits with outcome <c>work</c> so far.</summary>
    ExitsIntoWork,

    /// <summary>Exits with outcome <c>studies</c> so far.</summary>
    ExitsIntoStudies,
}
