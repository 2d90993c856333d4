using System.CommandLine;
using System.Globalization;
using InclusionModel.Eligibility;
using InclusionModel.Privacy;
using InclusionModel.Programs;
using InclusionModel.Reports;
using InclusionModel.Runs;
using NodaTime;

namespace InclusionModel.Cli;

/// <summary><c>inclusion report</c> (docs/interchange-contract.md §6).</summary>
internal sealed class ReportCommand(CliHost host, StreamWriter output) : CliCommand
{
    /// <inheritdoc/>
    internal override Command Build()
    {
        var input = RequiredArgument("file", Texts.Get("help.report.file"));
        var program = ValueOption("--program", Texts.Get("help.report.program"), required: true);
        var month = ValueOption("--month", Texts.Get("help.report.month"));
        var from = ValueOption("--from", Texts.Get("help.report.from"));
        var to = ValueOption("--to", Texts.Get("help.report.to"));
        var halfYear = ValueOption("--half-year", Texts.Get("help.report.half-year"));
        var final = FlagOption("--final", Texts.Get("help.report.final"));
        var definitions = DefinitionFilesOption();
        var format = ChoiceOption("--format", Texts.Get("help.report.format"), "text", "text", "json", "csv", "xlsx");
        var publication = FlagOption("--publication", Texts.Get("help.report.publication"));
        var minCell = WholeNumber<int?>("--min-cell", n => (int)Math.Clamp(n, int.MinValue, int.MaxValue), null);
        minCell.Description = Texts.Get("help.report.min-cell");
        var chart = ValueOption("--chart", Texts.Get("help.report.chart"));
        var command = new Command("report", Texts.Get("help.report"))
        {
            input, program, month, from, to, halfYear, final, definitions, format, publication, minCell, chart,
        };
        SetCancellableAction(command, (parsed, cancellationToken) =>
        {
            RefuseWorkbookOnTerminal(parsed.GetValue(format), host);
            var programs = LoadPrograms(parsed.GetValue(definitions) ?? []);
            var definition = RequireProgram(programs, parsed.GetValue(program)!);

            var period = Period(definition, parsed.GetValue(month), parsed.GetValue(from), parsed.GetValue(to), parsed.GetValue(halfYear), parsed.GetValue(final));
            string path = parsed.GetValue(input)!;
            ProgramReport report;
            host.Written!.What = Texts.Get("what.report");
            using (var stream = OpenInput(path, host)) // one pass: read as it comes, never copied
            {
                report = new NdjsonReport(programs).Run(stream, definition, period, cancellationToken);
            }

            var options = ReportOptionsOf(parsed.GetValue(publication), parsed.GetValue(minCell));
            if (parsed.GetValue(chart) is { } chartPath)
            {
                try
                {
                    File.WriteAllText(chartPath, GoalChart.ToSvg(report, definition, options)); // in publication mode, the published goals
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
                {
                    throw new CliException(Texts.Format("cli.chart", chartPath, Reason(e)));
                }
            }

            switch (parsed.GetValue(format))
            {
                case "json":
                    output.Flush();
                    ReportWriter.WriteJson(report, host.Output, options);
                    break;
                case "csv":
                    ReportWriter.WriteCsv(report, output, options);
                    break;
                case "xlsx":
                    WriteWorkbook(output, host, stream => Workbooks.WorkbookWriter.WriteReport(report, definition, stream, options));
                    break;
                default:
                    ReportWriter.WriteText(report, definition, output, options);
                    break;
            }

            if (ReportWriter.OutsideNote(report, definition) is { } outside)
            {
                // The text report says it under its title; every format also says it here, as a message (a lower-case clause, no full stop).
                host.Error.WriteLine($"inclusion: {char.ToLower(outside[0], System.Globalization.CultureInfo.InvariantCulture)}{outside[1..].TrimEnd('.')}");
            }

            if (report.RecordsOfProgram == 0)
            {
                host.Error.WriteLine($"inclusion: {Texts.Format("cli.no-records-of", InputName(path), $"{SafeText.ForText(definition.Name)} ({definition.Id})")}");
            }

            return Valid;
        });
        return command;
    }

    private static ReportOptions ReportOptionsOf(bool publication, int? minCell)
    {
        if (minCell is not { } k)
        {
            return new ReportOptions(publication);
        }

        if (!publication)
        {
            throw new CliException(Texts.Get("cli.min-cell-alone"));
        }

        return k >= 3 ? new ReportOptions(true) { MinCell = k } : throw new CliException(Texts.Format("cli.min-cell", k));
    }

    private static ReportPeriod Period(ProgramDefinition program, string? month, string? from, string? to, string? halfYear, bool final)
    {
        int given = (month is null ? 0 : 1) + (from is null && to is null ? 0 : 1) + (halfYear is null ? 0 : 1) + (final ? 1 : 0);
        if (given != 1)
        {
            throw new CliException(given == 0
                ? Texts.Get("cli.which-period")
                : Texts.Get("cli.one-period"));
        }

        RefuseYearZero(("--month", month), ("--half-year", halfYear), ("--from", from), ("--to", to));
        if (month is not null)
        {
            return ReportPeriod.TryParseMonth(month, out var monthly)
                ? monthly
                : throw NotInCalendar("--month", month, Texts.Format("cli.bad-month", Privacy.PersonalIdentityNumbers.SafeToQuote(month)));
        }

        if (halfYear is not null)
        {
            return ReportPeriod.TryParseHalfYear(halfYear, out var half)
                ? half
                : throw NotInCalendar("--half-year", halfYear, Texts.Format("cli.bad-half-year", Privacy.PersonalIdentityNumbers.SafeToQuote(halfYear)));
        }

        if (final)
        {
            try
            {
                return ReportPeriod.Final(program);
            }
            catch (ArgumentException)
            {
                // Say what is missing: a project whose end is stated may still lack its start (Romane Droma)
                var whole = program.Schedule.WholePeriod;
                string missing = whole.Start is null && whole.End is null ? "both" : whole.Start is null ? "start" : "end";
                throw new CliException(Texts.Format($"cli.no-final-period.{missing}", $"{SafeText.ForText(program.Name)} ({program.Id})"));
            }
        }

        if (from is null || to is null)
        {
            throw new CliException(Texts.Get("cli.from-to"));
        }

        LocalDate first = IsoDates.TryParse(from, out var f) ? f : throw NotInCalendar("--from", from, Texts.Format("cli.bad-date", "--from", Privacy.PersonalIdentityNumbers.SafeToQuote(from)));
        LocalDate last = IsoDates.TryParse(to, out var t) ? t : throw NotInCalendar("--to", to, Texts.Format("cli.bad-date", "--to", Privacy.PersonalIdentityNumbers.SafeToQuote(to)));
        return last >= first ? ReportPeriod.Between(first, last) : throw new CliException(Texts.Format("cli.period-backwards", to, from));
    }
}
