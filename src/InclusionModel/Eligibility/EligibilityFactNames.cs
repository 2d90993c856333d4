namespace InclusionModel.Eligibility;

/// <summary>The contract names of <see cref="EligibilityFact"/> (camelCase, as in the NDJSON <c>facts</c> object).</summary>
public static class EligibilityFactNames
{
    private static readonly string[] Names =
    [
        "birthDate", "municipality", "registeredJobSeeker", "socialAssistanceMonths", "residencePermitDate", "establishmentProgram",
        "jobAndDevelopmentGuarantee", "farFromLabourMarket", "selfDeclaredTargetGroup", "completedOrientationCourse",
        "unemployedSince",
    ];

    /// <summary>Every fact name, in the order of docs/interchange-contract.md §5.</summary>
    public static IReadOnlyList<string> All => Names;

    /// <summary>The contract name of a fact.</summary>
    /// <param name="fact">A fact.</param>
    /// <returns>Its name, such as <c>birthDate</c>.</returns>
    public static string Name(EligibilityFact fact) => Names[(int)fact];

    /// <summary>Finds a fact by its contract name (exact, case-sensitive).</summary>
    /// <param name="name">A name.</param>
    /// <param name="fact">The fact, when found.</param>
    /// <returns>Whether the name is a fact.</returns>
    public static bool TryParse(string? name, out EligibilityFact fact)
    {
        int index = Array.IndexOf(Names, name);
        fact = (EligibilityFact)Math.Max(index, 0);
        return index >= 0;
    }
}
