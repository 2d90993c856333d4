using InclusionModel.Programs;
using InclusionModel.Reports;
using InclusionModel.Runs;
using InclusionModel.Tests.Cli;
using NodaTime;

namespace InclusionModel.Tests.Docs;

/// <summary>docs/reports.md shows the commands' real output and the chart the library draws; INCLUSION_UPDATE_DOCS=1 redraws the chart.</summary>
public class ReportsDocTest
{
    private static string Doc => File.ReadAllText(EmbeddingSampleTest.RepositoryFile("docs/reports.md")).ReplaceLineEndings("\n");

    [Fact]
    public void Chart_IsTheOneTheLibraryDrawsForTheSample()
    {
        using var input = File.OpenRead(EmbeddingSampleTest.RepositoryFile("samples/all-in.ndjson"));
        var allIn = ProgramCatalogue.BuiltIn.Get("hallefors-all-in");
        var report = new NdjsonReport().Run(input, allIn, ReportPeriod.Month(new YearMonth(2019, 6)));
        string expected = GoalChart.ToSvg(report, allIn.Name);
        string path = EmbeddingSampleTest.RepositoryFile("docs/reports-goals.svg");
        if (Environment.GetEnvironmentVariable("INCLUSION_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.Equal(expected, File.ReadAllText(path).ReplaceLineEndings("\n"));
        Assert.Contains("![", Doc);
        Assert.Contains("(reports-goals.svg)", Doc);
    }

    [Theory]
    [InlineData("report samples/motala-2020.ndjson --program motala-utanforskap-till-sysselsattning --month 2020-04")]
    [InlineData("report samples/all-in.ndjson --program hallefors-all-in --month 2019-06")]
    public void Doc_ShowsWhatTheCommandPrints(string command) => DocCommand.AssertShown(Doc, command);
}
