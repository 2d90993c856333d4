using InclusionModel.Histories;
using InclusionModel.Programs;
using InclusionModel.Reports;
using InclusionModel.Runs;
using InclusionModel.Validation;

namespace InclusionModel.Tests;

/// <summary>What a newcomer trips over, pinned: the compiler's nullability, disposal, ToString, and library messages free of command-line options.</summary>
public class NewcomerApiTest
{
    [Fact]
    public void SuccessTellsTheCompilerThatTheValueIsThere()
    {
        var result = new HistoryReader().Read(File.ReadLines(Path.Combine(AppContext.BaseDirectory, "samples", "histories.ndjson")).First());
        var definition = ProgramDefinitionJson.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "programs", "orebro-steget.json")));

        // No '!' needed: with warnings as errors, this compiles only because Success carries MemberNotNullWhen.
        Assert.True(result.Success && result.Value.Participant.Length > 0);
        Assert.True(definition.Success && definition.Program.Id.Length > 0);
        var failed = new HistoryReader().Read("{}");
        Assert.True(!failed.Success && failed.Reason.Length > 0);
    }

    [Fact]
    public void BothValidationWriters_AreDisposedTheSameWay()
    {
        using var text = new TextValidationReportWriter(new StringWriter());
        using var json = new JsonValidationReportWriter(new MemoryStream());

        Assert.IsAssignableFrom<IDisposable>(text);
        Assert.IsAssignableFrom<IDisposable>(json);
    }

    [Fact]
    public void AReport_SaysWhatItIs()
    {
        var motala = ProgramCatalogue.BuiltIn.Get("motala-utanforskap-till-sysselsattning");
        var report = new NdjsonReport().Run(File.OpenRead(Path.Combine(AppContext.BaseDirectory, "samples", "motala-2020.ndjson")), motala, ReportPeriod.Month(new NodaTime.YearMonth(2020, 4)));

        Assert.StartsWith("motala-utanforskap-till-sysselsattning 2020-04-01 to 2020-04-30: 16 participants, ", report.ToString());
    }

    [Fact]
    public void LibraryMessages_NeverNameCommandLineOptions()
    {
        var e = Assert.Throws<ArgumentException>(() => ReportPeriod.Final(ProgramCatalogue.BuiltIn.Get("helsingborg-vorta-drom")));

        Assert.DoesNotContain("--", e.Message);
    }
}
