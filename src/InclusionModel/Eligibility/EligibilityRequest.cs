using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using FluentValidation;
using InclusionModel.Histories;
using InclusionModel.Privacy;
using NodaTime;

namespace InclusionModel.Eligibility;

/// <summary>One line of <c>inclusion eligibility</c>'s input: a person, a program, the assessment date and the facts.</summary>
/// <param name="Person">The person's pseudonymous id.</param>
/// <param name="Program">The program id.</param>
/// <param name="On">The assessment date.</param>
/// <param name="Facts">The facts.</param>
public sealed record EligibilityRequest(string Person, string Program, LocalDate On, EligibilityFacts Facts);

/// <summary>
/// Checks the facts of a request against its assessment date: a birth date after it, a permit date
/// before the birth date, a month given twice and the like are located errors (FluentValidation, which is how
/// the library checks, not part of its API: the public way is <see cref="EligibilityFacts.Problems"/>).
/// </summary>
internal sealed class EligibilityRequestValidator : AbstractValidator<EligibilityRequest>
{
    /// <summary>The oldest age a birth date may give on the assessment date (<see cref="Programs.ProgramDefinitionLimits.MaxAge"/>).</summary>
    internal const int MaxAge = Programs.ProgramDefinitionLimits.MaxAge;

    /// <summary>The shared instance; validators are stateless and thread-safe.</summary>
    internal static EligibilityRequestValidator Instance { get; } = new();

    /// <summary>Creates the validator.</summary>
    internal EligibilityRequestValidator()
    {
        RuleFor(r => r).Custom((r, ctx) =>
        {
            foreach (var (path, message) in Problems(r.Facts, r.On))
            {
                ctx.AddFailure(path, message);
            }
        });
    }

    /// <summary>
    /// The one place facts are checked against their assessment date, for the command line's reader and the
    /// C# path (<see cref="TargetGroupEvaluator.Decide"/> and <see cref="TargetGroupEvaluator.Explain"/>) alike.
    /// </summary>
    /// <param name="facts">The facts.</param>
    /// <param name="on">The assessment date.</param>
    /// <returns>Each problem, with the JSON path of the fact at fault; none for sound facts (and nothing allocated then).</returns>
    internal static IEnumerable<(string Path, string Message)> Problems(EligibilityFacts facts, LocalDate on)
    {
        Preconditions.CheckNotNull(facts);
        return FirstProblem(facts, on) is null ? [] : AllProblems(facts, on);
    }

    /// <summary>The path of the first problem of <see cref="Problems"/>, or <c>null</c>; no allocation when there is none.</summary>
    internal static string? FirstProblem(EligibilityFacts facts, LocalDate on)
    {
        for (var check = FactCheck.BirthAfterAssessment; check <= FactCheck.BlankMunicipality; check++)
        {
            if (Fails(check, facts, on))
            {
                return Path(check);
            }
        }

        return null;
    }

    /// <summary>Throws when <paramref name="facts"/> have a problem, naming every one: the C# path's check.</summary>
    internal static void Check(EligibilityFacts facts, LocalDate on)
    {
        if (HasProblem(facts, on))
        {
            throw new ArgumentException($"The facts cannot be assessed on {IsoDates.Format(on)}: {string.Join("; ", AllProblems(facts, on).Select(p => $"{p.Path}: {p.Message}"))}.", nameof(facts));
        }
    }

    /// <summary>
    /// Whether some check of <see cref="FactCheck"/> fails, as one expression: the fast path asks this of every
    /// person, and a loop over the checks through a switch cost it about 5 % (benchmarks/README.md).
    /// <c>FactChecksTest</c> holds it equal to <see cref="FirstProblem"/>.
    /// </summary>
    internal static bool HasProblem(EligibilityFacts facts, LocalDate on)
    {
        if (facts.BirthDate is { } b
            && (b > on
                || (on.Year - b.Year > MaxAge && IsoDates.AgeInYears(b, on) > MaxAge)
                || (facts.ResidencePermitDate is { } p && p < b)
                || (facts.SelfDeclaredTargetGroup is { } d && d.On < b)))
        {
            return true;
        }

        return (facts.UnemployedSince is { } u && u > on)
            || (facts.Municipality is { } m && string.IsNullOrWhiteSpace(m));
    }

    private static IEnumerable<(string Path, string Message)> AllProblems(EligibilityFacts facts, LocalDate on)
    {
        for (var check = FactCheck.BirthAfterAssessment; check <= FactCheck.BlankMunicipality; check++)
        {
            if (Fails(check, facts, on))
            {
                yield return (Path(check), Message(check, on));
            }
        }
    }

    /// <summary>Each check of a fact against the assessment date, in the order problems are listed.</summary>
    private enum FactCheck
    {
        BirthAfterAssessment,
        TooOld,
        PermitBeforeBirth,
        DeclarationBeforeBirth,
        UnemployedAfterAssessment,
        BlankMunicipality,
    }

    private static bool Fails(FactCheck check, EligibilityFacts facts, LocalDate on) => check switch
    {
        FactCheck.BirthAfterAssessment => facts.BirthDate is { } b && b > on,
        FactCheck.TooOld => facts.BirthDate is { } b && b <= on && IsoDates.AgeInYears(b, on) > MaxAge,
        FactCheck.PermitBeforeBirth => facts.ResidencePermitDate is { } p && facts.BirthDate is { } b && p < b,
        FactCheck.DeclarationBeforeBirth => facts.SelfDeclaredTargetGroup is { } d && facts.BirthDate is { } b && d.On < b,
        FactCheck.UnemployedAfterAssessment => facts.UnemployedSince is { } u && u > on,
        _ => facts.Municipality is { } m && string.IsNullOrWhiteSpace(m),
    };

    private static string Path(FactCheck check) => check switch
    {
        FactCheck.BirthAfterAssessment or FactCheck.TooOld => "facts.birthDate",
        FactCheck.PermitBeforeBirth => "facts.residencePermitDate",
        FactCheck.DeclarationBeforeBirth => "facts.selfDeclaredTargetGroup.on",
        FactCheck.UnemployedAfterAssessment => "facts.unemployedSince",
        _ => "facts.municipality",
    };

    private static string Message(FactCheck check, LocalDate on) => check switch
    {
        FactCheck.BirthAfterAssessment => Texts.Format("er.birth-after", IsoDates.Format(on)),
        FactCheck.TooOld => Texts.Format("er.too-old", MaxAge),
        FactCheck.PermitBeforeBirth => Texts.Get("er.permit-before-birth"),
        FactCheck.DeclarationBeforeBirth => Texts.Get("er.declaration-before-birth"),
        FactCheck.UnemployedAfterAssessment => Texts.Format("er.unemployed-after", IsoDates.Format(on)),
        _ => Texts.Get("er.blank-municipality"),
    };
}
