using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using InclusionModel.Contract;
using InclusionModel.Histories;
using InclusionModel.Programs;

namespace InclusionModel.Reports;

/// <summary>Writes a <see cref="ProgramReport"/> as text (aligned), JSON (docs/interchange-contract.md §6) or CSV (RFC 4180, one row per figure).</summary>
public static class ReportWriter
{
    /// <summary>The mark of every suppressed figure in publication mode, count or not: <c>..</c>.</summary>
    public const string Masked = ReportMasking.Mark;

    /// <summary>The mark of a suppressed share, status or projection: the same <c>..</c> as a count (one mark for every suppressed figure).</summary>
    public const string MaskedValue = ReportMasking.Mark;

    /// <summary>
    /// What the mark <c>..</c> means, said once in every format, with <c>{0}</c> = k − 1 and <c>{1}</c> = k: the CSV's explanation in English, and
    /// the JSON's in both languages (the JSON is the same bytes in both; docs/contract.md).
    /// </summary>
    internal const string MarkMeaningInEnglish = "suppressed: the count concerns too few people (1 to {0}, or under {1} once perturbed), or the figure is worked out from such a count; the other counts are perturbed slightly";

    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The dotted names of the figures <paramref name="options"/> hides in <paramref name="report"/>: none unless in publication mode.</summary>
    /// <param name="report">The report.</param>
    /// <param name="options">The options.</param>
    /// <returns>The masked figures' names (<c>participants.byGender.man</c>, <c>goals.women-share.actual</c> …).</returns>
    public static IReadOnlySet<string> MaskedFigures(ProgramReport report, ReportOptions? options = null)
    {
        Preconditions.CheckNotNull(report);
        options ??= ReportOptions.Internal;
        return options.Publication ? ReportMasking.Masked(report, options.MinCell) : new HashSet<string>();
    }

    /// <summary>Every figure of the report as a row, in the order of docs/interchange-contract.md §6 (the CSV rows, and the text table).</summary>
    /// <param name="report">The report.</param>
    /// <param name="options">The options.</param>
    /// <returns>The rows.</returns>
    public static IReadOnlyList<ReportRow> Rows(ProgramReport report, ReportOptions? options = null)
    {
        Preconditions.CheckNotNull(report);
        options ??= ReportOptions.Internal;
        var published = options.Publication ? ReportMasking.Publish(report, options.MinCell) : null;
        var rows = new List<ReportRow>();
        void Figure(string name, long value) => rows.Add(new ReportRow(name, Shown(published, name, value)));
        void Cells(string name, IEnumerable<BreakdownCell> cells)
        {
            foreach (var cell in cells)
            {
                Figure($"{name}.{cell.Key}", cell.Count);
            }
        }

        if (!options.Publication)
        {
            Figure("records.read", report.RecordsRead);
            Figure("records.ofProgram", report.RecordsOfProgram);
            Figure("records.otherPrograms", report.RecordsOfOtherPrograms);
            Figure("records.duplicates", report.RecordsDuplicate);
            Figure("records.invalid", report.RecordsInvalid);
            Figure("records.malformed", report.RecordsMalformed);
        }

        Figure("participants.total", report.Participants);
        Cells("participants.byGender", report.ByGender);
        Cells("participants.byEducation", report.ByEducation);
        Cells("participants.byState", report.ByState);
        Figure("entered", report.Entered);
        Figure("exited.total", report.Exited);
        Cells("exited.byReason", report.ExitedByReason);
        Cells("exited.byOutcome", report.ExitedByOutcome);
        Cells("exited.byEmploymentForm", report.ExitedByEmploymentForm);
        Cells("exited.bySubsidy", report.ExitedBySubsidy);
        Figure("exited.selfSupporting", report.ExitedSelfSupporting);
        Figure("jobInterviews.participants", report.JobInterviewParticipants);
        Figure("jobInterviews.hired", report.JobInterviewHired);
        Figure("followUps.total", report.FollowUps);
        Cells("followUps.byOutcome", report.FollowUpsByOutcome);
        foreach (var exact in report.Goals)
        {
            string g = $"goals.{exact.Id}";
            var goal = Shown(published, exact);
            rows.Add(new ReportRow($"{g}.target", Decimal(exact.Target)));
            rows.Add(new ReportRow($"{g}.actual", goal is null ? Masked : Decimal(goal.Actual)));
            rows.Add(new ReportRow($"{g}.status", goal is null ? Masked : ContractNames<GoalStatus>.Name(goal.Status)));
            if ((goal ?? exact).Projection is { } p)
            {
                rows.Add(new ReportRow($"{g}.projection.expected", goal is null ? Masked : Decimal(p.Expected)));
                rows.Add(new ReportRow($"{g}.projection.low", goal is null ? Masked : Decimal(p.Low)));
                rows.Add(new ReportRow($"{g}.projection.high", goal is null ? Masked : Decimal(p.High)));
                rows.Add(new ReportRow($"{g}.projection.by", IsoDates.Format(p.By)));
            }
        }

        return rows;
    }

    /// <summary>A decimal as people read it in the text report: with a decimal comma in Swedish (<c>0,5</c>), a point in English; CSV and JSON keep the point.</summary>
    private static string Spoken(string number) => Texts.Swedish ? number.Replace('.', ',') : number;

    /// <summary>A count as shown: exact, or in publication mode as published (<see cref="Masked"/> where suppressed).</summary>
    private static string Shown(PublishedReport? published, string figure, long value)
        => published is null ? Number(value) : published.Counts[figure] is { } shown ? Number(shown) : Masked;

    /// <summary>A goal as shown: exact, or in publication mode as published from the perturbed counts (<c>null</c> where suppressed).</summary>
    private static GoalProgress? Shown(PublishedReport? published, GoalProgress goal) => published is null ? goal : published.Goals[goal.Id];

    /// <summary>Writes the report as CSV (RFC 4180): a header <c>figure,value</c>, then one row per figure, CRLF line ends.</summary>
    /// <param name="report">The report.</param>
    /// <param name="output">Where to write.</param>
    /// <param name="options">The options.</param>
    public static void WriteCsv(ProgramReport report, TextWriter output, ReportOptions? options = null)
    {
        Preconditions.CheckNotNull(report);
        Preconditions.CheckNotNull(output);
        output.Write("figure,value\r\n");
        if (report.SpecialCategoryData)
        {
            output.Write($"{SpecialCategoryData.JsonProperty},true\r\n"); // the marking, as the first row
        }

        if (options?.Publication == true)
        {
            // The mark, explained once: a sentence for the people who open the file, so in their language (the JSON's
            // explanation is for programs and stays the same in both); the figure name ".." is the same in both.
            output.Write($"{Masked},{Csv(Texts.Format("report.csv-mark", options.MinCell - 1, options.MinCell))}\r\n");
        }

        foreach (var row in Rows(report, options))
        {
            output.Write($"{Csv(row.Figure)},{Csv(row.Value)}\r\n");
        }
    }

    /// <summary>Writes the report as aligned text for people.</summary>
    /// <param name="report">The report.</param>
    /// <param name="programName">The program's name, for the heading.</param>
    /// <param name="output">Where to write.</param>
    /// <param name="options">The options.</param>
    public static void WriteText(ProgramReport report, string programName, TextWriter output, ReportOptions? options = null)
        => WriteText(report, Preconditions.CheckNotNull(programName), null, output, options);

    /// <summary>
    /// Writes the report as aligned text for people, with the program's own names for its goals where its
    /// definition gives them (<see cref="Goal.Names"/>) in the current UI culture.
    /// </summary>
    /// <param name="report">The report.</param>
    /// <param name="program">The program the report is of: its name for the heading, its goal names.</param>
    /// <param name="output">Where to write.</param>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="report"/>, <paramref name="program"/> or <paramref name="output"/> is null.</exception>
    public static void WriteText(ProgramReport report, ProgramDefinition program, TextWriter output, ReportOptions? options = null)
        => WriteText(report, Preconditions.CheckNotNull(program).Name, program, output, options);

    private static void WriteText(ProgramReport report, string programName, ProgramDefinition? program, TextWriter output, ReportOptions? options)
    {
        Preconditions.CheckNotNull(report);
        Preconditions.CheckNotNull(output);
        options ??= ReportOptions.Internal;
        if (report.SpecialCategoryData)
        {
            output.WriteLine(SpecialCategoryData.TextLine([report.Program]));
        }

        output.WriteLine(Title(report, Privacy.SafeText.ForText(programName), options));
        if (PublicationNote(options) is { } note)
        {
            output.WriteLine(note);
        }

        if (program is not null && OutsideNote(report, program) is { } outside)
        {
            output.WriteLine(outside);
        }

        output.WriteLine();

        // Labelled rows under headings (issue 24): the figure keys are for programs (JSON, CSV), not for people.
        var lines = new List<(string Label, string? Value)>();
        string? group = null;
        foreach (var row in NotStatedLast(Rows(report, options).Where(r => !r.Figure.StartsWith("goals.", StringComparison.Ordinal))))
        {
            var (heading, label) = TextLabel(row.Figure);
            if (heading is not null && heading != group)
            {
                lines.Add((heading, null));
            }

            group = heading;
            lines.Add((heading is null ? label : "  " + label, ShownText(row.Value)));
        }

        int width = lines.Where(l => l.Value is not null).Max(l => l.Label.Length);
        foreach (var (label, value) in lines)
        {
            output.WriteLine(value is null ? label : $"{label.PadRight(width)}  {value,6}");
        }

        if (report.Goals.IsEmpty)
        {
            WriteGoalsInWords(program, output);
            return;
        }

        output.WriteLine();
        output.WriteLine(Texts.Format("report.goals-from-start", Texts.Date(report.Period.To)));
        // No forecast applies to a finished period (the final report): the column is left out rather than all "-".
        bool projected = report.Goals.Any(g => g.Projection is not null);
        var table = new List<string[]> { new[] { Texts.Get("report.goal"), Texts.Get("report.target"), Texts.Get("report.actual"), Texts.Get("report.status"), Texts.Get("report.projection") } };
        var published = options.Publication ? ReportMasking.Publish(report, options.MinCell) : null;
        foreach (var exact in report.Goals)
        {
            var goal = Shown(published, exact);
            string projection = (goal ?? exact).Projection is not { } p ? "-"
                : goal is null ? Masked
                : Texts.Format("report.projection-by", GoalValue(exact, p.Expected), RangeLow(exact, p.Low), GoalValue(exact, p.High), Texts.Date(p.By)); // written out, as the heading writes its dates (issue 24)
            table.Add([
                GoalName(program, exact.Id),
                GoalValue(exact, exact.Target),
                goal is null ? Masked : GoalValue(exact, goal.Actual),
                goal is null ? Masked : StatusName(goal),
                projection,
            ]);
        }

        int columns = projected ? 5 : 4;
        int[] widths = [.. Enumerable.Range(0, columns).Select(c => table.Max(r => r[c].Length))];
        foreach (var row in table)
        {
            output.WriteLine(string.Join("  ", row.Take(columns).Select((cell, c) => c is 1 or 2 ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]))).TrimEnd());
        }

        WriteGoalsInWords(program, output);
    }

    /// <summary>The program's goals in words, which no figure tracks, so that a report never leaves out what the program set out to do (issue 24): <c>Mål: Arbete eller studier – ej mätbart mål</c>.</summary>
    private static void WriteGoalsInWords(ProgramDefinition? program, TextWriter output)
    {
        var inWords = program?.Goals?.Where(g => g.Quantity is null).ToList() ?? [];
        if (inWords.Count == 0)
        {
            return;
        }

        output.WriteLine();
        foreach (var goal in inWords)
        {
            output.WriteLine(Privacy.SafeText.ForText(Texts.Format("report.goal-in-words", GoalName(program, goal.Id))));
        }
    }

    /// <summary>A goal's status in words; a ceiling's (bound at-most) in the words of a ceiling: kept is "within the ceiling", not "met".</summary>
    internal static string StatusName(GoalProgress goal)
        => Texts.Get($"name.{(goal.Ceiling ? "ceiling-status" : "status")}.{ContractNames<GoalStatus>.Name(goal.Status)}");

    /// <summary>The low end of a projection's range: a share's without its per cent sign, which the high end carries (<c>18,7–28,3 %</c>).</summary>
    internal static string RangeLow(GoalProgress goal, decimal low)
        => goal.Quantity == Programs.GoalQuantity.WomenShare ? Texts.Decimal(low * 100) : GoalValue(goal, low);

    /// <summary>A goal's name as people read it: the program's own name first, then the built-in one, then the id.</summary>
    internal static string GoalName(ProgramDefinition? program, string id)
        => program?.GoalName(id) ?? DisplayNames.Name(DisplayNames.Goal, id);

    /// <summary>
    /// The report's title as the text report's first line (after the special-category notice) gives it, in the
    /// current UI language: <c>Månadsrapport: Från utanförskap till sysselsättning (motala-…), 1–30 april 2020</c>; in
    /// publication mode <see cref="PublicationNote"/> says on its own line what the mark <c>..</c> means.
    /// </summary>
    /// <param name="report">The report.</param>
    /// <param name="programName">The program's name, as it is (a caller that writes to a terminal escapes it first).</param>
    /// <param name="options">The options.</param>
    /// <returns>The title, one line.</returns>
    public static string Title(ProgramReport report, string programName, ReportOptions? options = null)
    {
        Preconditions.CheckNotNull(report);
        Preconditions.CheckNotNull(programName);
        options ??= ReportOptions.Internal;
        return Texts.Format("report.title", Texts.Get($"name.period.{report.Period.Kind}"), programName, report.Program, Texts.Period(report.Period.From, report.Period.To));
    }

    /// <summary>
    /// In publication mode, what the mark <c>..</c> means, one line for under the title in the current UI language:
    /// <c>För publicering: ”..” betyder att uppgiften är dold eftersom den gäller för få personer. …</c>; <c>null</c>
    /// when the report is not for publication. It names no threshold: a count of k or more whose perturbed value falls
    /// under k is hidden too (docs/privacy.md), so "1–4 personer" would not be true of every mark, and it says that a
    /// total need not equal the sum of its rows, which the perturbation makes so.
    /// </summary>
    /// <param name="options">The options.</param>
    /// <returns>The line, or <c>null</c>.</returns>
    public static string? PublicationNote(ReportOptions? options)
        => options is { Publication: true } ? Texts.Format("report.publication", Masked) : null;

    /// <summary>
    /// When the report's period lies wholly after the program's end or wholly before its start, a sentence that says
    /// so with the program's dates, in the current UI language, for under the title (docs/contract.md, "Periods
    /// outside a project's dates"): <c>Perioden ligger efter projektets slut: projektperioden är 1 september 2017 –
    /// 31 maj 2020.</c>; <c>null</c> when the period meets the program's dates or they are not stated. The report is
    /// what it is (counts of what the file holds for the period); only the words are added.
    /// </summary>
    /// <param name="report">The report.</param>
    /// <param name="program">The program the report is of.</param>
    /// <returns>The sentence, or <c>null</c>.</returns>
    public static string? OutsideNote(ProgramReport report, ProgramDefinition program)
    {
        Preconditions.CheckNotNull(report);
        Preconditions.CheckNotNull(program);
        var whole = program.Schedule.WholePeriod;
        string Said(string key, NodaTime.LocalDate on)
            => whole.Start is { } start && whole.End is { } end ? Texts.Format(key + ".period", Texts.Period(start, end)) : Texts.Format(key + ".on", Texts.Date(on));
        return whole.End is { } last && report.Period.From > last ? Said("report.after-end", last)
            : whole.Start is { } first && report.Period.To < first ? Said("report.before-start", first)
            : null;
    }

    /// <summary>
    /// The report as the tables people read (issue 24), in the current UI language: <c>figures</c>, every figure of
    /// <see cref="Rows"/> but the goals as a labelled row under its heading, as the text report shows them (within a
    /// breakdown the row of a value not stated last, "Uppgift saknas"); and <c>goals</c>, one row per goal with its
    /// target, actual value, status and, when some goal has a projection, the projection's four columns (a finished
    /// period, such as the final report's, has none). In publication mode only
    /// what is published appears, with <see cref="ReportValueKind.Masked"/> exactly where <see cref="MaskedFigures"/>
    /// (and the JSON, CSV and text) mask.
    /// </summary>
    /// <param name="report">The report.</param>
    /// <param name="options">The options.</param>
    /// <returns>The two tables, <c>figures</c> then <c>goals</c> (which has no rows when the program states no measurable goal).</returns>
    public static ImmutableArray<ReportTable> Tables(ProgramReport report, ReportOptions? options = null)
        => Tables(report, null, options);

    /// <summary>
    /// The tables of <see cref="Tables(ProgramReport, ReportOptions?)"/>, and under the goals, as the text report
    /// writes them, the goals of <paramref name="program"/> in words, which no figure tracks: a row each with the
    /// goal's name and, as its status, "ej mätbart mål" (no figure name: JSON and CSV have no such goal).
    /// </summary>
    /// <param name="report">The report.</param>
    /// <param name="program">The program the report is of, or <c>null</c> to leave its goals in words out.</param>
    /// <param name="options">The options.</param>
    /// <returns>The two tables, <c>figures</c> then <c>goals</c>.</returns>
    public static ImmutableArray<ReportTable> Tables(ProgramReport report, ProgramDefinition? program, ReportOptions? options)
    {
        Preconditions.CheckNotNull(report);
        options ??= ReportOptions.Internal;
        var figures = ImmutableArray.CreateBuilder<ReportTableRow>();
        foreach (var row in NotStatedLast(Rows(report, options).Where(r => !r.Figure.StartsWith("goals.", StringComparison.Ordinal))))
        {
            var (heading, label) = TextLabel(row.Figure);
            var value = row.Value == Masked ? ReportValue.Masked : ReportValue.Count(long.Parse(row.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
            figures.Add(new ReportTableRow(row.Figure, heading, label.Trim(), [value]));
        }

        var goals = ImmutableArray.CreateBuilder<ReportTableRow>();
        var published = options.Publication ? ReportMasking.Publish(report, options.MinCell) : null;
        bool projected = report.Goals.Any(g => g.Projection is not null); // a finished period has no forecast columns
        foreach (var exact in report.Goals)
        {
            var goal = Shown(published, exact);
            var projection = (goal ?? exact).Projection;
            ReportValue Projected(Func<GoalProjection, ReportValue> value) => projection is not { } p ? ReportValue.None : goal is null ? ReportValue.Masked : value(p);
            ImmutableArray<ReportValue> values =
            [
                ReportValue.Of(exact, exact.Target),
                goal is null ? ReportValue.Masked : ReportValue.Of(exact, goal.Actual),
                goal is null ? ReportValue.Masked : ReportValue.Status(goal),
            ];
            if (projected)
            {
                values = values.AddRange(
                    Projected(p => ReportValue.Of(exact, p.Expected)),
                    Projected(p => ReportValue.Of(exact, p.Low)),
                    Projected(p => ReportValue.Of(exact, p.High)),
                    projection is { } by ? ReportValue.On(by.By) : ReportValue.None);
            }

            goals.Add(new ReportTableRow($"goals.{exact.Id}", null, DisplayNames.Name(DisplayNames.Goal, exact.Id), values));
        }

        string[] goalColumns = [Texts.Get("report.goal"), Texts.Get("report.target"), Texts.Get("report.column.actual-from-start"), Texts.Get("report.status")];
        string[] projectionColumns = projected ? [Texts.Get("report.column.expected"), Texts.Get("report.column.low"), Texts.Get("report.column.high"), Texts.Get("report.column.by")] : [];
        int valueColumns = goalColumns.Length - 1 + projectionColumns.Length; // every column but the goal's name
        foreach (var goal in program?.Goals?.Where(g => g.Quantity is null) ?? [])
        {
            var inWords = new ReportValue { Kind = ReportValueKind.Text, Text = Texts.Get("report.goal-in-words.status") };
            goals.Add(new ReportTableRow("", null, GoalName(program, goal.Id), [.. Enumerable.Range(0, valueColumns).Select(c => c == 2 ? inWords : ReportValue.None)]));
        }

        return
        [
            new ReportTable("figures", Texts.Get("report.table.figures"), [Texts.Get("report.column.figure"), Texts.Get("report.column.value")], figures.ToImmutable()),
            new ReportTable("goals", Texts.Get("report.table.goals"), [.. goalColumns, .. projectionColumns], goals.ToImmutable()),
        ];
    }

    /// <summary>
    /// The rows as people read them (the text report, the workbook): within each breakdown the row of a value not
    /// stated (<c>unknown</c>, gender's <c>unspecified</c>, "Uppgift saknas") last, as official statistics list it;
    /// every other row, and the JSON and CSV, in the order of <see cref="Rows"/>.
    /// </summary>
    private static IEnumerable<ReportRow> NotStatedLast(IEnumerable<ReportRow> rows)
    {
        ReportRow? held = null;
        foreach (var row in rows)
        {
            if (held is { } h && Breakdown(row.Figure) != Breakdown(h.Figure))
            {
                yield return h;
                held = null;
            }

            if (IsNotStated(row.Figure))
            {
                held = row;
            }
            else
            {
                yield return row;
            }
        }

        if (held is { } last)
        {
            yield return last;
        }
    }

    private static string Breakdown(string figure) => figure[..Math.Max(0, figure.LastIndexOf('.'))];

    /// <summary>Whether a figure is a breakdown's row of a value not stated: <c>participants.byGender.unspecified</c>, <c>exited.byOutcome.unknown</c>.</summary>
    internal static bool IsNotStated(string figure)
        => (figure.EndsWith(".unknown", StringComparison.Ordinal) || figure.EndsWith(".unspecified", StringComparison.Ordinal))
            && DisplayNames.KindOfBreakdown(Breakdown(figure)) is not null;

    /// <summary>A figure's label as people read it on a line of its own, in the current UI language: <c>Deltagare efter kön: Kvinnor</c>, <c>Andel kvinnor: utfall</c> (what <c>inclusion compare</c> shows for a figure that moved).</summary>
    /// <param name="figure">The figure's dotted name, as <see cref="Rows"/> and <see cref="RuleChanges.FigureChange.Figure"/> give it.</param>
    /// <returns>The label; a name the report does not know, as it is.</returns>
    public static string FigureLabel(string figure) => FigureText(Preconditions.CheckNotNull(figure));

    /// <summary>
    /// A figure's value as <see cref="Rows"/> (or <see cref="RuleChanges.FigureChange"/>) gives it, typed and as people read it in the
    /// current UI language: a count, a goal's share as a fraction (per cent in words), a goal's status in words, the mark <c>..</c>.
    /// </summary>
    /// <param name="figure">The figure's dotted name.</param>
    /// <param name="value">Its value as a row gives it (<c>17</c>, <c>0.5455</c>, <c>on-track</c>, <c>..</c>).</param>
    /// <param name="report">The report the value is of (which goals are shares).</param>
    /// <returns>The value.</returns>
    public static ReportValue FigureValueOf(string figure, string value, ProgramReport report)
    {
        Preconditions.CheckNotNull(figure);
        Preconditions.CheckNotNull(value);
        Preconditions.CheckNotNull(report);
        if (value == Masked)
        {
            return ReportValue.Masked;
        }

        if (figure.EndsWith(".status", StringComparison.Ordinal))
        {
            return new ReportValue { Kind = ReportValueKind.Text, Text = DisplayNames.Name(DisplayNames.Status, value), Id = value };
        }

        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long n))
        {
            // A whole number reads as one (a share of exactly 1 too, as the text of compare has it); a goal's keeps its kind.
            var goalOfCount = report.Goals.FirstOrDefault(g => figure.StartsWith($"goals.{g.Id}.", StringComparison.Ordinal));
            return goalOfCount is not null ? ReportValue.Of(goalOfCount, n) with { Text = Texts.Number(n) } : ReportValue.Count(n);
        }

        if (decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out decimal d))
        {
            var goal = report.Goals.FirstOrDefault(g => figure.StartsWith($"goals.{g.Id}.", StringComparison.Ordinal));
            return goal is not null ? ReportValue.Of(goal, d) : new ReportValue { Kind = ReportValueKind.Number, Number = d, Text = Texts.Decimal(d, 4) };
        }

        if (figure.EndsWith(".by", StringComparison.Ordinal) && IsoDates.TryParse(value, out var date))
        {
            return ReportValue.On(date);
        }

        return new ReportValue { Kind = ReportValueKind.Text, Text = value };
    }

    /// <summary>A goal's value as people read it: a share as per cent (<c>23,2 %</c>), a count as a whole number (<c>12 345</c>).</summary>
    internal static string GoalValue(GoalProgress goal, decimal value)
        => goal.Quantity == Programs.GoalQuantity.WomenShare ? Texts.Percent(value) : Texts.Decimal(value, 0);

    /// <summary>A row's value as people read it: a count grouped as the language writes it, a masked mark as it is.</summary>
    private static string ShownText(string value)
        => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long n) ? Texts.Number(n) : value;

    /// <summary>A figure as one label in the current language, for a line of its own: <c>Deltagare efter kön: Kvinnor</c>, <c>Andel kvinnor: läge</c>.</summary>
    internal static string FigureText(string figure)
    {
        if (figure.StartsWith("goals.", StringComparison.Ordinal))
        {
            int dot = figure.IndexOf('.', 6);
            string id = dot < 0 ? figure[6..] : figure[6..dot];
            string part = dot < 0 ? "" : figure[(dot + 1)..];
            string partText = part switch
            {
                "target" => Texts.Get("report.target"),
                "actual" => Texts.Get("report.actual"),
                "status" => Texts.Get("report.status"),
                _ => Texts.Get("report.projection") + " " + part.Replace("projection.", "", StringComparison.Ordinal),
            };
            return Texts.Format("compare.figure-of", DisplayNames.Name(DisplayNames.Goal, id), partText.ToLowerInvariant());
        }

        var (heading, label) = TextLabel(figure);
        return heading is null ? label.TrimStart() : Texts.Format("compare.figure-of", heading, label);
    }

    /// <summary>A figure's value (as <see cref="Rows"/> gives it) as people read it: a count grouped, a goal's share as per cent, a status in words.</summary>
    internal static string FigureValue(string figure, string value, ProgramReport report) => FigureValueOf(figure, value, report).Text;

    /// <summary>The heading (or <c>null</c>) and label of a figure in the text report: <c>participants.byGender.woman</c> is "Kvinnor" under "Deltagare efter kön".</summary>
    private static (string? Heading, string Label) TextLabel(string figure)
    {
        if (figure.StartsWith("records.", StringComparison.Ordinal))
        {
            return (Texts.Get("report.fig.records"), Texts.Get("report.fig." + figure));
        }

        if (Texts.TryGet("report.fig." + figure, out var label))
        {
            return (null, figure == "jobInterviews.hired" ? "  " + label : label);
        }

        int second = figure.IndexOf('.', figure.IndexOf('.', StringComparison.Ordinal) + 1);
        if (second > 0 && DisplayNames.KindOfBreakdown(figure[..second]) is { } kind)
        {
            return (Texts.Get("report.fig." + figure[..second]), DisplayNames.Cell(kind, figure[(second + 1)..]));
        }

        return (null, figure);
    }

    /// <summary>Writes the report as the JSON document of docs/interchange-contract.md §6 (figures nested by their dotted names, shares as fractions).</summary>
    /// <param name="report">The report.</param>
    /// <param name="output">Where to write.</param>
    /// <param name="options">The options.</param>
    public static void WriteJson(ProgramReport report, Stream output, ReportOptions? options = null)
    {
        Preconditions.CheckNotNull(report);
        Preconditions.CheckNotNull(output);
        options ??= ReportOptions.Internal;
        var published = options.Publication ? ReportMasking.Publish(report, options.MinCell) : null;
        using var w = new Utf8JsonWriter(output, JsonOptions);
        void Count(string name, string figure, long value)
        {
            if (published is null)
            {
                w.WriteNumber(name, value);
            }
            else if (published.Counts[figure] is { } shown)
            {
                w.WriteNumber(name, shown);
            }
            else
            {
                w.WriteString(name, Masked);
            }
        }

        void Cells(string name, string prefix, IEnumerable<BreakdownCell> cells)
        {
            w.WriteStartObject(name);
            foreach (var cell in cells)
            {
                Count(cell.Key, $"{prefix}.{name}.{cell.Key}", cell.Count);
            }

            w.WriteEndObject();
        }

        w.WriteStartObject();
        if (report.SpecialCategoryData)
        {
            w.WriteBoolean(SpecialCategoryData.JsonProperty, true);
        }

        w.WriteString("program", report.Program);
        w.WriteString("from", IsoDates.Format(report.Period.From));
        w.WriteString("to", IsoDates.Format(report.Period.To));
        if (options.Publication)
        {
            w.WriteBoolean("publication", true);
            w.WriteNumber("minCell", options.MinCell);
            w.WriteString(Masked, string.Format(System.Globalization.CultureInfo.InvariantCulture, MarkMeaningInEnglish, options.MinCell - 1, options.MinCell)); // the mark, explained once, the same in both languages
        }
        else
        {
            // Lines, not people: an internal figure, left out of a publication.
            w.WriteStartObject("records");
            w.WriteNumber("read", report.RecordsRead);
            w.WriteNumber("ofProgram", report.RecordsOfProgram);
            w.WriteNumber("otherPrograms", report.RecordsOfOtherPrograms);
            w.WriteNumber("duplicates", report.RecordsDuplicate);
            w.WriteNumber("invalid", report.RecordsInvalid);
            w.WriteNumber("malformed", report.RecordsMalformed);
            w.WriteEndObject();
        }

        w.WriteStartObject("participants");
        Count("total", "participants.total", report.Participants);
        Cells("byGender", "participants", report.ByGender);
        Cells("byEducation", "participants", report.ByEducation);
        Cells("byState", "participants", report.ByState);
        w.WriteEndObject();
        Count("entered", "entered", report.Entered);
        w.WriteStartObject("exited");
        Count("total", "exited.total", report.Exited);
        Cells("byReason", "exited", report.ExitedByReason);
        Cells("byOutcome", "exited", report.ExitedByOutcome);
        Cells("byEmploymentForm", "exited", report.ExitedByEmploymentForm);
        Cells("bySubsidy", "exited", report.ExitedBySubsidy);
        Count("selfSupporting", "exited.selfSupporting", report.ExitedSelfSupporting);
        w.WriteEndObject();
        w.WriteStartObject("jobInterviews");
        Count("participants", "jobInterviews.participants", report.JobInterviewParticipants);
        Count("hired", "jobInterviews.hired", report.JobInterviewHired);
        w.WriteEndObject();
        w.WriteStartObject("followUps");
        Count("total", "followUps.total", report.FollowUps);
        Cells("byOutcome", "followUps", report.FollowUpsByOutcome);
        w.WriteEndObject();
        w.WriteStartArray("goals");
        foreach (var exact in report.Goals)
        {
            var goal = Shown(published, exact);
            w.WriteStartObject();
            w.WriteString("id", exact.Id);
            w.WriteString("quantity", ContractNames<Programs.GoalQuantity>.Name(exact.Quantity));
            w.WriteNumber("target", exact.Target);
            if (goal is null)
            {
                w.WriteString("actual", Masked);
            }
            else
            {
                w.WriteNumber("actual", goal.Actual);
            }

            w.WriteString("status", goal is null ? Masked : ContractNames<GoalStatus>.Name(goal.Status));
            if ((goal ?? exact).Projection is { } p)
            {
                if (goal is null)
                {
                    w.WriteString("projection", Masked);
                }
                else
                {
                    w.WriteStartObject("projection");
                    w.WriteNumber("expected", p.Expected);
                    w.WriteNumber("low", p.Low);
                    w.WriteNumber("high", p.High);
                    w.WriteString("by", IsoDates.Format(p.By));
                    w.WriteEndObject();
                }
            }

            if (exact.Milestone is { } m)
            {
                w.WriteStartObject("milestone");
                w.WriteString("on", IsoDates.Format(m.On));
                w.WriteNumber("target", m.Target);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        output.WriteByte((byte)'\n');
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Decimal(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Csv(string field)
        => field.IndexOfAny([',', '"', '\r', '\n']) < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
