using System.Text;
using InclusionModel.Contract;
using InclusionModel.Histories;
using InclusionModel.Programs;
using InclusionModel.Runs;
using InclusionModel.Testing;
using InclusionModel.Validation;
using NodaTime;

namespace InclusionModel.Tests.Validation;

public class NdjsonValidationTest
{
    private static readonly LocalDate AsOf = new(2026, 1, 1);

    /// <summary>About 3 MB of generated histories (several chunks), some dated out of order, some of a program no one knows, with malformed and blank lines among them.</summary>
    private static (byte[] Input, List<ParticipantHistory> Histories) BigRun()
    {
        var histories = new List<ParticipantHistory>();
        var text = new StringBuilder();
        int n = 0;
        foreach (var program in ProgramCatalogue.BuiltIn.All)
        {
            // Two samples, each within the program's places, together over them (capacity-exceeded); the second's
            // participants renamed so that no one is a duplicate.
            var second = HistoryGenerators.Sample(program, 700, seed: -program.Id.Length)
                .Select(g => g with { History = ParticipantHistory.Create(g.History.Participant + "-b", g.History.Program, g.History.Events, g.History.Gender, g.History.BirthDate, g.History.EducationLevel) });
            foreach (var generated in HistoryGenerators.Sample(program, 700, seed: program.Id.Length).Concat(second))
            {
                var history = ++n % 7 == 0 && generated.History.Events.Length > 1
                    ? HistoryMutations.MoveBeforePredecessor(generated.History, 1, 3)
                    : generated.History;
                histories.Add(history);
                text.Append(HistoryWriter.ToLine(history)).Append('\n');
                if (n % 500 == 0)
                {
                    text.Append("{\"participant\":\"broken\"\n\n");
                }

                if (n % 400 == 0)
                {
                    // A program the run does not know: its verdict is kept without a lifecycle.
                    var unknown = ParticipantHistory.Create(history.Participant + "-u", "no-such-program", history.Events);
                    histories.Add(unknown);
                    text.Append(HistoryWriter.ToLine(unknown)).Append('\n');
                }
            }
        }

        return (Encoding.UTF8.GetBytes(text.ToString()), histories);
    }

    private sealed class Recorder : IValidationSink
    {
        public List<string> Entries { get; } = [];

        public ValidationSummary? Summary { get; private set; }

        public void Record(long line, HistoryValidationResult result)
            => Entries.Add($"{line} {result.Participant} {result.FinalState.Name} {string.Join(" | ", result.Violations)}");

        public void Malformed(long line, string reason) => Entries.Add($"{line} malformed {reason}");

        public void Complete(ValidationSummary summary) => Summary = summary;

        public void SpecialCategoryData(IReadOnlyList<string> programs)
        {
        }
    }

    [Fact]
    public void Run_InParallel_GivesExactlyWhatOneThreadGives()
    {
        var (input, _) = BigRun();
        var one = new Recorder();
        var many = new Recorder();

        new NdjsonValidation(new HistoryValidator()) { MaxDegreeOfParallelism = 1 }.Run(() => new MemoryStream(input), AsOf, one);
        new NdjsonValidation(new HistoryValidator()) { MaxDegreeOfParallelism = 4 }.Run(() => new MemoryStream(input), AsOf, many);

        Assert.True(input.Length > 3 * 1024 * 1024, "the run must span several chunks");
        Assert.Equal(one.Entries, many.Entries);
        Assert.Equal(one.Summary, many.Summary);
    }

    [Fact]
    public void Run_GivesTheVerdictsOfValidateAll_CapacityIncluded()
    {
        var (input, histories) = BigRun();
        var recorder = new Recorder();
        var validator = new HistoryValidator();

        var summary = new NdjsonValidation(validator).Run(() => new MemoryStream(input), AsOf, recorder);
        var expected = validator.ValidateAll(histories, AsOf);

        var verdicts = recorder.Entries.Where(e => !e.Contains(" malformed ")).Select(e => e[(e.IndexOf(' ') + 1)..]).ToList();
        Assert.Equal(expected.Select(r => $"{r.Participant} {r.FinalState.Name} {string.Join(" | ", r.Violations)}"), verdicts);
        Assert.Contains(expected, r => r.Violations.Any(v => v.Rule == ValidationRule.CapacityExceeded));
        Assert.Contains(expected, r => r.Violations.Any(v => v.Rule == ValidationRule.UnknownProgram));
        Assert.Equal(9800 / 500, summary.Malformed); // 7 programs, 1,400 records each, one malformed line after every 500th
        Assert.Equal(histories.Count + summary.Malformed, summary.Records);
    }

    [Fact]
    public void Run_KeptVerdictsOfProgramsWithPlaces_GetCapacityWhereTheReplayPutsIt()
    {
        // 35 Romane Bucha enrolments (30 places), among them: enrolled outside the window, an enrolment
        // dated before its predecessor, an open phase over its maximum, a program field written escaped,
        // and a malformed Romane Bucha line.
        var lines = new List<string>();
        for (int i = 0; i < 35; i++)
        {
            string enrolled = i switch { 31 => "2015-02-01", _ => $"2012-{1 + (i % 12):D2}-{10 + (i / 12):D2}" };
            string assessed = i == 22 ? "2012-12-30" : "2011-12-01";
            string extra = i == 23 ? "},{\"on\":\"2012-12-15\",\"type\":\"phase-started\",\"phase\":\"preparation\"},{\"on\":\"2013-01-01\",\"type\":\"phase-started\",\"phase\":\"employment\"" : "";
            string programField = i == 34 ? "pro\\u0067ram" : "program";
            lines.Add($$"""{"participant":"p-{{i:D2}}","{{programField}}":"eskilstuna-romane-bucha","events":[{"on":"2011-11-01","type":"referred"},{"on":"{{assessed}}","type":"assessed","eligible":true},{"on":"{{enrolled}}","type":"enrolled"{{extra}}}]}""");
        }

        lines.Insert(20, """{"participant":"bad","program":"eskilstuna-romane-bucha","events":[{"on":"2012-02-30","type":"referred"}]}""");
        byte[] input = Encoding.UTF8.GetBytes(string.Join("\n", lines));
        var reader = new HistoryReader();
        var wellFormed = lines.Select((l, i) => reader.Read(l, i + 1)).Where(r => r.Success).Select(r => r.Value!).ToList();
        var recorder = new Recorder();
        var validator = new HistoryValidator();

        new NdjsonValidation(validator) { MaxDegreeOfParallelism = 2 }.Run(() => new MemoryStream(input), AsOf, recorder);
        var expected = validator.ValidateAll(wellFormed, AsOf);

        Assert.Contains(expected, r => r.Violations.Select(v => v.Rule).SequenceEqual([ValidationRule.OutsideEnrolmentWindow, ValidationRule.CapacityExceeded]));
        Assert.Contains(expected, r => r.Violations.Select(v => v.Rule).SequenceEqual([ValidationRule.DateOrder, ValidationRule.CapacityExceeded]));
        Assert.Contains(expected, r => r.Violations.Select(v => v.Rule).SequenceEqual([ValidationRule.CapacityExceeded, ValidationRule.PhaseMaxDuration]));
        Assert.Equal(
            expected.Select(r => $"{r.Participant} {r.FinalState.Name} {string.Join(" | ", r.Violations)}"),
            recorder.Entries.Where(e => !e.Contains(" malformed ")).Select(e => e[(e.IndexOf(' ') + 1)..]));
        Assert.Single(recorder.Entries, e => e.StartsWith("21 malformed events[0].on: '"));
    }

    [Fact]
    public void Run_JsonReport_RenderedOnWorkersIsTheDocumentOfRecordByRecordWriting()
    {
        var (input, _) = BigRun();
        var streamed = new MemoryStream();
        using (var writer = new JsonValidationReportWriter(streamed))
        {
            new NdjsonValidation(new HistoryValidator()) { MaxDegreeOfParallelism = 2 }.Run(() => new MemoryStream(input), AsOf, writer);
        }

        // The same run fed to the writer one record at a time, through the public IValidationSink members.
        var oneByOne = new MemoryStream();
        using (var writer = new JsonValidationReportWriter(oneByOne))
        {
            new NdjsonValidation(new HistoryValidator()) { MaxDegreeOfParallelism = 1 }.Run(() => new MemoryStream(input), AsOf, new ForwardingSink(writer));
        }

        Assert.Equal(Encoding.UTF8.GetString(oneByOne.ToArray()), Encoding.UTF8.GetString(streamed.ToArray()));
    }

    [Theory]
    [InlineData("plain-program")]
    [InlineData("quote\\\"and\\\\backslash")]
    [InlineData("<tag>&amp; 'single' ÅÄÖ åäö")]
    [InlineData("line\\u2028separator\\ttab\\u0001control")]
    [InlineData("p-19811218-9876")]
    public void Run_JsonReport_WritesEachProgramIdAsAJsonWriterWouldWriteItsRedactedText(string escapedId)
    {
        // Program and state names are encoded once per batch: the bytes must be those a writer with the
        // document's options gives the redacted text, whatever the text holds.
        string line = $$"""{"participant":"p-1","program":"{{escapedId}}","events":[{"on":"2020-01-01","type":"referred"}]}""";
        string id = System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("program").GetString()!;
        var output = new MemoryStream();
        using (var writer = new JsonValidationReportWriter(output))
        {
            new NdjsonValidation(new HistoryValidator()).Run(() => new MemoryStream(Encoding.UTF8.GetBytes(line + "\n" + line.Replace("p-1", "p-2", StringComparison.Ordinal) + "\n")), AsOf, writer);
        }

        var expected = new MemoryStream();
        using (var json = new System.Text.Json.Utf8JsonWriter(expected, new System.Text.Json.JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("program"u8, InclusionModel.Privacy.PersonalIdentityNumbers.Redact(id));
            json.WriteEndObject();
        }

        string member = Encoding.UTF8.GetString(expected.ToArray())[1..^1];
        string document = Encoding.UTF8.GetString(output.ToArray());
        Assert.Equal(2, document.Split(member).Length - 1);
        Assert.DoesNotContain("19811218", document, StringComparison.Ordinal);
    }

    /// <summary>Hides the writer's batch rendering, so that every record goes through <see cref="IValidationSink.Record"/>.</summary>
    private sealed class ForwardingSink(IValidationSink inner) : IValidationSink
    {
        public void Record(long line, HistoryValidationResult result) => inner.Record(line, result);

        public void Malformed(long line, string reason) => inner.Malformed(line, reason);

        public void Complete(ValidationSummary summary) => inner.Complete(summary);

        public void SpecialCategoryData(IReadOnlyList<string> programs) => inner.SpecialCategoryData(programs);
    }
}
