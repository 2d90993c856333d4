using System.Collections.Immutable;
using System.Globalization;
using InclusionModel.Privacy;
using InclusionModel.Programs;
using NodaTime;

namespace InclusionModel.Eligibility;

/// <summary><c>resides-in-municipality</c>: the municipality of residence is one of the program's (case-insensitive).</summary>
public sealed class ResidesInMunicipalityRule() : EligibilityRule(
    TargetGroupRules.ResidesInMunicipality,
    [EligibilityFact.Municipality],
    [new RuleVersion(null, "Personen är bosatt i en av programmets kommuner.", "The person lives in one of the program's municipalities.")])
{
    /// <inheritdoc />
    public override ImmutableArray<string> Parameters => ["municipalities"];

    /// <inheritdoc />
    public override RuleResult Evaluate(EligibilityFacts facts, LocalDate on, RuleArguments arguments)
        => facts.Municipality is not { } municipality ? RuleResult.Unknown
            : arguments.HasMunicipality(municipality) ? RuleResult.Met : RuleResult.NotMet;

    /// <inheritdoc />
    public override string Because(EligibilityFacts facts, LocalDate on, RuleArguments arguments, RuleResult result) => result switch
    {
        RuleResult.Unknown => Missing(EligibilityFact.Municipality),
        RuleResult.Met => Texts.Format("rule.municipality.met", PersonalIdentityNumbers.SafeToQuote(facts.Municipality)),
        _ => Texts.Format("rule.municipality.not-met", PersonalIdentityNumbers.SafeToQuote(facts.Municipality), string.Join(", ", arguments.Municipalities)),
    };
}

/// <summary><c>working-age</c>: age in whole years on the assessment date within 20–64 (a person is 20 on their 20th birthday).</summary>
public sealed class WorkingAgeRule() : EligibilityRule(
    TargetGroupRules.WorkingAge,
    [EligibilityFact.BirthDate],
    [new RuleVersion(null, "Personen är i arbetsför ålder (20–64 år, som i arbetsmarknadsstatistiken och etableringsprogrammet).", "The person is of working age (20–64, as in Swedish employment statistics and the establishment program).")])
{
    /// <inheritdoc />
    public override ImmutableArray<string> Parameters => ["minimumAge", "maximumAge"];

    /// <inheritdoc />
    public override RuleArguments Bind(TargetGroupRule reference, ProgramDefinition program) => new(reference, program, TargetGroupRules.DefaultMinimumAge, TargetGroupRules.DefaultMaximumAge, 0, 0, 0);

    /// <inheritdoc />
    public override RuleResult Evaluate(EligibilityFacts facts, LocalDate on, RuleArguments arguments)
    {
        if (facts.BirthDate is not { } birth)
        {
            return RuleResult.Unknown;
        }

        int age = IsoDates.AgeInYears(birth, on);
        return age >= arguments.MinimumAge && age <= arguments.MaximumAge ? RuleResult.Met : RuleResult.NotMet;
    }

    /// <inheritdoc />
    public override string Because(EligibilityFacts facts, LocalDate on, RuleArguments arguments, RuleResult result)
    {
        if (facts.BirthDate is not { } birth)
        {
            return Missing(EligibilityFact.BirthDate);
        }

        int age = IsoDates.AgeInYears(birth, on);
        string range = $"{arguments.MinimumAge}–{arguments.MaximumAge}";
        return Texts.Format(age < arguments.MinimumAge ? "rule.age.below" : age > arguments.MaximumAge ? "rule.age.above" : "rule.age.within", age, IsoDates.Format(on), range);
    }
}

/// <summary><c>receives-social-assistance</c>: assistance in the month of assessment or the month before (or in the <c>months</c> months ending with it).</summary>
public sealed class ReceivesSocialAssistanceRule() : EligibilityRule(
    TargetGroupRules.ReceivesSocialAssistance,
    [EligibilityFact.SocialAssistanceMonths],
    [new RuleVersion(null, "Hushållet har ekonomiskt bistånd (försörjningsstöd) bedömningsmånaden eller månaden före.", "The household receives social assistance in the month of assessment or the month before.")])
{
    /// <inheritdoc />
    public override ImmutableArray<string> Parameters => ["months"];

    /// <inheritdoc />
    public override RuleArguments Bind(TargetGroupRule reference, ProgramDefinition program) => new(reference, program, 0, 0, TargetGroupRules.DefaultAssistanceMonths, 0, 0);

    /// <inheritdoc />
    public override RuleResult Evaluate(EligibilityFacts facts, LocalDate on, RuleArguments arguments)
    {
        if (facts.SocialAssistanceMonths is not { } months)
        {
            return RuleResult.Unknown;
        }

        int last = IsoDates.MonthNumber(on.Year, on.Month);
        return SocialAssistance.Count(months, last - arguments.Months + 1, last) > 0 ? RuleResult.Met : RuleResult.NotMet;
    }

    /// <inheritdoc />
    public override string Because(EligibilityFacts facts, LocalDate on, RuleArguments arguments, RuleResult result)
    {
        int last = IsoDates.MonthNumber(on.Year, on.Month);
        string span = SocialAssistance.Span(last - arguments.Months + 1, last);
        return result switch
        {
            RuleResult.Unknown => Missing(EligibilityFact.SocialAssistanceMonths),
            RuleResult.Met => Texts.Format("rule.assistance.met", span),
            _ => Texts.Format("rule.assistance.not-met", span),
        };
    }
}

/// <summary><c>long-term-social-assistance</c>: assistance in at least 10 of the 12 months before the month of assessment (Socialstyrelsen).</summary>
public sealed class LongTermSocialAssistanceRule() : EligibilityRule(
    TargetGroupRules.LongTermSocialAssistance,
    [EligibilityFact.SocialAssistanceMonths],
    [new RuleVersion(null, "Långvarigt ekonomiskt bistånd: bistånd minst 10 av de 12 månaderna före bedömningsmånaden (Socialstyrelsen).", "Long-term social assistance: assistance in at least 10 of the 12 months before the month of assessment (Socialstyrelsen).")])
{
    /// <inheritdoc />
    public override ImmutableArray<string> Parameters => ["months", "ofMonths"];

    /// <inheritdoc />
    public override RuleArguments Bind(TargetGroupRule reference, ProgramDefinition program) => new(reference, program, 0, 0, TargetGroupRules.DefaultLongTermMonths, TargetGroupRules.DefaultLongTermOfMonths, 0);

    /// <inheritdoc />
    public override RuleResult Evaluate(EligibilityFacts facts, LocalDate on, RuleArguments arguments)
    {
        if (facts.SocialAssistanceMonths is not { } months)
        {
            return RuleResult.Unknown;
        }

        int current = IsoDates.MonthNumber(on.Year, on.Month);
        return SocialAssistance.Count(months, current - arguments.OfMonths, current - 1) >= arguments.Months ? RuleResult.Met : RuleResult.NotMet;
    }

    /// <inheritdoc />
    public override string Because(EligibilityFacts facts, LocalDate on, RuleArguments arguments, RuleResult result)
    {
        if (facts.SocialAssistanceMonths is not { } months)
        {
            return Missing(EligibilityFact.SocialAssistanceMonths);
        }

        int current = IsoDates.MonthNumber(on.Year, on.Month);
        int count = SocialAssistance.Count(months, current - arguments.OfMonths, current - 1);
        return Texts.Format("rule.long-term", count, arguments.OfMonths, SocialAssistance.Span(current - arguments.OfMonths, current - 1), arguments.Months);
    }
}

/// <summary><c>newly-arrived</c>: a first residence permit on or after the assessment date minus 36 months, and not after it.</summary>
public sealed class NewlyArrivedRule() : EligibilityRule(
    TargetGroupRules.NewlyArrived,
    [EligibilityFact.ResidencePermitDate],
    [new RuleVersion(null, "Nyanländ: första uppehållstillståndet inom de senaste 36 månaderna (som i reglerna för nystartsjobb).", "Newly arrived: a first residence permit within the last 36 months (as in the rules for nystartsjobb).")])
{
    /// <inheritdoc />
    public override ImmutableArray<string> Parameters => ["withinMonths"];

    /// <inheritdoc />
    public override RuleArguments Bind(TargetGroupRule reference, ProgramDefinition program) => new(reference, program, 0, 0, 0, 0, TargetGroupRules.DefaultNewlyArrivedWithinMonths);

    /// <inheritdoc />
    public override RuleResult Evaluate(EligibilityFacts facts, LocalDate on, RuleArguments arguments)
    {
        if (facts.ResidencePermitDate is not { } permit)
        {
            return RuleResult.Unknown;
        }

        int day = IsoDates.DayNumber(permit);
        return day <= IsoDates.DayNumber(on) && day >= IsoDates.AddMonths(on, -arguments.WithinMonths) ? RuleResult.Met : RuleResult.NotMet;
    }

    /// <inheritdoc />
    public override string Because(EligibilityFacts facts, LocalDate on, RuleArguments arguments, RuleResult result)
    {
        if (facts.ResidencePermitDate is not { } permit)
        {
            return Missing(EligibilityFact.ResidencePermitDate);
        }

        var earliest = on.PlusMonths(-arguments.WithinMonths);
        return permit > on ? Texts.Format("rule.permit.after", IsoDates.Format(permit))
            : permit < earliest ? Texts.Format("rule.permit.too-early", IsoDates.Format(permit), arguments.WithinMonths, IsoDates.Format(on), IsoDates.Format(earliest))
            : Texts.Format("rule.permit.within", IsoDates.Format(permit), arguments.WithinMonths, IsoDates.Format(on));
    }
}

/// <summary>
/// <c>not-in-establishment-program</c>: the person is not in the establishment program, or left it early.
/// Two versions: the establishment plan (etableringsplanen) until 2017, the establishment program
/// (etableringsprogrammet, förordning 2017:820) from 2018-01-01.
/// </summary>
public sealed class NotInEstablishmentProgramRule() : EligibilityRule(
    TargetGroupRules.NotInEstablishmentProgram,
    [EligibilityFact.EstablishmentProgram],
    [
        new RuleVersion(null, "Personen deltar inte i en etableringsplan, eller har avbrutit den.", "The person is not in an establishment plan, or left it early."),
        new RuleVersion(new LocalDate(2018, 1, 1), "Personen deltar inte i etableringsprogrammet (förordning 2017:820), eller har avbrutit det.", "The person is not in the establishment program (förordning 2017:820), or left it early."),
    ])
{
    /// <inheritdoc />
    public override RuleResult Evaluate(EligibilityFacts facts, LocalDate on, RuleArguments arguments) => facts.EstablishmentProgram switch
    {
        null => RuleResult.Unknown,
        EstablishmentProgramStatus.None or EstablishmentProgramStatus.LeftEarly => RuleResult.Met,
        _ => RuleResult.NotMet,
    };

    /// <inheritdoc />
    public override string Because(EligibilityFacts facts, LocalDate on, RuleArguments arguments, RuleResult result)
    {
        string what = Texts.Get(ReferenceEquals(VersionOn(on), Versions[0]) ? "rule.establishment.plan" : "rule.establishment.program");
        return facts.EstablishmentProgram switch
        {
            null => Missing(EligibilityFact.EstablishmentProgram),
            EstablishmentProgramStatus.None => Texts.Format("rule.establishment.never", what),
            EstablishmentProgramStatus.LeftEarly => Texts.Format("rule.establishment.left", what),
            EstablishmentProgramStatus.Participating => Texts.Format("rule.establishment.in", what),
            _ => Texts.Format("rule.establishment.completed", what),
        };
    }
}

/// <summary>A rule that reads one yes/no fact: met when it is the wanted value.</summary>
public class YesNoFactRule : EligibilityRule
{
    private readonly Func<EligibilityFacts, bool?> _read;
    private readonly bool _wanted;
    private readonly string _whenTrue;
    private readonly string _whenFalse;
    private readonly string _whenTrueSwedish;
    private readonly string _whenFalseSwedish;

    /// <summary>Creates the rule.</summary>
    /// <param name="id">The rule id.</param>
    /// <param name="fact">The fact it reads.</param>
    /// <param name="read">Reads the fact.</param>
    /// <param name="wanted">The value that meets the rule.</param>
    /// <param name="whenTrue">The reason when the fact is true.</param>
    /// <param name="whenFalse">The reason when the fact is false.</param>
    /// <param name="version">The rule's only version.</param>
    /// <param name="whenTrueSwedish">The reason when the fact is true, in Swedish; default the English one.</param>
    /// <param name="whenFalseSwedish">The reason when the fact is false, in Swedish; default the English one.</param>
    public YesNoFactRule(string id, EligibilityFact fact, Func<EligibilityFacts, bool?> read, bool wanted, string whenTrue, string whenFalse, RuleVersion version, string? whenTrueSwedish = null, string? whenFalseSwedish = null)
        : base(id, [fact], [version])
    {
        _read = Preconditions.CheckNotNull(read);
        _wanted = wanted;
        _whenTrue = whenTrue;
        _whenFalse = whenFalse;
        _whenTrueSwedish = whenTrueSwedish ?? whenTrue;
        _whenFalseSwedish = whenFalseSwedish ?? whenFalse;
    }

    /// <inheritdoc />
    public override RuleResult Evaluate(EligibilityFacts facts, LocalDate on, RuleArguments arguments)
        => _read(facts) is not { } value ? RuleResult.Unknown : value == _wanted ? RuleResult.Met : RuleResult.NotMet;

    /// <inheritdoc />
    public override string Because(EligibilityFacts facts, LocalDate on, RuleArguments arguments, RuleResult result)
        => _read(facts) is not { } value ? Missing(Reads[0])
            : Texts.Swedish ? (value ? _whenTrueSwedish : _whenFalseSwedish)
            : value ? _whenTrue : _whenFalse;
}

/// <summary>
/// <c>self-declared-target-group</c>: the person's own voluntary declaration of belonging to the program's
/// target group, given on or before the assessment date. Its reasons never say more than whether the
/// declaration applies.
/// </summary>
public sealed class SelfDeclaredTargetGroupRule() : EligibilityRule(
    TargetGroupRules.SelfDeclaredTargetGroup,
    [EligibilityFact.SelfDeclaredTargetGroup],
    [new RuleVersion(null, "Personen har själv och frivilligt uppgett att hen tillhör programmets målgrupp.", "The person has, of their own free will, declared belonging to the program's target group.")])
{
    /// <inheritdoc />
    public override RuleResult Evaluate(EligibilityFacts facts, LocalDate on, RuleArguments arguments)
        => facts.SelfDeclaredTargetGroup is not { } declaration ? RuleResult.Unknown
            : declaration.Declared && declaration.On <= on ? RuleResult.Met : RuleResult.NotMet;

    /// <inheritdoc />
    public override string Because(EligibilityFacts facts, LocalDate on, RuleArguments arguments, RuleResult result) => result switch
    {
        RuleResult.Unknown => Missing(EligibilityFact.SelfDeclaredTargetGroup),
        RuleResult.Met => Texts.Get("rule.declaration.met"),
        _ => Texts.Get("rule.declaration.not-met"),
    };
}

/// <summary>
/// <c>long-term-unemployed</c> (långtidsarbetslös): registered as unemployed, without a break, since a date at
/// least <c>months</c> whole calendar months (default 12) before the assessment date. Met exactly when
/// <c>unemployedSince</c> plus <c>months</c> calendar months, clamped to the month's end as NodaTime's
/// <see cref="LocalDate.PlusMonths"/> clamps, is on or before the assessment date.
/// </summary>
public sealed class LongTermUnemployedRule() : EligibilityRule(
    TargetGroupRules.LongTermUnemployed,
    [EligibilityFact.UnemployedSince],
    [new RuleVersion(null, "Långtidsarbetslös: inskriven som arbetslös hos Arbetsförmedlingen, utan avbrott, i minst 12 månader.", "Long-term unemployed: registered as unemployed with the Public Employment Service, without a break, for at least 12 months.")])
{
    /// <inheritdoc />
    public override ImmutableArray<string> Parameters => ["months"];

    private static readonly int LastDay = IsoDates.DayNumber(9999, 12, 31);

    /// <inheritdoc />
    public override RuleArguments Bind(TargetGroupRule reference, ProgramDefinition program) => new(reference, program, 0, 0, TargetGroupRules.DefaultUnemployedMonths, 0, 0);

    /// <inheritdoc />
    public override RuleResult Evaluate(EligibilityFacts facts, LocalDate on, RuleArguments arguments)
        => facts.UnemployedSince is not { } since ? RuleResult.Unknown
            : IsoDates.AddMonths(since, arguments.Months) <= IsoDates.DayNumber(on) ? RuleResult.Met : RuleResult.NotMet;

    /// <inheritdoc />
    public override string Because(EligibilityFacts facts, LocalDate on, RuleArguments arguments, RuleResult result)
    {
        if (facts.UnemployedSince is not { } since)
        {
            return Missing(EligibilityFact.UnemployedSince);
        }

        if (result == RuleResult.Met)
        {
            return Texts.Format("rule.unemployed.met", IsoDates.Format(since), arguments.Months, IsoDates.Format(on));
        }

        int reached = IsoDates.AddMonths(since, arguments.Months);
        return reached > LastDay
            ? Texts.Format("rule.unemployed.not-met-ever", IsoDates.Format(since), arguments.Months, IsoDates.Format(on))
            : Texts.Format("rule.unemployed.not-met", IsoDates.Format(since), arguments.Months, IsoDates.Format(on), IsoDates.Format(IsoDates.FromDayNumber(reached)));
    }
}

/// <summary>Counting months of social assistance in a sorted array without allocating.</summary>
internal static class SocialAssistance
{
    internal static int Count(ImmutableArray<YearMonth> months, int first, int last)
    {
        int count = 0;
        foreach (var month in months)
        {
            int n = IsoDates.MonthNumber(month.Year, month.Month);
            if (n > last)
            {
                break;
            }

            if (n >= first)
            {
                count++;
            }
        }

        return count;
    }

    internal static string Span(int first, int last)
        => first == last ? Month(first) : Texts.Format("window", Month(first), Month(last));

    private static string Month(int number) => $"{(number / 12).ToString("D4", CultureInfo.InvariantCulture)}-{((number % 12) + 1).ToString("D2", CultureInfo.InvariantCulture)}";
}
