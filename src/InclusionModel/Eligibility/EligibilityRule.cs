using System.Collections.Frozen;
using System.Collections.Immutable;
using InclusionModel.Programs;
using NodaTime;

namespace InclusionModel.Eligibility;

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
    protected static string Missing(EligibilityFact fact) => MissingText(fact);

    /// <summary>The reason <see cref="Missing"/> gives, for the text report to know a reason that only says a fact is missing.</summary>
    internal static string MissingText(EligibilityFact fact)
        => Texts.Swedish
            ? Texts.Format("elig.missing", DisplayNames.Name(DisplayNames.Fact, EligibilityFactNames.All[(int)fact]), EligibilityFactNames.All[(int)fact]) // the fact in words, its field in brackets
            : MissingEnglish[(int)fact]; // English keeps the field's name alone, as the contract's documents have it

    private static readonly string[] MissingEnglish = [.. EligibilityFactNames.All.Select(name => $"{name} was not given")];

    /// <inheritdoc />
    public override string ToString() => Id;
}
