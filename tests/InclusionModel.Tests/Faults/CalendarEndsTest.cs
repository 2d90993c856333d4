using System.Text;
using System.Text.RegularExpressions;
using InclusionModel.Histories;
using InclusionModel.Programs;
using InclusionModel.Reports;
using InclusionModel.Runs;
using InclusionModel.Testing;
using InclusionModel.Validation;
using NodaTime;

namespace InclusionModel.Tests.Faults;

/// <summary>
/// Every date computation at the ends of the calendar: histories whose last event is 9999-12-31 or whose
/// first is 0001-01-01 are validated, measured and reported with the values the contract gives (worked out
/// here from the events and NodaTime's Period), and a definition that could not be run there is refused when
/// it is checked.
/// </summary>
public partial class CalendarEndsTest
{
    public static TheoryData<string> Programs() => [.. ProgramCatalogue.BuiltIn.All.Select(p => p.Id)];

    [GeneratedRegex("\"(\\d{4}-\\d{2}-\\d{2})\"")]
    private static partial Regex Date();

    /// <summary>The histories of a program moved in time so that their last (or first) event falls on <paramref name="anchor"/>.</summary>
    private static List<ParticipantHistory> Moved(ProgramDefinition program, LocalDate anchor, bool last)
    {
        var reader = new HistoryReader();
        var moved = new List<ParticipantHistory>();
        foreach (var generated in HistoryGenerators.Sample(program, 150, seed: 7))
        {
            var events = generated.History.Events;
            var from = last ? events.Max(e => e.On) : events.Min(e => e.On);
            int shift = Period.Between(from, anchor, PeriodUnits.Days).Days;
            string line = Date().Replace(HistoryWriter.ToLine(generated.History), m => m.Value == $"\"{IsoDates.Format(generated.History.BirthDate ?? default)}\"" && generated.History.BirthDate is not null
                ? "\"1980-01-01\""
                : $"\"{IsoDates.Format(Parse(m.Groups[1].Value).PlusDays(shift))}\"");
            if (reader.Read(line, 1).Value is { } history)
            {
                moved.Add(history);
            }
        }

        Assert.NotEmpty(moved);
        return moved;
    }

    private static LocalDate Parse(string text) => IsoDates.TryParse(text, out var date) ? date : throw new FormatException(text);

    [Theory]
    [MemberData(nameof(Programs))]
    public void HistoriesEndingOn9999_12_31_AreValidatedMeasuredAndReported(string id)
    {
        var program = ProgramCatalogue.BuiltIn.Get(id);
        var end = new LocalDate(9999, 12, 31);
        var histories = Moved(program, end, last: true);
        var validator = new HistoryValidator();

        var verdicts = validator.ValidateAll(histories, end);
        AssertOpenPhases(program, verdicts, end);

        foreach (var period in new[] { ReportPeriod.Month(new YearMonth(9999, 12)), ReportPeriod.HalfYear(9999, 2), ReportPeriod.Between(new LocalDate(9990, 1, 1), end) })
        {
            var report = ReportBuilder.Build(histories, program, period);
            AssertEntriesAndExits(histories, report, period);
            var json = new MemoryStream();
            ReportWriter.WriteJson(report, json);
            Assert.Equal(IsoDates.Format(period.To), System.Text.Json.JsonDocument.Parse(json.ToArray()).RootElement.GetProperty("to").GetString());
            var text = new StringWriter();
            ReportWriter.WriteText(report, program.Name, text);
            // The heading names the period's last day, the calendar's last: "1–31 December 9999", "1 July – 31 December 9999" or "9990-01-01 to 9999-12-31".
            Assert.Matches("(31 December 9999|to 9999-12-31)$", text.ToString().Split('\n').First(l => l.Contains($"({program.Id})", StringComparison.Ordinal)).TrimEnd());
            Assert.StartsWith("<svg", GoalChart.ToSvg(report, program.Name), StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// Every verdict whose record ends in a phase has its open phase's progress: the elapsed time reaches the
    /// as-of date net of pauses, and the latest end is start + maximum months + paused days (NodaTime's
    /// Period), or null when that lies past 9999-12-31.
    /// </summary>
    private static void AssertOpenPhases(ProgramDefinition program, IReadOnlyList<HistoryValidationResult> verdicts, LocalDate asOf)
    {
        int open = 0;
        foreach (var verdict in verdicts.Where(v => v.FinalState.Kind is InclusionModel.Lifecycle.StateKind.Phase or InclusionModel.Lifecycle.StateKind.Paused))
        {
            var progress = verdict.OpenPhase;
            Assert.NotNull(progress);
            open++;
            var phase = program.Phases.Single(p => p.Id == progress.Phase);
            var netEnd = asOf.PlusDays(-progress.PausedDays);
            if (netEnd >= progress.StartedOn)
            {
                Assert.Equal(netEnd, progress.StartedOn.Plus(progress.Elapsed));
            }

            LocalDate? latest = phase.MaximumMonths is { } max && Oracles.PlusMonths(progress.StartedOn, max) is { } bound
                && Oracles.Days(bound, LocalDate.MaxIsoValue) >= progress.PausedDays ? bound.PlusDays(progress.PausedDays) : null;
            Assert.Equal(latest, progress.LatestEnd);
        }

        Assert.True(open > 0, "no record ends in a phase: the checks above checked nothing");
    }

    /// <summary>Entries and exits are the enrolments and exits dated in the period (§6), counted from the events.</summary>
    private static void AssertEntriesAndExits(List<ParticipantHistory> histories, ProgramReport report, ReportPeriod period)
    {
        bool In(LocalDate d) => d >= period.From && d <= period.To;
        Assert.Equal(histories.Sum(h => h.Events.Count(e => e.Type == EventType.Enrolled && In(e.On))), report.Entered);
        Assert.Equal(histories.Sum(h => h.Events.Count(e => e.Type == EventType.Exited && In(e.On))), report.Exited);
    }

    [Theory]
    [MemberData(nameof(Programs))]
    public void HistoriesStartingOn0001_01_01_AreValidatedMeasuredAndReported(string id)
    {
        var program = ProgramCatalogue.BuiltIn.Get(id);
        var start = new LocalDate(1, 1, 1);
        var histories = Moved(program, start, last: false);
        var validator = new HistoryValidator();

        var asOf = histories.Max(h => h.Events.Max(e => e.On));
        AssertOpenPhases(program, validator.ValidateAll(histories, asOf), asOf);

        var text = new StringBuilder();
        histories.ForEach(h => text.Append(HistoryWriter.ToLine(h)).Append('\n'));
        var output = new StringWriter();
        new NdjsonValidation(validator).Run(new MemoryStream(Encoding.UTF8.GetBytes(text.ToString())), new LocalDate(9999, 12, 31), new TextValidationReportWriter(output));
        Assert.StartsWith($"{histories.Count} records: ", output.ToString().TrimEnd().Split('\n')[^1], StringComparison.Ordinal);
        var month = ReportPeriod.Month(new YearMonth(1, 1));
        var report = ReportBuilder.Build(histories, program, month);
        AssertEntriesAndExits(histories, report, month);
        ReportWriter.WriteJson(report, Stream.Null);
    }

    [Theory]
    [InlineData("implementation", "9999-12-31", "$.period.implementation.end")]
    [InlineData("closing", "9999-12-31", "$.period.closing.end")]
    [InlineData("planning", "0001-01-01", "$.period.planning.start")]
    public void ADefinitionThatCannotRunAtTheEndsOfTheCalendar_IsRefusedByProgramsCheck(string stage, string date, string path)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "programs", "orebro-steget.json")))!;
        var period = node["period"]!;
        switch (stage)
        {
            case "implementation":
                period["implementation"]!["end"] = date;
                break;
            case "closing":
                period["implementation"]!["end"] = "2028-12-31";
                period["closing"] = new System.Text.Json.Nodes.JsonObject { ["start"] = "2029-01-01", ["end"] = date };
                break;
            default:
                period["planning"]!["start"] = date;
                break;
        }

        string file = Path.Combine(Directory.CreateTempSubdirectory("inclusion-calendar-").FullName, "edge.json");
        File.WriteAllText(file, node.ToJsonString());
        var check = Cli.CliRun.Run(["programs", "check", file, "--format", "json"]);
        var validate = Cli.CliRun.Run(["validate", Path.Combine(AppContext.BaseDirectory, "samples", "programs", "orebro-steget-histories.ndjson"), "--definition", file, "--as-of", "2027-09-30"]);

        Assert.Equal(1, check.ExitCode);
        Assert.Contains(check.Json.GetProperty("problems").EnumerateArray(), p => p.GetProperty("path").GetString() == path);
        Assert.Equal(2, validate.ExitCode); // refused before any record is read, never an OverflowException half-way
        Assert.Contains("is invalid", validate.Error);
        Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
    }

    [Fact]
    public void APhaseOfAMillionMonths_IsRefused()
    {
        string json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "programs", "orebro-steget.json"));
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        node["phases"]![0]!["maximumMonths"] = 1_000_000;

        var result = ProgramDefinitionJson.Parse(node.ToJsonString());

        Assert.Contains(result.Problems, p => p.Path == "$.phases[0].maximumMonths" && p.Message.Contains("at most 1,200"));
    }
}
