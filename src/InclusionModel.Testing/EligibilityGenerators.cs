using FsCheck;
using FsCheck.Fluent;
using InclusionModel.Contract;
using InclusionModel.Eligibility;
using InclusionModel.Programs;
using NodaTime;

namespace InclusionModel.Testing;

/// <summary>
/// FsCheck generators of eligibility facts: every fact known or unknown at random, with values near the
/// edges the rules care about (birthdays, 36 months, 10 of 12 months), and always consistent (no birth date
/// after the assessment, no permit before the birth).
/// </summary>
public static class EligibilityGenerators
{
    private static readonly string[] Municipalities = ["Eskilstuna", "Kumla", "Nora", "Motala", "Västerås", "Helsingborg", "Örebro", "kumla"];

    /// <summary>Facts of a person assessed on <paramref name="on"/>.</summary>
    /// <param name="on">The assessment date.</param>
    /// <returns>The generator.</returns>
    public static Gen<EligibilityFacts> Facts(LocalDate on)
        => Gen.Choose(0, int.MaxValue).Select(seed => Build(new Random(seed), on));

    /// <summary>Cases for the catalogue's programs (or <paramref name="programs"/>) on dates from 2012 to 2021.</summary>
    /// <param name="programs">The programs to draw from; default the built-in catalogue.</param>
    /// <returns>The generator.</returns>
    public static Gen<EligibilityCase> Case(ProgramSet? programs = null)
        => from program in Gen.Elements((programs ?? ProgramCatalogue.BuiltIn).All.Where(p => p.TargetGroup is not null).ToArray())
           from days in Gen.Choose(0, 3650)
           let date = new LocalDate(2012, 1, 1).PlusDays(days)
           from facts in Facts(date)
           select new EligibilityCase(program, date, facts);

    /// <summary>Builds one set of facts from <paramref name="random"/>.</summary>
    /// <param name="random">The source of choices.</param>
    /// <param name="on">The assessment date.</param>
    /// <returns>The facts.</returns>
    public static EligibilityFacts Build(Random random, LocalDate on)
    {
        ArgumentNullException.ThrowIfNull(random);
        bool Known() => random.Next(3) != 0;
        var birth = on.PlusYears(-random.Next(15, 70)).PlusDays(random.Next(-3, 4));
        var facts = EligibilityFacts.None;
        if (Known()) facts = facts with { BirthDate = birth };
        if (Known()) facts = facts with { Municipality = Municipalities[random.Next(Municipalities.Length)] };
        if (Known()) facts = facts with { RegisteredJobSeeker = random.Next(2) == 0 };
        if (Known())
        {
            var current = new YearMonth(on.Year, on.Month);
            facts = facts with { SocialAssistanceMonths = [.. Enumerable.Range(-14, 16).Where(_ => random.Next(4) != 0).Select(current.PlusMonths)] };
        }

        if (Known())
        {
            var permit = on.PlusMonths(-random.Next(0, 48)).PlusDays(random.Next(-2, 3));
            facts = facts with { ResidencePermitDate = permit < birth ? birth : permit };
        }

        if (Known()) facts = facts with { EstablishmentProgram = (EstablishmentProgramStatus)random.Next(4) };
        if (Known()) facts = facts with { JobAndDevelopmentGuarantee = random.Next(2) == 0 };
        if (Known()) facts = facts with { FarFromLabourMarket = random.Next(2) == 0 };
        if (Known())
        {
            var given = on.PlusDays(random.Next(-400, 30));
            facts = facts with { SelfDeclaredTargetGroup = new SelfDeclaration(random.Next(3) != 0, given < birth ? birth : given) };
        }

        if (Known()) facts = facts with { CompletedOrientationCourse = random.Next(2) == 0 };
        if (Known())
        {
            // Around the 12 months of long-term-unemployed, never after the assessment date.
            var since = on.PlusMonths(-random.Next(0, 30)).PlusDays(random.Next(-3, 4));
            facts = facts with { UnemployedSince = since > on ? on : since };
        }

        return facts;
    }

    /// <summary>Writes an eligibility input line (docs/interchange-contract.md §5), for a counterexample to paste into <c>inclusion eligibility</c>.</summary>
    /// <param name="person">The person id.</param>
    /// <param name="program">The program id.</param>
    /// <param name="on">The assessment date.</param>
    /// <param name="facts">The facts.</param>
    /// <returns>One line of JSON.</returns>
    public static string ToNdjson(string person, string program, LocalDate on, EligibilityFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        static string Date(LocalDate d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var f = new System.Text.Json.Nodes.JsonObject();
        if (facts.BirthDate is { } b) f["birthDate"] = Date(b);
        if (facts.Municipality is { } m) f["municipality"] = m;
        if (facts.RegisteredJobSeeker is { } r) f["registeredJobSeeker"] = r;
        if (facts.SocialAssistanceMonths is { } months) f["socialAssistanceMonths"] = new System.Text.Json.Nodes.JsonArray([.. months.Select(x => (System.Text.Json.Nodes.JsonNode?)x.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture))]);
        if (facts.ResidencePermitDate is { } p) f["residencePermitDate"] = Date(p);
        if (facts.EstablishmentProgram is { } e) f["establishmentProgram"] = InclusionModel.Contract.ContractNames<EstablishmentProgramStatus>.Name(e);
        if (facts.JobAndDevelopmentGuarantee is { } j) f["jobAndDevelopmentGuarantee"] = j;
        if (facts.FarFromLabourMarket is { } far) f["farFromLabourMarket"] = far;
        if (facts.SelfDeclaredTargetGroup is { } s) f["selfDeclaredTargetGroup"] = new System.Text.Json.Nodes.JsonObject { ["declared"] = s.Declared, ["on"] = Date(s.On) };
        if (facts.CompletedOrientationCourse is { } c) f["completedOrientationCourse"] = c;
        if (facts.UnemployedSince is { } u) f["unemployedSince"] = Date(u);
        var line = new System.Text.Json.Nodes.JsonObject { ["person"] = person, ["program"] = program, ["on"] = Date(on), ["facts"] = f };
        return line.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
