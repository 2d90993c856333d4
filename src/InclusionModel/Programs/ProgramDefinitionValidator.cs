using System.Text.RegularExpressions;
using FluentValidation;
using InclusionModel.Lifecycle;

namespace InclusionModel.Programs;

/// <summary>
/// The rules every program definition obeys before it reaches the lifecycle engine. Every failure is
/// reported, each with its property path.
/// </summary>
public sealed partial class ProgramDefinitionValidator : AbstractValidator<ProgramDefinition>
{
    /// <summary>The longest id a program or a phase may have.</summary>
    public const int MaxIdLength = 64;

    /// <summary>The shared instance; validators are stateless and thread-safe.</summary>
    public static ProgramDefinitionValidator Instance { get; } = new();

    /// <summary>Creates the validator.</summary>
    public ProgramDefinitionValidator()
    {
        RuleFor(p => p.Id)
            .Must(IsKebabCase).WithMessage(p => $"'{Quote(p.Id)}' is not a kebab-case id of 1–{MaxIdLength} characters (a-z, 0-9, single hyphens)");
        RuleFor(p => p.Name).NotEmpty().WithMessage("a program needs a name");
        RuleFor(p => p.Places)
            .GreaterThan(0).When(p => p.Places.HasValue).WithMessage(p => $"places must be above zero, was {p.Places}");
        RuleFor(p => p.EnrolmentWindow)
            .Must(w => w.Start is not { } s || w.End is not { } e || s <= e)
            .WithMessage(p => $"the enrolment window starts after it ends ({p.EnrolmentWindow})");
        RuleFor(p => p.Phases)
            .NotEmpty().WithMessage("a program needs at least one phase");
        RuleFor(p => p.Phases)
            .Must(phases => phases.IsDefaultOrEmpty || !phases[^1].IsOptional)
            .WithMessage("the last phase cannot be optional: a participant who completes the program ends in it");
        RuleForEach(p => p.Phases).SetValidator(new PhaseValidator());
        RuleForEach(p => p.Phases)
            .Must((program, phase) => program.Phases.Count(p => p.Id == phase.Id) == 1)
            .WithMessage((_, phase) => $"phase id '{Quote(phase.Id)}' is used more than once");
    }

    /// <summary>Whether <paramref name="id"/> is a kebab-case id of 1–64 characters.</summary>
    /// <param name="id">The id to check.</param>
    /// <returns><c>true</c> when the id is acceptable.</returns>
    public static bool IsKebabCase(string? id)
        => id is { Length: > 0 and <= MaxIdLength } && KebabCase().IsMatch(id);

    private static string Quote(string? value) => Privacy.PersonalIdentityNumbers.SafeToQuote(value ?? "");

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex KebabCase();

    private sealed class PhaseValidator : AbstractValidator<PhaseDefinition>
    {
        public PhaseValidator()
        {
            RuleFor(p => p.Id)
                .Must(IsKebabCase).WithMessage(p => $"'{Quote(p.Id)}' is not a kebab-case phase id of 1–{MaxIdLength} characters")
                .Must(id => !LifecycleState.IsReservedName(id)).WithMessage(p => $"'{p.Id}' is a fixed lifecycle state name and cannot be a phase id");
            RuleFor(p => p.MinimumMonths)
                .GreaterThanOrEqualTo(0).When(p => p.MinimumMonths.HasValue).WithMessage(p => $"minimumMonths cannot be negative, was {p.MinimumMonths}");
            RuleFor(p => p.MaximumMonths)
                .GreaterThan(0).When(p => p.MaximumMonths.HasValue).WithMessage(p => $"maximumMonths must be above zero, was {p.MaximumMonths}");
            RuleFor(p => p.MaximumMonths)
                .Must((phase, max) => phase.MinimumMonths is not { } min || max is not { } m || min <= m)
                .WithMessage(p => $"minimumMonths ({p.MinimumMonths}) is above maximumMonths ({p.MaximumMonths})");
            RuleFor(p => p.MaxStudyDaysPerWeek)
                .InclusiveBetween(0, 5).When(p => p.MaxStudyDaysPerWeek.HasValue).WithMessage(p => $"maxStudyDaysPerWeek must be 0–5, was {p.MaxStudyDaysPerWeek}");
        }
    }
}
