using System.Collections.Immutable;
using InclusionModel.Privacy;
using InclusionModel.Programs;
using InclusionModel.Reports;
using InclusionModel.RuleChanges;

namespace InclusionModel.Workbooks;

/// <summary>
/// Writes a report or a comparison as an Office Open XML workbook (<c>.xlsx</c>, issue 24): one sheet per table,
/// headings in the language of <see cref="System.Globalization.CultureInfo.CurrentUICulture"/> (<c>sv</c> gives
/// Swedish, anything else English), counts as numbers, shares as numbers with a per-cent format, dates as dates
/// (shown <c>yyyy-mm-dd</c>), a suppressed figure of publication mode as the text <c>..</c> exactly where the
/// JSON, CSV and text mask it, and the special-category notice in the first row of every sheet where it applies.
/// The same input gives the same bytes: the package carries no date or time of its own.
/// </summary>
public static class WorkbookWriter
{
    /// <summary>The media type of a workbook: <c>application/vnd.openxmlformats-officedocument.spreadsheetml.sheet</c>.</summary>
    public const string MediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// Writes a report as a workbook with the sheets of <see cref="ReportWriter.Tables(ProgramReport, ReportOptions?)"/>: the figures (labelled rows
    /// under their headings, each with its name in JSON and CSV) and the goals (target, actual value, status and
    /// projection). Each sheet begins with the special-category notice where it applies and the report's title.
    /// </summary>
    /// <param name="report">The report.</param>
    /// <param name="programName">The program's name, for the title.</param>
    /// <param name="output">Where to write; written once, from start to end, and flushed (not closed).</param>
    /// <param name="options">The options: publication mode shows only published figures, as every other format does.</param>
    /// <exception cref="ArgumentNullException">An argument is <c>null</c>.</exception>
    public static void WriteReport(ProgramReport report, string programName, Stream output, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(programName);
        Write(report, programName, null, output, options);
    }

    /// <summary>
    /// Writes <paramref name="report"/> as <see cref="WriteReport(ProgramReport, string, Stream, ReportOptions?)"/>
    /// does, titled with <paramref name="program"/>'s name, and with its goals in words under the goals (the row
    /// "Arbete eller studier – ej mätbart mål" the text report has, issue 24).
    /// </summary>
    /// <param name="report">The report.</param>
    /// <param name="program">The program the report is of.</param>
    /// <param name="output">Where to write; written once, from start to end, and flushed (not closed).</param>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentNullException">An argument is <c>null</c>.</exception>
    public static void WriteReport(ProgramReport report, ProgramDefinition program, Stream output, ReportOptions? options)
    {
        ArgumentNullException.ThrowIfNull(program);
        Write(report, program.Name, program, output, options);
    }

    private static void Write(ProgramReport report, string programName, ProgramDefinition? program, Stream output, ReportOptions? options)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        string? notice = report.SpecialCategoryData ? SpecialCategoryData.TextLine([report.Program]) : null;
        string title = ReportWriter.Title(report, programName, options);
        string name = WorkbookTexts.Get("column.name");
        var sheets = new List<Sheet>();
        foreach (var table in ReportWriter.Tables(report, program, options))
        {
            var sheet = new Sheet(table.Heading, [36, .. table.Columns.Skip(1).Select(_ => 16.0), 30]);
            sheet.Begin(notice, title, ReportWriter.PublicationNote(options));
            sheet.Add([.. table.Columns.Select(SheetCell.Heading), SheetCell.Heading(name)]);
            string? group = null;
            foreach (var row in table.Rows)
            {
                if (row.Group is not null && row.Group != group)
                {
                    sheet.Add(SheetCell.Heading(row.Group));
                }

                group = row.Group;
                sheet.Add([row.Group is null ? SheetCell.Of(row.Label) : SheetCell.Indented(row.Label), .. row.Values.Select(Cell), SheetCell.Of(row.Figure)]);
            }

            sheets.Add(sheet);
        }

        XlsxPackage.Write(sheets, output);
    }

    /// <summary>
    /// Writes a comparison of histories (<c>inclusion compare</c>, docs/interchange-contract.md §7) as a workbook: a
    /// summary (the counts and the definition's changed fields), the records whose verdict changes, and the
    /// report's figures that move.
    /// </summary>
    /// <param name="result">What the comparison found.</param>
    /// <param name="programName">The program's name, for the title.</param>
    /// <param name="changes">The records whose verdict changes, in line order (as <see cref="RuleChangeImpact.CompareHistories"/> reports them); a participant id is written as the JSON writes it, an identity number withheld.</param>
    /// <param name="output">Where to write; flushed, not closed.</param>
    /// <exception cref="ArgumentNullException">An argument is <c>null</c>.</exception>
    public static void WriteComparison(RuleChangeResult result, string programName, IEnumerable<VerdictChange> changes, Stream output)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(programName);
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(output);
        string? notice = result.SpecialCategoryData ? SpecialCategoryData.TextLine([result.Program]) : null;
        string title = WorkbookTexts.Format("compare.title", programName, result.Program, IsoDate(result.AsOf));

        var summary = Summary(notice, title, result.Definition,
            [("summary.read", result.Read), ("summary.of-program", result.OfProgram), ("summary.changed", result.Changed), ("summary.now-valid", result.NowValid), ("summary.now-invalid", result.NowInvalid)],
            sheet =>
            {
                sheet.Add();
                sheet.Add(SheetCell.Of(WorkbookTexts.Get("summary.figures-as-of")), SheetCell.On(result.BaselineReport.Period.To));
            });

        var changed = new Sheet(WorkbookTexts.Get("sheet.changes"), 10, 24, 18, 36, 18, 36);
        changed.Begin(notice, title);
        changed.Add([.. new[] { "column.line", "column.participant", "column.baseline-verdict", "column.baseline-rules", "column.candidate-verdict", "column.candidate-rules" }.Select(k => SheetCell.Heading(WorkbookTexts.Get(k)))]);
        changed.AddAll(changes, c => [SheetCell.Count(c.Line), .. ChangeTexts(c).Select(SheetCell.Of)]);

        var figures = new Sheet(WorkbookTexts.Get("sheet.figures"), 48, 16, 16, 36);
        figures.Begin(notice, title);
        figures.Add([.. new[] { "column.figure", "column.baseline", "column.candidate", "column.name" }.Select(k => SheetCell.Heading(WorkbookTexts.Get(k)))]);
        foreach (var f in result.Figures)
        {
            figures.Add(
                SheetCell.Of(ReportWriter.FigureLabel(f.Figure)),
                f.Baseline is null ? SheetCell.Empty : Cell(ReportWriter.FigureValueOf(f.Figure, f.Baseline, result.BaselineReport)),
                f.Candidate is null ? SheetCell.Empty : Cell(ReportWriter.FigureValueOf(f.Figure, f.Candidate, result.CandidateReport)),
                SheetCell.Of(f.Figure));
        }

        XlsxPackage.Write([summary, changed, figures], output);
    }

    /// <summary>
    /// Writes a comparison of eligibility decisions (<c>inclusion compare --people</c>) as a workbook: a summary
    /// (the counts and the definition's changed fields) and the people whose decision changes.
    /// </summary>
    /// <param name="result">What the comparison found.</param>
    /// <param name="definition">The fields that differ between the two definitions (<see cref="RuleChangeImpact.Differences"/>).</param>
    /// <param name="changes">The people whose decision changes, in line order; an id that looks like an identity number is withheld.</param>
    /// <param name="output">Where to write; flushed, not closed.</param>
    /// <exception cref="ArgumentNullException">An argument is <c>null</c>.</exception>
    public static void WritePeopleComparison(PeopleChangeResult result, ImmutableArray<DefinitionDifference> definition, IEnumerable<PersonChange> changes, Stream output)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(output);
        string? notice = result.SpecialCategoryData ? SpecialCategoryData.AssessmentTextLine([result.Program]) : null;
        string title = WorkbookTexts.Format("compare.title.people", result.ProgramName, result.Program);
        var summary = Summary(notice, title, definition.IsDefault ? [] : definition,
            [("summary.read", result.Read), ("summary.of-program", result.OfProgram), ("summary.decisions-changed", result.Changed)], null);

        var changed = new Sheet(WorkbookTexts.Get("sheet.changes"), 10, 24, 22, 36, 22, 36);
        changed.Begin(notice, title);
        changed.Add([.. new[] { "column.line", "column.person", "column.baseline-decision", "column.baseline-decision-rules", "column.candidate-decision", "column.candidate-decision-rules" }.Select(k => SheetCell.Heading(WorkbookTexts.Get(k)))]);
        changed.AddAll(changes, c => [SheetCell.Count(c.Line), .. ChangeTexts(c).Select(SheetCell.Of)]);

        XlsxPackage.Write([summary, changed], output);
    }

    /// <summary>A comparison's summary sheet: its counts, then the definition's changed fields.</summary>
    private static Sheet Summary(string? notice, string title, ImmutableArray<DefinitionDifference> definition, (string Key, long Count)[] counts, Action<Sheet>? more)
    {
        var sheet = new Sheet(WorkbookTexts.Get("sheet.summary"), 48, 30, 30);
        sheet.Begin(notice, title);
        sheet.Add(SheetCell.Heading(WorkbookTexts.Get("column.figure")), SheetCell.Heading(WorkbookTexts.Get("column.value")));
        foreach (var (key, count) in counts)
        {
            sheet.Add(SheetCell.Of(WorkbookTexts.Get(key)), SheetCell.Count(count));
        }

        more?.Invoke(sheet);

        sheet.Add();
        sheet.Add(SheetCell.Heading(WorkbookTexts.Get("definition.field")), SheetCell.Heading(WorkbookTexts.Get("column.baseline")), SheetCell.Heading(WorkbookTexts.Get("column.candidate")));
        foreach (var d in definition)
        {
            sheet.Add(SheetCell.Of(d.Path), SheetCell.Of(d.Baseline ?? WorkbookTexts.Get("definition.not-stated")), SheetCell.Of(d.Candidate ?? WorkbookTexts.Get("definition.not-stated")));
        }

        return sheet;
    }

    /// <summary>A changed record's row after its line number: the participant (an identity number withheld, as in the JSON), each side's verdict in words and broken rules.</summary>
    private static string[] ChangeTexts(VerdictChange c)
        => [Participant(c.Participant), Verdict(c.Baseline.Valid), string.Join(", ", c.Baseline.Rules), Verdict(c.Candidate.Valid), string.Join(", ", c.Candidate.Rules)];

    /// <summary>A changed person's row after the line number: the person (an identity number withheld), each side's decision and the rules that moved.</summary>
    private static string[] ChangeTexts(PersonChange c)
        => [Participant(c.Person), c.Baseline.Decision, string.Join(", ", c.Baseline.Rules), c.Candidate.Decision, string.Join(", ", c.Candidate.Rules)];

    /// <summary>A value of a report table as a cell: counts and numbers as numbers, shares as per cent, dates as dates, the mark and words as text.</summary>
    private static SheetCell Cell(ReportValue value) => value.Kind switch
    {
        ReportValueKind.Count or ReportValueKind.Number => SheetCell.Whole(value.Number),
        ReportValueKind.Share => SheetCell.Share(value.Number),
        ReportValueKind.Date => SheetCell.On(value.Date),
        ReportValueKind.None => SheetCell.Empty,
        _ => SheetCell.Of(value.Text),
    };

    private static string Participant(string? id) => id is null ? WorkbookTexts.Get("withheld") : PersonalIdentityNumbers.Redact(id)!;

    private static string Verdict(bool valid) => WorkbookTexts.Get(valid ? "verdict.valid" : "verdict.invalid");

    private static string IsoDate(NodaTime.LocalDate date) => NodaTime.Text.LocalDatePattern.Iso.Format(date);
}
