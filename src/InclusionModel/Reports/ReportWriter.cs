using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using InclusionModel.Histories;

namespace InclusionModel.Reports;

/// <summary>How a report is shown.</summary>
/// <param name="Publication">
/// Publication mode: every breakdown cell of 1–4 people is shown as <c>&lt;5</c> (DOMAIN.md, Privacy). Exact
/// counts are the default, as in a program's own internal reports.
/// </param>
public sealed record ReportOptions(bool Publication = false)
{
    /// <summary>Exact counts.</summary>
    public static ReportOptions Internal { get; } = new();
}

/// <summary>A figure of a report as a row: its dotted name (<c>participants.byGender.woman</c>) and its value as shown.</summary>
/// <param name="Figure">The dotted name.</param>
/// <param name="Value">The value as shown (<c>&lt;5</c> for a masked cell).</param>
public readonly record struct ReportRow(string Figure, string Value);

/// <summary>Writes a <see cref="ProgramReport"/> as text (aligned), JSON (FORMATS.md §6) or CSV (RFC 4180, one row per figure).</summary>
public static class ReportWriter
{
    /// <summary>The text shown for a masked cell.</summary>
    public const string Masked = "<5";

    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Whether a breakdown cell of <paramref name="count"/> people is masked in publication mode.</summary>
    /// <param name="count">A count.</param>
    /// <param name="options">The options.</param>
    /// <returns><c>true</c> for 1–4 people in publication mode.</returns>
    public static bool IsMasked(long count, ReportOptions options) => Preconditions.CheckNotNull(options).Publication && count is >= 1 and <= 4;

    /// <summary>Every figure of the report as a row, in the order of FORMATS.md §6 (the CSV rows, and the text table).</summary>
    /// <param name="report">The report.</param>
    /// <param name="options">The options.</param>
    /// <returns>The rows.</returns>
    public static IReadOnlyList<ReportRow> Rows(ProgramReport report, ReportOptions? options = null)
    {
        Preconditions.CheckNotNull(report);
        options ??= ReportOptions.Internal;
        var rows = new List<ReportRow>();
        void Figure(string name, long value) => rows.Add(new ReportRow(name, Number(value)));
        void Cells(string name, IEnumerable<BreakdownCell> cells)
        {
            foreach (var cell in cells)
            {
                rows.Add(new ReportRow($"{name}.{cell.Key}", IsMasked(cell.Count, options) ? Masked : Number(cell.Count)));
            }
        }

        Figure("records.read", report.RecordsRead);
        Figure("records.ofProgram", report.RecordsOfProgram);
        Figure("records.otherPrograms", report.RecordsOfOtherPrograms);
        Figure("records.duplicates", report.RecordsDuplicate);
        Figure("records.invalid", report.RecordsInvalid);
        Figure("records.malformed", report.RecordsMalformed);
        Figure("participants.total", report.Participants);
        Cells("participants.byGender", report.ByGender);
        Cells("participants.byEducation", report.ByEducation);
        Cells("participants.byState", report.ByState);
        Figure("entered", report.Entered);
        Figure("exited.total", report.Exited);
        Cells("exited.byReason", report.ExitedByReason);
        Cells("exited.byOutcome", report.ExitedByOutcome);
        Cells("exited.byEmploymentForm", report.ExitedByEmploymentForm);
        Figure("jobInterviews.participants", report.JobInterviewParticipants);
        Figure("jobInterviews.hired", report.JobInterviewHired);
        Figure("followUps.total", report.FollowUps);
        Cells("followUps.byOutcome", report.FollowUpsByOutcome);
        foreach (var goal in report.Goals)
        {
            rows.Add(new ReportRow($"goals.{goal.Id}.target", Decimal(goal.Target)));
            rows.Add(new ReportRow($"goals.{goal.Id}.actual", Decimal(goal.Actual)));
            rows.Add(new ReportRow($"goals.{goal.Id}.status", ContractNames<GoalStatus>.Name(goal.Status)));
            if (goal.Projection is { } p)
            {
                rows.Add(new ReportRow($"goals.{goal.Id}.projection.expected", Decimal(p.Expected)));
                rows.Add(new ReportRow($"goals.{goal.Id}.projection.low", Decimal(p.Low)));
                rows.Add(new ReportRow($"goals.{goal.Id}.projection.high", Decimal(p.High)));
                rows.Add(new ReportRow($"goals.{goal.Id}.projection.by", IsoDates.Format(p.By)));
            }
        }

        return rows;
    }

    /// <summary>Writes the report as CSV (RFC 4180): a header <c>figure,value</c>, then one row per figure, CRLF line ends.</summary>
    /// <param name="report">The report.</param>
    /// <param name="output">Where to write.</param>
    /// <param name="options">The options.</param>
    public static void WriteCsv(ProgramReport report, TextWriter output, ReportOptions? options = null)
    {
        Preconditions.CheckNotNull(output);
        output.Write("figure,value\r\n");
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
    {
        Preconditions.CheckNotNull(report);
        Preconditions.CheckNotNull(output);
        options ??= ReportOptions.Internal;
        output.WriteLine($"{Privacy.SafeText.ForText(programName)} ({report.Program}), {report.Period}{(options.Publication ? " (for publication: cells of 1–4 people shown as <5)" : "")}");
        output.WriteLine();
        var rows = Rows(report, options).Where(r => !r.Figure.StartsWith("goals.", StringComparison.Ordinal)).ToList();
        int width = rows.Max(r => r.Figure.Length);
        foreach (var row in rows)
        {
            output.WriteLine($"{row.Figure.PadRight(width)}  {row.Value,6}");
        }

        if (report.Goals.IsEmpty)
        {
            return;
        }

        output.WriteLine();
        var table = new List<string[]> { new[] { "goal", "target", "actual", "status", "projection (90 % range)" } };
        foreach (var goal in report.Goals)
        {
            string projection = goal.Projection is { } p ? $"{Decimal(p.Expected)} ({Decimal(p.Low)}–{Decimal(p.High)}) by {IsoDates.Format(p.By)}" : "-";
            table.Add([goal.Id, Decimal(goal.Target), Decimal(goal.Actual), ContractNames<GoalStatus>.Name(goal.Status), projection]);
        }

        int[] widths = [.. Enumerable.Range(0, 5).Select(c => table.Max(r => r[c].Length))];
        foreach (var row in table)
        {
            output.WriteLine(string.Join("  ", row.Select((cell, c) => c is 1 or 2 ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]))).TrimEnd());
        }
    }

    /// <summary>Writes the report as the JSON document of FORMATS.md §6 (figures nested by their dotted names, shares as fractions).</summary>
    /// <param name="report">The report.</param>
    /// <param name="output">Where to write.</param>
    /// <param name="options">The options.</param>
    public static void WriteJson(ProgramReport report, Stream output, ReportOptions? options = null)
    {
        Preconditions.CheckNotNull(report);
        Preconditions.CheckNotNull(output);
        options ??= ReportOptions.Internal;
        using var w = new Utf8JsonWriter(output, JsonOptions);
        void Cells(string name, IEnumerable<BreakdownCell> cells)
        {
            w.WriteStartObject(name);
            foreach (var cell in cells)
            {
                if (IsMasked(cell.Count, options))
                {
                    w.WriteString(cell.Key, Masked);
                }
                else
                {
                    w.WriteNumber(cell.Key, cell.Count);
                }
            }

            w.WriteEndObject();
        }

        w.WriteStartObject();
        w.WriteString("program", report.Program);
        w.WriteString("from", IsoDates.Format(report.Period.From));
        w.WriteString("to", IsoDates.Format(report.Period.To));
        if (options.Publication)
        {
            w.WriteBoolean("publication", true);
        }

        w.WriteStartObject("records");
        w.WriteNumber("read", report.RecordsRead);
        w.WriteNumber("ofProgram", report.RecordsOfProgram);
        w.WriteNumber("otherPrograms", report.RecordsOfOtherPrograms);
        w.WriteNumber("duplicates", report.RecordsDuplicate);
        w.WriteNumber("invalid", report.RecordsInvalid);
        w.WriteNumber("malformed", report.RecordsMalformed);
        w.WriteEndObject();
        w.WriteStartObject("participants");
        w.WriteNumber("total", report.Participants);
        Cells("byGender", report.ByGender);
        Cells("byEducation", report.ByEducation);
        Cells("byState", report.ByState);
        w.WriteEndObject();
        w.WriteNumber("entered", report.Entered);
        w.WriteStartObject("exited");
        w.WriteNumber("total", report.Exited);
        Cells("byReason", report.ExitedByReason);
        Cells("byOutcome", report.ExitedByOutcome);
        Cells("byEmploymentForm", report.ExitedByEmploymentForm);
        w.WriteEndObject();
        w.WriteStartObject("jobInterviews");
        w.WriteNumber("participants", report.JobInterviewParticipants);
        w.WriteNumber("hired", report.JobInterviewHired);
        w.WriteEndObject();
        w.WriteStartObject("followUps");
        w.WriteNumber("total", report.FollowUps);
        Cells("byOutcome", report.FollowUpsByOutcome);
        w.WriteEndObject();
        w.WriteStartArray("goals");
        foreach (var goal in report.Goals)
        {
            w.WriteStartObject();
            w.WriteString("id", goal.Id);
            w.WriteString("quantity", ContractNames<Programs.GoalQuantity>.Name(goal.Quantity));
            w.WriteNumber("target", goal.Target);
            w.WriteNumber("actual", goal.Actual);
            w.WriteString("status", ContractNames<GoalStatus>.Name(goal.Status));
            if (goal.Projection is { } p)
            {
                w.WriteStartObject("projection");
                w.WriteNumber("expected", p.Expected);
                w.WriteNumber("low", p.Low);
                w.WriteNumber("high", p.High);
                w.WriteString("by", IsoDates.Format(p.By));
                w.WriteEndObject();
            }

            if (goal.Milestone is { } m)
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
