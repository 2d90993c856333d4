using System.Collections.Frozen;
using System.Collections.Immutable;
using InclusionModel.Programs;
using NodaTime;

namespace InclusionModel.Eligibility;

/// <summary>A version of a rule: the wording (and reading) in force from a date.</summary>
/// <param name="InForceFrom">The first day the version applies, or <c>null</c> for "since always".</param>
/// <param name="Swedish">The rule in Swedish.</param>
/// <param name="English">The rule in English.</param>
public sealed record RuleVersion(LocalDate? InForceFrom, string Swedish, string English);

/// <summary>
/// The values a rule works with in one program: its parameters from the definition, with the rule's
/// defaults for those not set, and the program's municipalities.
/// </summary>
public sealed class RuleArguments
{
    internal RuleArguments(TargetGroupRule reference, ProgramDefinition program, int minimumAge, int maximumAge, int months, int ofMonths, int withinMonths, ImmutableArray<RuleArguments> parts = default)
    {
        Parts = parts.IsDefault ? [] : parts;
        Reference = reference;
        var names = reference.Municipalities ?? program.Municipalities ?? [];
        Municipalities = names;
        _municipalitySet = names.Length > 16 ? names.ToFrozenSet(StringComparer.OrdinalIgnoreCase) : null;
        MinimumAge = reference.MinimumAge ?? minimumAge;
        MaximumAge = reference.MaximumAge ?? maximumAge;
        Months = reference.Months ?? months;
        OfMonths = reference.OfMonths ?? ofMonths;
        WithinMonths = reference.WithinMonths ?? withinMonths;
    }

    /// <summary>The rule as the definition names it.</summary>
    public TargetGroupRule Reference { get; }

    /// <summary>For a composed rule: the arguments of its parts, in order.</summary>
    public ImmutableArray<RuleArguments> Parts { get; }

    /// <summary>The municipalities (the rule's own, else the program's).</summary>
    public ImmutableArray<string> Municipalities { get; }

    private readonly FrozenSet<string>? _municipalitySet;

    /// <summary>Whether <paramref name="name"/> is one of <see cref="Municipalities"/>, ignoring case (a short list is scanned: faster than hashing).</summary>
    internal bool HasMunicipality(string name)
    {
        if (_municipalitySet is { } set)
        {
            return set.Contains(name);
        }

        foreach (string candidate in Municipalities)
        {
            if (candidate.Length == name.Length && string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The lowest age.</summary>
    public int MinimumAge { get; }

    /// <summary>The highest age.</summary>
    public int MaximumAge { get; }

    /// <summary>Months (with assistance, or looked at).</summary>
    public int Months { get; }

    /// <summary>Months looked back over.</summary>
    public int OfMonths { get; }

    /// <summary>Months since the residence permit.</summary>
    public int WithinMonths { get; }
}

/// <summary>
/// A target-group rule: a small, pure object with a stable id, a description in Swedish and English, the
/// facts it reads, and dated versions. Subclass it to add a rule; see <c>docs/eligibility.md</c>.
/// </summary>
/// <remarks>
/// <see cref="Evaluate"/> is the fast path: it reads only the facts it names, never allocates, and answers
/// <see cref="RuleResult.Unknown"/> exactly when a fact it needs is missing. <see cref="Because"/> gives the
/// reason a caseworker reads, for a result <see cref="Evaluate"/> gave; it must never name an ethnicity or
/// a nationality, or quote a self-declaration.
/// </remarks>
public abstract class EligibilityRule
{
    /// <summary>Creates a rule.</summary>
    /// <param name="id">The stable id, kebab-case.</param>
    /// <param name="reads">The facts the rule reads.</param>
    /// <param name="versions">The versions, the earliest first; the first may have no start date.</param>
    /// <exception cref="ArgumentException">The id is not kebab-case, or there is no version, or the versions are out of date order.</exception>
    protected EligibilityRule(string id, IEnumerable<EligibilityFact> reads, IEnumerable<RuleVersion> versions)
    {
        Preconditions.CheckArgument(ProgramDefinitionValidator.IsKebabCase(id), nameof(id), "A rule id is kebab-case.");
        Id = id;
        Reads = Preconditions.CheckNotNull(reads).ToImmutableArray();
        Versions = Preconditions.CheckNotNull(versions).ToImmutableArray();
        Preconditions.CheckArgument(!Versions.IsEmpty, nameof(versions), "A rule has at least one version.");
        for (int i = 1; i < Versions.Length; i++)
        {
            Preconditions.CheckArgument(Versions[i].InForceFrom is { } d && (Versions[i - 1].InForceFrom is not { } p || p < d), nameof(versions), "Versions are in date order, each after the one before.");
        }
    }

    /// <summary>The stable id (for example <c>working-age</c>).</summary>
    public string Id { get; }

    /// <summary>The facts the rule reads.</summary>
    public ImmutableArray<EligibilityFact> Reads { get; }

    /// <summary>The versions, earliest first.</summary>
    public ImmutableArray<RuleVersion> Versions { get; }

    /// <summary>The parameters (JSON spelling) a program definition may set for this rule.</summary>
    public virtual ImmutableArray<string> Parameters => [];

    /// <summary>The version in force on <paramref name="on"/> (the first one before any version's start date).</summary>
    /// <param name="on">The assessment date.</param>
    /// <returns>The version.</returns>
    public RuleVersion VersionOn(LocalDate on)
    {
        var versions = Versions;
        for (int i = versions.Length - 1; i > 0; i--)
        {
            if (on >= versions[i].InForceFrom!.Value)
            {
                return versions[i];
            }
        }

        return versions[0];
    }

    /// <summary>The fast path: the rule's result for <paramref name="facts"/> on <paramref name="on"/>.</summary>
    /// <param name="facts">The facts.</param>
    /// <param name="on">The assessment date.</param>
    /// <param name="arguments">The program's arguments for the rule.</param>
    /// <returns>Met, not met, or unknown when a fact it reads is missing.</returns>
    public abstract RuleResult Evaluate(EligibilityFacts facts, LocalDate on, RuleArguments arguments);

    /// <summary>Why the rule gave <paramref name="result"/>, in words a caseworker reads.</summary>
    /// <param name="facts">The facts.</param>
    /// <param name="on">The assessment date.</param>
    /// <param name="arguments">The program's arguments for the rule.</param>
    /// <param name="result">The result <see cref="Evaluate"/> gave.</param>
    /// <returns>The reason.</returns>
    public abstract string Because(EligibilityFacts facts, LocalDate on, RuleArguments arguments, RuleResult result);

    /// <summary>The arguments of this rule in <paramref name="program"/>; override to give defaults.</summary>
    /// <param name="reference">The rule as the definition names it.</param>
    /// <param name="program">The program.</param>
    /// <returns>The arguments.</returns>
    public virtual RuleArguments Bind(TargetGroupRule reference, ProgramDefinition program)
        => new(Preconditions.CheckNotNull(reference), Preconditions.CheckNotNull(program), 0, 0, 0, 0, 0);

    /// <summary>The reason for an unknown result: <c>birthDate was not given</c> and the like.</summary>
    /// <param name="fact">The missing fact.</param>
    /// <returns>The text.</returns>
    protected static string Missing(EligibilityFact fact) => (Texts.Swedish ? MissingSwedish : MissingEnglish)[(int)fact];

    private static readonly string[] MissingEnglish = [.. EligibilityFactNames.All.Select(name => $"{name} was not given")];

    private static readonly string[] MissingSwedish = [.. EligibilityFactNames.All.Select(name => $"{name} uppgavs inte")];

    /// <inheritdoc />
    public override string ToString() => Id;
}
