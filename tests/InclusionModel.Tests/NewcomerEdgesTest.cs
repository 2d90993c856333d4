using System.Globalization;
using InclusionModel.Histories;
using InclusionModel.Programs;
using InclusionModel.Testing;
using InclusionModel.Validation;
using NodaTime;

namespace InclusionModel.Tests;

/// <summary>Issue 25's rough edges, pinned: ToString that reads, one numbering, no default that drops a marking, samples within places, every guide listed.</summary>
public class NewcomerEdgesTest
{
    [Fact]
    public void ValidationSummary_ToString_ReadsAsTheTextReportEnds()
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        try
        {
            Assert.Equal("19 records: 8 valid, 10 invalid, 1 malformed (as of 2021-06-30)", new ValidationSummary(new LocalDate(2021, 6, 30), 19, 8, 10, 1).ToString());
            Assert.Equal("1 record: 1 valid, 0 invalid, 0 malformed (as of 2012-12-01)", new ValidationSummary(new LocalDate(2012, 12, 1), 1, 1, 0, 0).ToString());
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void Violation_ToString_NumbersEventsAsEventIndexDoes()
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        try
        {
            // Events: referred 0, assessed 1, enrolled 2, phase-started 3, exited 4 (completed, without an outcome).
            var history = new HistoryReader().Read("""{"participant":"p-0042","program":"eskilstuna-romane-bucha","events":[{"on":"2012-02-01","type":"referred"},{"on":"2012-02-10","type":"assessed","eligible":true},{"on":"2012-02-15","type":"enrolled"},{"on":"2012-02-15","type":"phase-started","phase":"preparation"},{"on":"2012-03-01","type":"exited","reason":"completed"}]}""").GetValueOrThrow();

            var outcome = new HistoryValidator().Validate(history, new LocalDate(2012, 12, 1)).Violations.Single(v => v.RuleId == "outcome-required");

            Assert.Equal(4, outcome.EventIndex);
            Assert.StartsWith("Outcome missing (outcome-required) at event 4 (2012-03-01): ", outcome.ToString());
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void IValidationSink_SpecialCategoryData_HasNoDefaultThatDropsTheMarking()
        => Assert.True(typeof(IValidationSink).GetMethod(nameof(IValidationSink.SpecialCategoryData))!.IsAbstract);

    [Fact]
    public void HistoryGeneratorsSample_ProgramWithFivePlaces_EnrolsAtMostFive()
    {
        var fivePlaces = ProgramDefinitionBuilder.From(ProgramCatalogue.BuiltIn.Get("eskilstuna-romane-bucha")).WithPlaces(5).Build();

        var sample = HistoryGenerators.Sample(fivePlaces, 60, seed: 1);

        Assert.Equal(60, sample.Count);
        Assert.InRange(sample.Sum(g => g.History.Events.Count(e => e.Type == EventType.Enrolled)), 0, 5);
        Assert.Equal(60, sample.Select(g => g.History.Participant).Distinct().Count());
    }

    [Fact]
    public void LibraryPackagePage_ListsEveryGuide()
    {
        string page = File.ReadAllText(Docs.EmbeddingSampleTest.RepositoryFile("src/InclusionModel/PACKAGE.md"));
        var guides = Directory.GetFiles(Docs.EmbeddingSampleTest.RepositoryFile("docs"), "*.md").Select(Path.GetFileName).Where(f => f != "index.md");

        Assert.All(guides, guide => Assert.Contains($"docs/{guide}", page));
    }
}
