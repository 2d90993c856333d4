using System.Text;
using FsCheck;
using FsCheck.Xunit;
using InclusionModel.Contract;
using InclusionModel.Histories;
using InclusionModel.Programs;
using InclusionModel.Reports;
using InclusionModel.Runs;
using InclusionModel.Testing;
using InclusionModel.Tests.Cli;
using InclusionModel.Validation;
using NodaTime;

namespace InclusionModel.Tests.Validation;

/// <summary><c>duplicate-participant</c> across a run, and distinct participants in reports.</summary>
public class DuplicateParticipantTest
{
    private static readonly LocalDate AsOf = new(2021, 6, 30);
    private static readonly string Sample = Path.Combine(AppContext.BaseDirectory, "samples", "histories.ndjson");

    private sealed class Recorder : IValidationSink
    {
        public List<(long Line, HistoryValidationResult? Verdict)> Outcomes { get; } = [];

        public void Record(long line, HistoryValidationResult result) => Outcomes.Add((line, result));

        public void Malformed(long line, string reason) => Outcomes.Add((line, null));

        public void Complete(ValidationSummary summary)
        {
        }

        public void SpecialCategoryData(IReadOnlyList<string> programs)
        {
        }
    }

    [Fact]
    public void ValidateAll_SameIdInTwoPrograms_IsNoDuplicate_SameIdSameProgram_Is()
    {
        // Contract §3: duplicate-participant is a later record with the same participant *and* program.
        var a = ProgramDefinition.Create("program-a", "A", [PhaseDefinition.Create("activities")]);
        var b = ProgramDefinition.Create("program-b", "B", [PhaseDefinition.Create("activities")]);
        var validator = new HistoryValidator(ProgramSet.Of([a, b]));
        ParticipantHistory Referred(string participant, string program) => ParticipantHistory.Create(participant, program, [HistoryEvent.Referred(new LocalDate(2020, 1, 1))]);

        var results = validator.ValidateAll([Referred("p-1", "program-a"), Referred("p-1", "program-b"), Referred("p-2", "program-a"), Referred("p-1", "program-a"), Referred("p-1", "program-b")], AsOf);

        Assert.Equal([true, true, true, false, false], results.Select(r => r.IsValid));
        Assert.All(results.Skip(3), r => Assert.Equal(["duplicate-participant"], r.Violations.Select(v => v.RuleId)));
    }

    [Fact]
    public void Validate_TheSameParticipantAndProgramTwice_TheLaterLineIsInvalid()
    {
        string first = File.ReadLines(Sample).First();
        string other = first.Replace("\"eskilstuna-romane-bucha\"", "\"hallefors-all-in\"", StringComparison.Ordinal);
        string file = Path.Combine(Directory.CreateTempSubdirectory("inclusion-dup-").FullName, "dup.ndjson");
        File.WriteAllText(file, $"{first}\n{other}\n{first}\n");

        var json = CliRun.Run(["validate", file, "--as-of", "2021-06-30", "--format", "json"]);

        Assert.Equal(1, json.ExitCode);
        var participants = json.Json.GetProperty("participants");
        Assert.True(participants[0].GetProperty("valid").GetBoolean()); // the first line is the record
        Assert.DoesNotContain(participants[1].GetProperty("violations").EnumerateArray(), v => v.GetProperty("rule").GetString() == "duplicate-participant"); // another program
        var third = participants[2];
        Assert.False(third.GetProperty("valid").GetBoolean());
        var violation = Assert.Single(third.GetProperty("violations").EnumerateArray());
        Assert.Equal("duplicate-participant", violation.GetProperty("rule").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, violation.GetProperty("event").ValueKind);
        Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
    }

    [Fact]
    public void Validate_AnEscapedIdIsTheSameId()
    {
        string first = File.ReadLines(Sample).First();
        string escaped = first.Replace("\"p-0001\"", "\"p\\u002d0001\"", StringComparison.Ordinal);
        var recorder = new Recorder();

        new NdjsonValidation(new HistoryValidator()).Run(new MemoryStream(Encoding.UTF8.GetBytes($"{first}\n{escaped}\n")), AsOf, recorder);

        Assert.Contains(recorder.Outcomes[1].Verdict!.Violations, v => v.Rule == ValidationRule.DuplicateParticipant);
    }

    [Property(MaxTest = 60)]
    public void Validate_StreamedDuplicates_AreExactlyThoseOfValidateAll(NonNegativeInt seed, PositiveInt copies)
    {
        // Generated runs with lines repeated at random places.
        var random = new Random(seed.Get);
        var program = ProgramCatalogue.BuiltIn.All[random.Next(ProgramCatalogue.BuiltIn.All.Count)];
        var histories = HistoryGenerators.Sample(program, 40, seed.Get).Select(g => g.History).ToList();
        for (int i = 0; i < copies.Get % 15; i++)
        {
            histories.Insert(random.Next(histories.Count + 1), histories[random.Next(histories.Count)]);
        }

        var text = new StringBuilder();
        histories.ForEach(h => text.Append(HistoryWriter.ToLine(h)).Append('\n'));
        var validator = new HistoryValidator();
        var recorder = new Recorder();

        new NdjsonValidation(validator) { MaxDegreeOfParallelism = 2 }.Run(new MemoryStream(Encoding.UTF8.GetBytes(text.ToString())), AsOf, recorder);
        var expected = validator.ValidateAll(histories, AsOf);

        int distinct = histories.Select(h => (h.Participant, h.Program)).Distinct().Count();
        Assert.Equal(histories.Count - distinct, expected.Count(r => r.Violations.Any(v => v.Rule == ValidationRule.DuplicateParticipant)));
        Assert.Equal(
            expected.Select(r => string.Join(" | ", r.Violations)),
            recorder.Outcomes.Select(o => string.Join(" | ", o.Verdict!.Violations)));
    }

    [Fact]
    public void Report_CountsADuplicateLineOnce()
    {
        string sample = Path.Combine(AppContext.BaseDirectory, "samples", "motala-2020.ndjson");
        string[] lines = File.ReadAllLines(sample);
        string motala = lines.First(l => l.Contains("motala-utanforskap", StringComparison.Ordinal));
        byte[] once = Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n");
        byte[] twice = Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n" + motala + "\n");
        var program = ProgramCatalogue.BuiltIn.Get("motala-utanforskap-till-sysselsattning");
        var period = ReportPeriod.Month(new YearMonth(2020, 4));

        var a = new NdjsonReport().Run(new MemoryStream(once), program, period);
        var b = new NdjsonReport().Run(new MemoryStream(twice), program, period);

        Assert.Equal(0, a.RecordsDuplicate);
        Assert.Equal(1, b.RecordsDuplicate);
        Assert.Equal(a.RecordsOfProgram + 1, b.RecordsOfProgram);
        Assert.Equal(ReportWriter.Rows(a).Where(r => !r.Figure.StartsWith("records.", StringComparison.Ordinal)), ReportWriter.Rows(b).Where(r => !r.Figure.StartsWith("records.", StringComparison.Ordinal)));
    }
}
