namespace InclusionModel.Eligibility;

/// <summary>The facts an eligibility rule may read (docs/interchange-contract.md §5), by their contract names.</summary>
public enum EligibilityFact
{
    /// <summary><c>birthDate</c>: for age rules.</summary>
    BirthDate,

    /// <summary><c>municipality</c>: the municipality of residence by its Swedish name.</summary>
    Municipality,

    /// <summary><c>registeredJobSeeker</c>: registered with the Public Employment Service.</summary>
    RegisteredJobSeeker,

    /// <summary><c>socialAssistanceMonths</c>: the months in which the household received social assistance.</summary>
    SocialAssistanceMonths,

    /// <summary><c>residencePermitDate</c>: the date of the first residence permit.</summary>
    ResidencePermitDate,

    /// <summary><c>establishmentProgram</c>: the person's relation to the establishment program.</summary>
    EstablishmentProgram,

    /// <summary><c>jobAndDevelopmentGuarantee</c>: currently in the job and development guarantee.</summary>
    JobAndDevelopmentGuarantee,

    /// <summary><c>farFromLabourMarket</c>: the caseworker's assessment.</summary>
    FarFromLabourMarket,

    /// <summary><c>selfDeclaredTargetGroup</c>: the person's own, voluntary statement of belonging to the program's target group.</summary>
    SelfDeclaredTargetGroup,

    /// <summary><c>completedOrientationCourse</c>: completed an orientation (OTR) course and wishes to go on.</summary>
    CompletedOrientationCourse,

    /// <summary><c>unemployedSince</c>: registered with the Public Employment Service as unemployed, without a break, since this date.</summary>
    UnemployedSince,
}
