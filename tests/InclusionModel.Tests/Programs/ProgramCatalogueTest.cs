using System.Text.RegularExpressions;
using InclusionModel.Programs;
using InclusionModel.Tests.Docs;
using static InclusionModel.Tests.TestData;

namespace InclusionModel.Tests.Programs;

/// <summary>Pins the facts of docs/domain.md's catalogue, program by program, and docs/interchange-contract.md §5's target groups.</summary>
public partial class ProgramCatalogueTest
{
    private static ProgramDefinition Get(string id) => ProgramCatalogue.BuiltIn.Get(id);

    private static string Phases(ProgramDefinition p)
        => string.Join(" ", p.Phases.Select(ph => $"{ph.Id}{(ph.IsOptional ? "?" : "")}[{ph.MinimumMonths}-{ph.MaximumMonths}/{ph.MaxStudyDaysPerWeek}]"));

    private static string Rules(IEnumerable<TargetGroupRule> rules) => string.Join(", ", rules.Select(r => r.Rule));

    private static string[] ReadingPaths(ProgramDefinition p) => [.. p.TakenAs.Select(t => t.Path)];

    [Fact]
    public void Ids_AreTheProgramsOfTheSources()
    {
        Assert.Equal(
            ["eskilstuna-jobbtrappan", "eskilstuna-nuevo-k2", "eskilstuna-romane-bucha", "hallefors-all-in",
             "helsingborg-vorta-drom", "motala-utanforskap-till-sysselsattning", "vasteras-romane-droma"],
            ProgramCatalogue.Ids);
    }

    [Fact]
    public void BuiltInDefinitions_PassEveryRuleOfTheValidator()
    {
        // The catalogue loads without the validator's rules (start-up time, issue 11): this is where they are checked.
        Assert.All(ProgramCatalogue.BuiltIn.All, p => Assert.Empty(ProgramDefinitionValidator.Instance.Validate(p).Errors));
    }

    [Fact]
    public void RomaneBucha()
    {
        var p = Get("eskilstuna-romane-bucha");

        Assert.Equal(("Romane Bucha", "Eskilstuna kommun", 30), (p.Name, p.Owner, p.Places));
        Assert.Equal([LocalizedText.Create("egenmakt (empowerment)", "empowerment")], p.LocalizedMethods!.Value.ToArray());
        Assert.Equal("preparation[-/] employment[10-12/1] exit-support[2-4/]", Phases(p));
        Assert.Equal(new EnrolmentWindow(null, D("2014-12-31")), p.EnrolmentWindow);
        Assert.Equal("resides-in-municipality, working-age, self-declared-target-group, far-from-labour-market", Rules(p.TargetGroup!.Required));
        Assert.Empty(p.TargetGroup.Exceptions);
        Assert.Equal(["Eskilstuna"], p.Municipalities!.Value.ToArray());
        // The owner is not named, the residence rule and the self-declaration are readings (issue 13).
        Assert.Equal(["$.owner", "$.period.implementation.end", "$.targetGroup.required[0]", "$.targetGroup.required[1]", "$.targetGroup.required[2]"], ReadingPaths(p));
        Assert.Contains("2015-12-31 at the earliest", p.TakenAs.Single(t => t.Path == "$.period.implementation.end").Reading);
        Assert.Equal(D("2015-12-31"), p.Schedule.LastEnrolmentRunsUntilAtLeast);
        Assert.Contains("egen försörjning", string.Join(" ", p.StatedBy.Where(q => q.Path == "$.purpose").Select(q => q.Says)));
        Assert.Null(p.Funders);
        Assert.Null(p.Budget);
        Assert.Null(p.Goals);
        Assert.Equal("000_942b5bea9a941790.txt", Assert.Single(p.Sources).File);
    }

    [Theory]
    [InlineData("eskilstuna-nuevo-k2", "Nuevo K2")]
    [InlineData("eskilstuna-jobbtrappan", "Jobbtrappan")]
    public void NuevoK2AndJobbtrappan_StateNothingButTheirWayOfWorking(string id, string name)
    {
        var p = Get(id);

        Assert.Equal(name, p.Name);
        Assert.Equal("activities[-/]", Phases(p));
        Assert.Equal("resides-in-municipality, far-from-labour-market", Rules(p.TargetGroup!.Required));
        Assert.Equal(["Eskilstuna"], p.Municipalities!.Value.ToArray());
        Assert.Equal([LocalizedText.Create("egenmakt (empowerment)", "empowerment")], p.LocalizedMethods!.Value.ToArray());
        Assert.False(p.EnrolmentWindow.IsBounded);
        Assert.Equal((null, null, null, null, null), (p.Owner, p.Places, p.Budget, p.Goals, p.Reports));
        Assert.False(p.Period.IsKnown);
        Assert.Equal(["$.targetGroup.required[0]", "$.phases[0]"], ReadingPaths(p));
    }

    [Fact]
    public void FranUtanforskapTillSysselsattning()
    {
        var p = Get("motala-utanforskap-till-sysselsattning");

        Assert.Equal("Från utanförskap till sysselsättning", p.Name);
        Assert.Contains("Via Ekenäs", p.Owner);
        Assert.Equal(["Delegationen mot segregation"], p.Funders!.Value.ToArray());
        Assert.Equal("coaching[-/]", Phases(p));
        Assert.Equal(new EnrolmentWindow(D("2019-01-01"), D("2020-12-31")), p.EnrolmentWindow);
        Assert.Equal("resides-in-municipality, registered-job-seeker, receives-social-assistance", Rules(p.TargetGroup!.Required));
        Assert.Equal([new ReportDuty(ReportKind.MonthlySummary)], p.Reports!.Value.ToArray());
        Assert.Null(p.Places);
        Assert.False(Assert.Single(p.Goals!.Value).IsMeasurable);

        // The owner, the residence rule and "registered" job seekers are readings; two project leaders, one per administration.
        Assert.Equal(["$.owner", "$.period.implementation", "$.targetGroup.required[0]", "$.targetGroup.required[1]", "$.targetGroup.required[2]", "$.phases[0]"], ReadingPaths(p));
        Assert.Equal(
            new StaffRole("project-leader", 2) { LocalizedDescription = LocalizedText.Create("en från arbetsmarknadsenheten och en från socialförvaltningen", "one from the labour-market unit, one from the social administration") },
            Assert.Single(p.Staff!.Value));
        Assert.Null(Assert.Single(p.Reports!.Value).Recipient);

        // Results as dated facts of the program: the April summary and the article of 28 May 2020.
        Assert.Equal([D("2020-04-30"), D("2020-04-30"), D("2020-05-28"), D("2020-05-28")], p.Findings.Select(f => f.On!.Value));
        Assert.StartsWith("I april ingick 16 personer", p.Findings[0].Says, StringComparison.Ordinal);
        Assert.StartsWith("Av de tio personer", p.Findings[1].Says, StringComparison.Ordinal);
        Assert.StartsWith("Under 2020 har hittills 20 personer", p.Findings[2].Says, StringComparison.Ordinal);
        Assert.StartsWith("Pandemin", p.Findings[3].Says, StringComparison.Ordinal);
        Assert.Contains("the split is not given", p.Findings[1].Text);
    }

    [Fact]
    public void AllIn()
    {
        var p = Get("hallefors-all-in");

        Assert.Equal(("All in", "Hällefors kommun", 648), (p.Name, p.Owner, p.Places));
        Assert.Equal(["Hällefors", "Kumla", "Nora", "Hallsberg", "Degerfors", "Karlskoga", "Ljusnarsberg", "Lindesberg"], p.Municipalities!.Value.ToArray());

        // Partners as the municipalities are called: Hallsbergs, Ljusnarsbergs and Lindesbergs kommun take the genitive s.
        Assert.Equal(["Kumla kommun", "Nora kommun", "Hallsbergs kommun", "Degerfors kommun", "Karlskoga kommun", "Ljusnarsbergs kommun", "Lindesbergs kommun"], p.Partners!.Value.ToArray());
        Assert.Equal(new Budget(50_000_000m, "SEK"), p.Budget);
        Assert.Equal(
            new StaffRole("staff", 2, PerMunicipality: true) { LocalizedDescription = LocalizedText.Create("anställda i varje kommun som arbetar med projektet", "employees of each municipality who work with the project") },
            p.Staff!.Value[0]);
        Assert.Equal(("activity-leader", null), (p.Staff.Value[1].Role, p.Staff.Value[1].Count));
        Assert.Equal(new ProgramPeriod(new DateRange(D("2017-09-01"), D("2018-02-28")), new DateRange(D("2018-03-01"), D("2020-02-29")), new DateRange(D("2020-03-01"), D("2020-05-31"))), p.Period);
        Assert.Equal(new EnrolmentWindow(D("2018-03-01"), D("2020-02-29")), p.EnrolmentWindow);
        Assert.Equal("resides-in-municipality, working-age, newly-arrived, not-in-establishment-program, not-in-job-and-development-guarantee", Rules(p.TargetGroup!.Required));
        Assert.Equal("activities[-/]", Phases(p));
        Assert.Equal(
            [("places", GoalQuantity.Enrolments, 648m), ("women-share", GoalQuantity.WomenShare, 0.5m), ("into-work", GoalQuantity.ExitsIntoWork, 390m)],
            p.Goals!.Value.Select(g => (g.Id, g.Quantity!.Value, g.Target!.Value)));

        // "Maximalt 648 personer ska delta" is a ceiling; the second group of the target group, the 36 months of
        // "newly arrived" and the residence rule are readings (issue 13).
        Assert.Equal([GoalBound.AtMost, GoalBound.AtLeast, GoalBound.AtLeast], p.Goals.Value.Select(g => g.Bound));
        Assert.Equal(
            ["$.period.planning", "$.period.implementation", "$.period.closing", "$.places", "$.targetGroup.required[0]", "$.targetGroup.required[1]",
             "$.targetGroup.required[2]", "$.targetGroup.required[4]", "$.phases[0]", "$.goals[0]"],
            ReadingPaths(p));
        Assert.Equal("Dessutom nyanlända som inte deltar i jobb- och utvecklingsgarantin", p.TakenAs.Single(t => t.Path == "$.targetGroup.required[4]").Says);
        Assert.Equal(2, p.Findings.Length);
        Assert.Contains(p.Findings, f => f.Text.Contains("care and welfare", StringComparison.Ordinal));
        Assert.Contains(p.Findings, f => f.Text.Contains("new solutions and methods", StringComparison.Ordinal));
    }

    [Fact]
    public void RomaneDroma()
    {
        var p = Get("vasteras-romane-droma");

        Assert.Equal("Romane Droma – Romska vägar", p.Name);
        Assert.Equal("Västerås stad, proAros, Fritid förebyggande", p.Owner);
        Assert.Equal("orientation-course?[-/] individual-plan[-/] pathway[-/]", Phases(p));
        Assert.Equal(new EnrolmentWindow(null, D("2014-12-31")), p.EnrolmentWindow);
        Assert.Equal("resides-in-municipality, working-age, self-declared-target-group, far-from-labour-market", Rules(p.TargetGroup!.Required));
        Assert.Equal("completed-orientation-course", Rules(p.TargetGroup.Exceptions));
        // "Iriktningen är att anställa en man och en kvinna": an intention, not a count.
        Assert.Equal([("coach", null), ("bridge-builder", null), ("project-leader", null)], p.Staff!.Value.Select(s => (s.Role, s.Count)));
        Assert.Contains("intention", p.Staff.Value[1].Description);
        Assert.Equal(LocalizedText.Create("samverkansteam runt de berörda deltagarna", "collaboration teams around the individuals concerned"), p.LocalizedMethods!.Value[3]);
        Assert.Equal([new ReportDuty(ReportKind.HalfYearReport), new ReportDuty(ReportKind.FinalReport, "Mälardalens högskola")], p.Reports!.Value.ToArray());
        Assert.All(p.Goals!.Value, g => Assert.False(g.IsMeasurable));
        Assert.Null(p.Places);

        // The four partners, participants (not completers) of the course, and the course as a phase are readings.
        Assert.Equal(
            ["$.partners", "$.period.implementation.end", "$.targetGroup.required[1]", "$.targetGroup.required[2]", "$.targetGroup.exceptions[0]", "$.phases[0]"],
            ReadingPaths(p));
        Assert.Contains("andra viktiga samverkansparter", p.TakenAs[0].Says);
        Assert.Contains(p.Findings, f => f.Says.Contains("en bra start", StringComparison.Ordinal));
        Assert.Contains(p.Findings, f => f.Says.Contains("arbetsmarknads och utbildningsnämnd", StringComparison.Ordinal));
    }

    [Fact]
    public void IopWithVortaDrom()
    {
        var p = Get("helsingborg-vorta-drom");

        Assert.Equal(["Vorta Drom"], p.Partners!.Value.ToArray());
        Assert.Equal("activities[-/]", Phases(p));
        Assert.Equal("resides-in-municipality, self-declared-target-group, receives-social-assistance", Rules(p.TargetGroup!.Required));
        // Bridge builders, coaches, matchers and Po Drom are the city's wider work, not the IOP's own methods.
        Assert.Null(p.Staff);
        Assert.Null(p.Methods);
        Assert.Contains(p.Findings, f => f.Text.Contains("not stated as its own", StringComparison.Ordinal));
        Assert.Equal(["roma-inclusion-strategy-2012-2032", "minority-policy-duties-2019"], p.StrategicGoals!.Value.ToArray());

        // No term stated is unknown, not "open-ended".
        Assert.DoesNotContain("Open-ended", p.Description, StringComparison.Ordinal);
        Assert.Contains("The source states no term", p.Description, StringComparison.Ordinal);
        Assert.False(p.Period.IsKnown);
        Assert.Equal(ProgramStage.Implementation, p.Schedule.StageOn(D("2030-01-01")));
    }

    [Fact]
    public void RomaInclusionStrategy_IsTheNationalFrame()
    {
        var goal = StrategicGoals.RomaInclusion2012To2032;

        Assert.Equal(D("2012-02-16"), goal.Decided);
        Assert.Equal((2012, 2032), (goal.Period.Start!.Value.Year, goal.Period.End!.Value.Year));
        Assert.Contains("turns 20 in 2032", goal.Goal);
    }

    [Fact]
    public void EveryProgram_NamesItsSourceAndMarksItsReadingsWithIt()
    {
        Assert.All(ProgramCatalogue.BuiltIn.All, p =>
        {
            Assert.NotEmpty(p.Sources);
            Assert.All(p.Sources, s => Assert.Matches("^00[0-4]_[0-9a-f]{16}\\.txt$", s.File));
            Assert.All(p.TakenAs, t => Assert.Contains(t.Source, p.Sources.Select(s => s.File)));
        });
    }

    [Fact]
    public void CatalogueFiles_CarryNoEmailAddressOrPhoneNumber()
    {
        foreach (string file in Directory.GetFiles(EmbeddingSampleTest.RepositoryFile("src/InclusionModel/Catalogue"), "*.json"))
        {
            string text = File.ReadAllText(file);
            Assert.DoesNotMatch("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\\.", text);
            Assert.DoesNotMatch(PhoneNumber(), text);
        }
    }

    /// <summary>Every text of a catalogue program people read, with where it is.</summary>
    private static IEnumerable<(string Path, LocalizedText? Text)> Texts(ProgramDefinition p)
    {
        yield return ("description", p.LocalizedDescription);
        yield return ("purpose", p.LocalizedPurpose);
        yield return ("targetGroup.description", p.TargetGroup?.LocalizedDescription);
        foreach (var s in p.Staff ?? []) yield return ($"staff {s.Role}", s.LocalizedDescription);
        foreach (var g in p.Goals ?? []) yield return ($"goal {g.Id}", g.LocalizedDescription);
        foreach (var t in p.TakenAs) yield return ($"reading {t.Path}", t.LocalizedReading);
        foreach (var f in p.Findings) yield return ("finding", f.LocalizedText);
    }

    [Fact]
    public void EveryCatalogueText_IsInSwedishAndEnglish_SoNoSwedishReaderMeetsEnglish()
    {
        var missing = ProgramCatalogue.BuiltIn.All
            .SelectMany(p => Texts(p).Where(t => t.Text is not null && (t.Text.IsPlain || t.Text.Swedish is null || t.Text.English is null)).Select(t => $"{p.Id}: {t.Path}"))
            .ToArray();

        Assert.Empty(missing);
        Assert.True(ProgramCatalogue.BuiltIn.All.All(p => p.LocalizedDescription is not null && p.LocalizedPurpose is not null));
    }

    [Fact]
    public void EveryCatalogueText_UnderSwedish_IsTheSwedishText()
    {
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("sv-SE");
            Assert.All(ProgramCatalogue.BuiltIn.All, p =>
            {
                Assert.Equal(p.LocalizedDescription!.Swedish, p.Description);
                Assert.Equal(p.LocalizedPurpose!.Swedish, p.Purpose);
                Assert.All(p.TakenAs, t => Assert.Equal(t.LocalizedReading.Swedish, t.Reading));
                Assert.All(p.Findings, f => Assert.Equal(f.LocalizedText.Swedish, f.Text));
                Assert.All(Texts(p).Where(t => t.Text is not null), t => Assert.NotEqual(t.Text!.English, t.Text.ToString()));
            });
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void CatalogueFiles_GiveSwedishFirst()
    {
        foreach (string file in Directory.GetFiles(EmbeddingSampleTest.RepositoryFile("src/InclusionModel/Catalogue"), "*.json"))
        {
            string text = File.ReadAllText(file);
            Assert.DoesNotMatch(@"""en"": ""[^""]*"",\s*""sv"":", text);
            Assert.Matches(@"""sv"": ""[^""]*"",\s*""en"":", text);
        }
    }

    [Fact]
    public void Get_UnknownId_ThrowsKeyNotFound()
    {
        Assert.Throws<KeyNotFoundException>(() => ProgramCatalogue.BuiltIn.Get("stockholm"));
    }

    [GeneratedRegex(@"\b0\d{1,3}[- ]?\d{2,3}[ ]?\d{2}[ ]?\d{2}\b")]
    private static partial Regex PhoneNumber();
}
