using System.Collections.Immutable;
using NodaTime;

namespace InclusionModel.Eligibility;

/// <summary>
/// What is known about a person for an eligibility assessment (docs/interchange-contract.md §5). Every fact is optional: a
/// fact that is <c>null</c> is unknown, and a rule that reads it answers <c>unknown</c>, never a guess.
/// There is no ethnicity, nationality or country-of-birth fact, and there never will be.
/// </summary>
/// <remarks>Immutable and thread-safe. The months of social assistance are kept sorted.</remarks>
public sealed record EligibilityFacts
{
    private readonly ImmutableArray<YearMonth>? _socialAssistanceMonths;

    /// <summary>No fact known.</summary>
    public static EligibilityFacts None { get; } = new();

    /// <summary>The birth date, or <c>null</c>.</summary>
    public LocalDate? BirthDate { get; init; }

    /// <summary>The municipality of residence by its Swedish name, or <c>null</c>.</summary>
    public string? Municipality { get; init; }

    /// <summary>Whether registered with the Public Employment Service, or <c>null</c>.</summary>
    public bool? RegisteredJobSeeker { get; init; }

    /// <summary>The months in which the household received social assistance, sorted and each once; empty = none; <c>null</c> = unknown.</summary>
    public ImmutableArray<YearMonth>? SocialAssistanceMonths
    {
        get => _socialAssistanceMonths;
        init => _socialAssistanceMonths = value is { } months ? [.. months.Distinct().Order()] : null;
    }

    /// <summary>The date of the first residence permit, or <c>null</c>.</summary>
    public LocalDate? ResidencePermitDate { get; init; }

    /// <summary>The relation to the establishment program, or <c>null</c>.</summary>
    public EstablishmentProgramStatus? EstablishmentProgram { get; init; }

    /// <summary>Whether currently in the job and development guarantee, or <c>null</c>.</summary>
    public bool? JobAndDevelopmentGuarantee { get; init; }

    /// <summary>The caseworker's assessment that the person stands far from the labour market, or <c>null</c>.</summary>
    public bool? FarFromLabourMarket { get; init; }

    /// <summary>The person's own statement of belonging to the program's target group, or <c>null</c>.</summary>
    public SelfDeclaration? SelfDeclaredTargetGroup { get; init; }

    /// <summary>Whether the person completed an orientation course and wishes to go on, or <c>null</c>.</summary>
    public bool? CompletedOrientationCourse { get; init; }

    /// <summary>The date since which the person has been registered as unemployed without a break, or <c>null</c>.</summary>
    public LocalDate? UnemployedSince { get; init; }

    /// <summary>Whether <paramref name="fact"/> is known.</summary>
    /// <param name="fact">A fact.</param>
    /// <returns><c>true</c> when the fact has a value.</returns>
    public bool Knows(EligibilityFact fact) => fact switch
    {
        EligibilityFact.BirthDate => BirthDate.HasValue,
        EligibilityFact.Municipality => Municipality is not null,
        EligibilityFact.RegisteredJobSeeker => RegisteredJobSeeker.HasValue,
        EligibilityFact.SocialAssistanceMonths => SocialAssistanceMonths.HasValue,
        EligibilityFact.ResidencePermitDate => ResidencePermitDate.HasValue,
        EligibilityFact.EstablishmentProgram => EstablishmentProgram.HasValue,
        EligibilityFact.JobAndDevelopmentGuarantee => JobAndDevelopmentGuarantee.HasValue,
        EligibilityFact.FarFromLabourMarket => FarFromLabourMarket.HasValue,
        EligibilityFact.SelfDeclaredTargetGroup => SelfDeclaredTargetGroup.HasValue,
        EligibilityFact.CompletedOrientationCourse => CompletedOrientationCourse.HasValue,
        EligibilityFact.UnemployedSince => UnemployedSince.HasValue,
        _ => false,
    };

    /// <summary>The same facts with <paramref name="fact"/> unknown.</summary>
    /// <param name="fact">A fact.</param>
    /// <returns>The facts without it.</returns>
    public EligibilityFacts Without(EligibilityFact fact) => fact switch
    {
        EligibilityFact.BirthDate => this with { BirthDate = null },
        EligibilityFact.Municipality => this with { Municipality = null },
        EligibilityFact.RegisteredJobSeeker => this with { RegisteredJobSeeker = null },
        EligibilityFact.SocialAssistanceMonths => this with { SocialAssistanceMonths = null },
        EligibilityFact.ResidencePermitDate => this with { ResidencePermitDate = null },
        EligibilityFact.EstablishmentProgram => this with { EstablishmentProgram = null },
        EligibilityFact.JobAndDevelopmentGuarantee => this with { JobAndDevelopmentGuarantee = null },
        EligibilityFact.FarFromLabourMarket => this with { FarFromLabourMarket = null },
        EligibilityFact.SelfDeclaredTargetGroup => this with { SelfDeclaredTargetGroup = null },
        EligibilityFact.CompletedOrientationCourse => this with { CompletedOrientationCourse = null },
        EligibilityFact.UnemployedSince => this with { UnemployedSince = null },
        _ => this,
    };

    /// <summary>Structural equality (the months compared element by element).</summary>
    /// <param name="other">Other facts.</param>
    /// <returns>Whether both state the same facts.</returns>
    public bool Equals(EligibilityFacts? other)
        => other is not null
           && BirthDate == other.BirthDate && Municipality == other.Municipality && RegisteredJobSeeker == other.RegisteredJobSeeker
           && ResidencePermitDate == other.ResidencePermitDate && EstablishmentProgram == other.EstablishmentProgram
           && JobAndDevelopmentGuarantee == other.JobAndDevelopmentGuarantee && FarFromLabourMarket == other.FarFromLabourMarket
           && SelfDeclaredTargetGroup == other.SelfDeclaredTargetGroup && CompletedOrientationCourse == other.CompletedOrientationCourse
           && UnemployedSince == other.UnemployedSince
           && (SocialAssistanceMonths is { } a ? other.SocialAssistanceMonths is { } b && a.SequenceEqual(b) : other.SocialAssistanceMonths is null);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(BirthDate, Municipality, ResidencePermitDate, SocialAssistanceMonths?.Length);

    /// <summary>
    /// What makes these facts impossible to assess on <paramref name="on"/>: a birth date after it or more than
    /// <see cref="Programs.ProgramDefinitionLimits.MaxAge"/> years before it, a residence permit before the birth date,
    /// a blank municipality and the like. The one check of facts against their date, for the command's reader, the
    /// service and <see cref="TargetGroupEvaluator.Decide"/> alike; the messages are in the current UI culture.
    /// </summary>
    /// <param name="on">The assessment date.</param>
    /// <returns>Each problem, with the JSON path of the fact at fault (<c>facts.birthDate</c>); none for sound facts.</returns>
    public IEnumerable<(string Path, string Message)> Problems(LocalDate on) => EligibilityRequestValidator.Problems(this, on);

    /// <summary>Names the known facts without their values (a self-declaration or a birth date never reaches a log through this).</summary>
    /// <returns>A text such as <c>facts: birthDate, municipality</c>.</returns>
    public override string ToString()
        => "facts: " + string.Join(", ", Enum.GetValues<EligibilityFact>().Where(Knows).Select(EligibilityFactNames.Name));
}
