using InclusionModel.Programs;
using static InclusionModel.Tests.TestData;

namespace InclusionModel.Tests.Programs;

/// <summary>Pins the facts of DOMAIN.md's catalogue that the lifecycle engine uses.</summary>
public class ProgramCatalogueTest
{
    private static string Phases(ProgramDefinition p)
        => string.Join(" ", p.Phases.Select(ph => $"{ph.Id}{(ph.IsOptional ? "?" : "")}[{ph.MinimumMonths}-{ph.MaximumMonths}/{ph.MaxStudyDaysPerWeek}]"));

    [Fact]
    public void Ids_AreTheProgramsOfTheSources()
    {
        Assert.Equal(
            ["eskilstuna-jobbtrappan", "eskilstuna-nuevo-k2", "eskilstuna-romane-bucha", "hallefors-all-in",
             "helsingborg-vorta-drom", "motala-utanforskap-till-sysselsattning", "vasteras-romane-droma"],
            ProgramCatalogue.Ids);
    }

    [Theory]
    [InlineData("eskilstuna-romane-bucha", "preparation[-/] employment[10-12/1] exit-support[2-4/]", null, "2014-12-31", 30)]
    [InlineData("eskilstuna-nuevo-k2", "activities[-/]", null, null, null)]
    [InlineData("eskilstuna-jobbtrappan", "activities[-/]", null, null, null)]
    [InlineData("motala-utanforskap-till-sysselsattning", "coaching[-/]", "2019-01-01", "2020-12-31", null)]
    [InlineData("hallefors-all-in", "activities[-/]", "2018-03-01", "2020-02-29", 648)]
    [InlineData("vasteras-romane-droma", "orientation-course?[-/] individual-plan[-/] pathway[-/]", null, "2014-12-31", null)]
    [InlineData("helsingborg-vorta-drom", "activities[-/]", null, null, null)]
    public void Program_HasTheFactsOfDomainMd(string id, string phases, string? windowStart, string? windowEnd, int? places)
    {
        var program = ProgramCatalogue.BuiltIn.Get(id);

        Assert.Equal(phases, Phases(program));
        Assert.Equal(windowStart is null ? null : D(windowStart), program.EnrolmentWindow.Start);
        Assert.Equal(windowEnd is null ? null : D(windowEnd), program.EnrolmentWindow.End);
        Assert.Equal(places, program.Places);
    }

    [Fact]
    public void Get_UnknownId_ThrowsKeyNotFound()
    {
        Assert.Throws<KeyNotFoundException>(() => ProgramCatalogue.BuiltIn.Get("stockholm"));
    }
}
