using InclusionModel.Tests.Cli;
using InclusionModel.Tests.Docs;

namespace InclusionModel.Tests.Workbooks;

/// <summary><c>--format xlsx</c> of <c>report</c> and <c>compare</c>: a workbook on standard output where it is redirected, a one-line refusal on a terminal.</summary>
public sealed class WorkbookCommandTest
{
    private static readonly string Motala = EmbeddingSampleTest.RepositoryFile("samples/motala-2020.ndjson");
    private static readonly string Histories = EmbeddingSampleTest.RepositoryFile("samples/histories.ndjson");
    private static readonly string Candidate = EmbeddingSampleTest.RepositoryFile("samples/programs/romane-bucha-employment-14.json");

    [Fact]
    public void Report_Xlsx_WritesTheWorkbook_WithTheReportsFigures()
    {
        var (code, workbook, error) = CliRun.RunBinary(["report", Motala, "--program", "motala-utanforskap-till-sysselsattning", "--month", "2020-04", "--format", "xlsx"]);

        Assert.Equal((0, ""), (code, error));
        var figures = WorkbookCells.Read(workbook)[0].Cells;
        var women = figures.Values.Single(c => c.Text == "participants.byGender.woman");
        Assert.Equal((true, 8m), (figures["B" + women.Reference[1..]].IsNumber, figures["B" + women.Reference[1..]].Number)); // 8 women, as the JSON test of the report says
    }

    /// <summary>The Swedish workbook of Motala's April 2020 as text (sheet names, then each row's cells), a snapshot a Swedish reader has read beside the text report's (Language/Snapshots).</summary>
    [Fact]
    public void Report_Xlsx_Swedish_IsTheReadSnapshot()
    {
        var (code, workbook, _) = CliRun.RunBinary(["report", Motala, "--program", "motala-utanforskap-till-sysselsattning", "--month", "2020-04", "--format", "xlsx", "--language", "sv"]);
        string dump = WorkbookCells.Dump(workbook);
        string snapshot = EmbeddingSampleTest.RepositoryFile("tests/InclusionModel.Tests/Language/Snapshots/report-month.xlsx.sv.txt");
        if (Environment.GetEnvironmentVariable("INCLUSION_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(snapshot, dump);
        }

        Assert.Equal(0, code);
        Assert.Equal(File.ReadAllText(snapshot), dump);
    }

    [Fact]
    public void Report_Xlsx_OnATerminal_StopsWithExit2_BeforeReadingInput()
    {
        var (code, workbook, error) = CliRun.RunBinary(["report", "no-such-file.ndjson", "--program", "motala-utanforskap-till-sysselsattning", "--month", "2020-04", "--format", "xlsx"], outputIsTerminal: true);

        Assert.Equal(2, code);
        Assert.Empty(workbook);
        Assert.Equal("inclusion: --format xlsx writes a workbook, which a terminal cannot show: redirect standard output to a file (> report.xlsx) or another program (|)\n", error);
    }

    [Fact]
    public void Compare_Xlsx_ExitsAsJsonDoes_AndHasASheetPerTable()
    {
        string[] args = ["compare", Histories, "--candidate", Candidate, "--as-of", "2021-06-30"];
        var json = CliRun.Run([.. args, "--format", "json"]);
        var (code, workbook, _) = CliRun.RunBinary([.. args, "--format", "xlsx", "--language", "sv"]);

        Assert.Equal(json.ExitCode, code);
        var sheets = WorkbookCells.Read(workbook);
        Assert.Equal(["Sammanfattning", "Ändringar", "Siffror"], sheets.Select(s => s.Name));
        var summary = sheets[0].Cells;
        long changed = json.Json.GetProperty("summary").GetProperty("changed").GetInt64();
        var changedRow = summary.Values.Single(c => c.Text == "Valideringsresultat som ändras");
        Assert.Equal(changed, summary["B" + changedRow.Reference[1..]].Number);
        Assert.Equal(json.Json.GetProperty("changes").GetArrayLength(), sheets[1].Cells.Values.Count(c => c.Reference[0] == 'A' && c.IsNumber)); // a row per change, its line a number
        Assert.Equal(json.Json.GetProperty("figures").GetArrayLength(), sheets[2].Cells.Values.Count(c => c.Reference[0] == 'D' && c.Text != "Namn i JSON och CSV"));
    }

    [Fact]
    public void ComparePeople_Xlsx_HasTheSummaryAndARowPerChangedDecision()
    {
        string[] args = ["compare", EmbeddingSampleTest.RepositoryFile("samples/people.ndjson"), "--people", "--candidate", EmbeddingSampleTest.RepositoryFile("samples/programs/all-in-under-26.json")];
        var json = CliRun.Run([.. args, "--format", "json"]);
        var (code, workbook, _) = CliRun.RunBinary([.. args, "--format", "xlsx"]);

        Assert.Equal(json.ExitCode, code);
        var sheets = WorkbookCells.Read(workbook);
        Assert.Equal(["Summary", "Changes"], sheets.Select(s => s.Name));
        var lines = json.Json.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("line").GetInt64()).ToList();
        Assert.NotEmpty(lines);
        Assert.Equal(lines, sheets[1].Cells.Values.Where(c => c.Reference[0] == 'A' && c.IsNumber).OrderBy(c => int.Parse(c.Reference[1..], System.Globalization.CultureInfo.InvariantCulture)).Select(c => (long)c.Number));
    }

    [Fact]
    public void Compare_Xlsx_OnATerminal_StopsWithExit2()
    {
        var (code, _, error) = CliRun.RunBinary(["compare", Histories, "--candidate", Candidate, "--as-of", "2021-06-30", "--format", "xlsx", "--language", "sv"], outputIsTerminal: true);

        Assert.Equal(2, code);
        Assert.StartsWith("inclusion: --format xlsx skriver en arbetsbok", error, StringComparison.Ordinal);
    }
}
