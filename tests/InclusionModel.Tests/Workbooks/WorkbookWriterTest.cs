using System.Globalization;
using InclusionModel.Programs;
using InclusionModel.Reports;
using InclusionModel.Runs;
using InclusionModel.Tests.Docs;
using InclusionModel.Workbooks;
using NodaTime;

namespace InclusionModel.Tests.Workbooks;

/// <summary>The workbook of issue 24, read back in process with DocumentFormat.OpenXml: its sheets, its cells' types and formats, and its bytes.</summary>
public sealed class WorkbookWriterTest
{
    /// <summary>A report built by hand: 16 participants, 9 of them women (9/16 = 0.5625), a share goal and a count goal.</summary>
    private static readonly ProgramReport ByHand = new()
    {
        Program = "test-program",
        Period = ReportPeriod.Month(new YearMonth(2020, 4)),
        Participants = 16,
        ByGender = [new BreakdownCell("woman", 9), new BreakdownCell("man", 7)],
        Entered = 3,
        Goals =
        [
            new GoalProgress("women-share", GoalQuantity.WomenShare, 0.5m, 0.5625m, GoalStatus.OnTrack, new GoalProjection(0.5625m, 0.3501m, 0.7523m, new LocalDate(2020, 12, 31)), null),
            new GoalProgress("places", GoalQuantity.Enrolments, 30m, 12m, GoalStatus.AtRisk, new GoalProjection(20.5m, 14m, 27.2m, new LocalDate(2020, 12, 31)), null),
        ],
    };

    private static byte[] Workbook(Action<Stream> write, string language = "sv")
    {
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = language == "sv" ? new CultureInfo("sv-SE") : CultureInfo.InvariantCulture;
        try
        {
            using var buffer = new MemoryStream();
            write(buffer);
            return buffer.ToArray();
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    [Fact]
    public void WriteReport_Swedish_IsTheSnapshot()
    {
        // Worked out by hand from the report above and the Swedish words of docs/domain.md: 2020-12-31 is day 44196
        // of the 1900 date system (2020-01-01 is 43831, and 2020 has 366 days).
        string expected = """
            == Siffror
            1: Månadsrapport: Testprogram (test-program), 1–30 april 2020
            3: Mått | Antal | Namn i JSON och CSV
            4: Rader i filen
            5: Lästa | #0 | records.read
            6: För projektet | #0 | records.ofProgram
            7: För andra projekt | #0 | records.otherPrograms
            8: Upprepade rader för samma deltagare | #0 | records.duplicates
            9: Ogiltiga | #0 | records.invalid
            10: Felformade | #0 | records.malformed
            11: Deltagare | #16 | participants.total
            12: Deltagare efter kön
            13: Kvinnor | #9 | participants.byGender.woman
            14: Män | #7 | participants.byGender.man
            15: Inskrivningar under perioden | #3 | entered
            16: Avslut under perioden | #0 | exited.total
            17: Avslut till egen försörjning | #0 | exited.selfSupporting
            18: Deltagare med anställningsintervju | #0 | jobInterviews.participants
            19: varav anställda | #0 | jobInterviews.hired
            20: Uppföljningar | #0 | followUps.total
            == Mål
            1: Månadsrapport: Testprogram (test-program), 1–30 april 2020
            3: Mål | Målvärde | Utfall sedan projektstart | Läge | Prognos | Prognos, lägst (90-procentigt intervall) | Prognos, högst (90-procentigt intervall) | Prognosdatum | Namn i JSON och CSV
            4: Andel kvinnor | 0.5% | 0.5625% | enligt plan | 0.5625% | 0.3501% | 0.7523% | date:44196 | goals.women-share
            5: Platstak | #30 | #12 | nås inte i nuvarande takt | #20.5 | #14 | #27.2 | date:44196 | goals.places

            """;

        string dump = WorkbookCells.Dump(Workbook(s => WorkbookWriter.WriteReport(ByHand, "Testprogram", s)));

        Assert.Equal(expected, dump);
    }

    [Fact]
    public void WriteReport_CountsAndTheirProjections_AreShownWhole_SharesAsPerCent()
    {
        // Issue 24, finding 33: a projection of 20.5 is kept exact but shown 21 (format 0), as the text report shows it
        var goals = WorkbookCells.Read(Workbook(s => WorkbookWriter.WriteReport(ByHand, "Testprogram", s)))[1].Cells;

        Assert.Equal((20.5m, 1u), (goals["E5"].Number, goals["E5"].NumberFormat));
        Assert.Equal([1u, 1u, 1u, 1u, 1u], new[] { "B5", "C5", "E5", "F5", "G5" }.Select(c => goals[c].NumberFormat));
        Assert.Equal(10u, goals["E4"].NumberFormat);
    }

    [Fact]
    public void WriteReport_English_HasEnglishHeadingsAndTheSameNumbers()
    {
        var sheets = WorkbookCells.Read(Workbook(s => WorkbookWriter.WriteReport(ByHand, "Test program", s), "en"));

        Assert.Equal(["Figures", "Goals"], sheets.Select(s => s.Name));
        Assert.Equal("Monthly report: Test program (test-program), 1–30 April 2020", sheets[0].Cells["A1"].Text);
        Assert.Equal(("Participants", 16m), (sheets[0].Cells["A11"].Text, sheets[0].Cells["B11"].Number));
        Assert.Equal(("Share of women", 0.5625m, 10u), (sheets[1].Cells["A4"].Text, sheets[1].Cells["C4"].Number, sheets[1].Cells["C4"].NumberFormat));
    }

    [Fact]
    public void WriteReport_Publication_MasksExactlyWhereTheJsonDoes_AndCountsAreNumbers()
    {
        var allIn = ProgramCatalogue.BuiltIn.Get("hallefors-all-in");
        using var input = File.OpenRead(EmbeddingSampleTest.RepositoryFile("samples/all-in.ndjson"));
        var report = new NdjsonReport().Run(input, allIn, ReportPeriod.Month(new YearMonth(2018, 7)));
        var options = new ReportOptions(Publication: true);

        var figures = WorkbookCells.Read(Workbook(s => WorkbookWriter.WriteReport(report, allIn.Name, s, options)))[0].Cells;
        var masked = ReportWriter.MaskedFigures(report, options);
        var rows = ReportWriter.Rows(report, options).Where(r => !r.Figure.StartsWith("goals.", StringComparison.Ordinal)).ToList();

        // Each figure's row: column C names it, column B holds its value.
        var valueOf = figures.Values.Where(c => c.Reference[0] == 'C' && rows.Any(r => r.Figure == c.Text)).ToDictionary(c => c.Text, c => figures["B" + c.Reference[1..]]);
        Assert.Equal(rows.Count, valueOf.Count); // every published figure has its row
        Assert.NotEmpty(masked);
        foreach (var row in rows)
        {
            var cell = valueOf[row.Figure];
            if (masked.Contains(row.Figure))
            {
                Assert.Equal((false, ".."), (cell.IsNumber, cell.Text));
            }
            else
            {
                Assert.Equal((true, decimal.Parse(row.Value, CultureInfo.InvariantCulture)), (cell.IsNumber, cell.Number));
            }
        }

        Assert.DoesNotContain(figures.Values, c => c.Text.StartsWith("records.", StringComparison.Ordinal)); // lines, not people: left out of a publication
    }

    [Fact]
    public void WriteReport_SpecialCategory_PutsTheNoticeFirstOnEverySheet()
    {
        var bucha = ProgramCatalogue.BuiltIn.Get("eskilstuna-romane-bucha");
        var report = ByHand with { Program = bucha.Id, SpecialCategoryData = true };

        var sheets = WorkbookCells.Read(Workbook(s => WorkbookWriter.WriteReport(report, bucha.Name, s)));

        Assert.All(sheets, s => Assert.StartsWith("OBS! Utskriften innehåller känsliga personuppgifter", s.Cells["A1"].Text, StringComparison.Ordinal));
        Assert.All(sheets, s => Assert.StartsWith("Månadsrapport: ", s.Cells["A2"].Text, StringComparison.Ordinal));
    }

    [Fact]
    public void WriteReport_SameInput_SameBytes()
    {
        byte[] first = Workbook(s => WorkbookWriter.WriteReport(ByHand, "Testprogram", s));
        Thread.Sleep(2100); // a ZIP time has two-second steps: a time taken from the clock would show
        byte[] second = Workbook(s => WorkbookWriter.WriteReport(ByHand, "Testprogram", s));

        Assert.Equal(first, second);
    }

    [Fact]
    public void WriteReport_ToAStreamThatCannotSeek_IsTheSameBytes()
    {
        byte[] buffered = Workbook(s => WorkbookWriter.WriteReport(ByHand, "Testprogram", s));
        using var pipe = new MemoryStream();
        Workbook(s => WorkbookWriter.WriteReport(ByHand, "Testprogram", new ForwardOnlyOutput(pipe)));

        Assert.Equal(buffered, pipe.ToArray());
    }

    [Fact]
    public void WriteReport_IsAValidWorkbook_ByTheOpenXmlSchemas()
    {
        byte[] workbook = Workbook(s => WorkbookWriter.WriteReport(ByHand with { SpecialCategoryData = true }, "Testprogram", s, new ReportOptions(Publication: true)));
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(workbook), false);

        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}");

        Assert.Empty(errors);
    }

    [Fact]
    public void ComparisonWorkbook_KeptChanges_AreTheWorkbookOfTheChanges()
    {
        var baseline = ProgramCatalogue.BuiltIn.Get("eskilstuna-romane-bucha");
        var candidate = ProgramDefinitionJson.Parse(File.ReadAllBytes(EmbeddingSampleTest.RepositoryFile("samples/programs/romane-bucha-employment-14.json"))).Program!;
        var impact = new InclusionModel.RuleChanges.RuleChangeImpact(baseline, candidate);
        var changes = new List<InclusionModel.RuleChanges.VerdictChange>();
        using var kept = new ComparisonWorkbook();
        InclusionModel.RuleChanges.RuleChangeResult result;
        using (var input = File.OpenRead(EmbeddingSampleTest.RepositoryFile("samples/histories.ndjson")))
        {
            result = impact.CompareHistories(input, new LocalDate(2015, 6, 1), c =>
            {
                changes.Add(c);
                kept.Histories(c);
            });
        }

        byte[] fromList = Workbook(s => WorkbookWriter.WriteComparison(result, baseline.Name, changes, s));
        byte[] fromFile = Workbook(s => kept.WriteHistories(result, baseline.Name, s));

        Assert.NotEmpty(changes);
        Assert.Equal(fromList, fromFile);
        var rows = WorkbookCells.Read(fromFile)[1].Cells.Values.Where(c => c.Reference[0] == 'A' && c.IsNumber).Select(c => (long)c.Number);
        Assert.Equal(changes.Select(c => c.Line), rows.Order());
    }

    [Fact]
    public void Sheet_OverItsRowLimit_SaysHowManyMoreRowsThereWere()
    {
        var sheet = new Sheet("s") { RowLimit = 10 };
        sheet.Begin(null, "title"); // 2 rows
        sheet.AddAll(Enumerable.Range(1, 20), n => [SheetCell.Count(n)]);

        var rows = Workbook(s => XlsxPackage.Write([sheet], s), "en");
        var cells = WorkbookCells.Read(rows)[0].Cells;

        // 10 rows: the title, an empty row, 7 numbers (1 to 7), and the note of the 13 left out.
        Assert.Equal(Enumerable.Range(1, 7).Select(n => (decimal)n), Enumerable.Range(3, 7).Select(r => cells[$"A{r}"].Number));
        Assert.Equal("13 more rows are not shown: a sheet holds at most 10 rows (the JSON has them all)", cells["A10"].Text);
        Assert.False(cells.ContainsKey("A11"));
    }

    [Fact]
    public void Sheet_OneRowOverItsLimit_SaysSoInTheSingular_GroupingLargeNumbersAsSwedishDoes()
    {
        var sheet = new Sheet("s") { RowLimit = 12_000 };
        sheet.AddAll(Enumerable.Range(1, 12_000), n => [SheetCell.Count(n)]);

        var cells = WorkbookCells.Read(Workbook(s => XlsxPackage.Write([sheet], s)))[0].Cells;

        Assert.Equal(11_999m, cells["A11999"].Number);
        Assert.Equal("Ytterligare 1 rad visas inte: ett blad rymmer högst 12\u00A0000 rader (JSON-formatet har alla)", cells["A12000"].Text);
        Assert.False(cells.ContainsKey("A12001"));
    }

    [Fact]
    public void WriteReport_ControlCharactersInAName_DoNotBreakTheXml()
    {
        var sheets = WorkbookCells.Read(Workbook(s => WorkbookWriter.WriteReport(ByHand, "Test\u0001program", s)));

        Assert.Contains("Test\uFFFDprogram", sheets[0].Cells["A1"].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void WorkbookTexts_HaveBothLanguages_WithTheSamePlaceholders()
    {
        Assert.All(WorkbookTexts.All, t =>
        {
            Assert.False(string.IsNullOrWhiteSpace(t.En), t.Key);
            Assert.False(string.IsNullOrWhiteSpace(t.Sv), t.Key);
            Assert.Equal(Placeholders(t.En), Placeholders(t.Sv));
        });

        static string[] Placeholders(string text) => [.. System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).Order(StringComparer.Ordinal)];
    }
}
