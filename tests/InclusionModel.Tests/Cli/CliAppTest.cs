using System.Text;
using System.Text.Json;
using InclusionModel.Cli;
using NodaTime;
using NodaTime.Testing;

namespace InclusionModel.Tests.Cli;

public sealed class CliAppTest : IDisposable
{
    private static readonly string SamplePath = Path.Combine(AppContext.BaseDirectory, "samples", "histories.ndjson");
    private readonly string _dir = Directory.CreateTempSubdirectory("inclusion-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static CliOutcome Run(string[] args, string? stdin = null, Instant? now = null, DateTimeZone? zone = null)
        => CliRun.Run(args, stdin, now, zone);

    private string WriteFile(string name, string content)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Validate_SampleAsText_ListsInvalidAndMalformedLinesThenSummary()
    {
        var outcome = Run(["validate", SamplePath, "--as-of", "2021-06-30"]);

        Assert.Equal(1, outcome.ExitCode);
        string[] lines = outcome.Output.TrimEnd().Split('\n')[1..]; // after the special-category marking
        Assert.StartsWith("NOTE: this output holds sensitive personal data (GDPR article 9): taking part in Romane Bucha, ", outcome.Output);
        Assert.Equal(12, lines.Length); // 10 invalid, 1 malformed, 1 summary
        Assert.Equal("line 2: p-0002 in Romane Bucha (eskilstuna-romane-bucha) is invalid (state exited): Phase longer than its maximum (phase-max-duration) at event 5 (2013-05-02): employment lasted 13 months and 1 day; at most 12 months", lines[0]);
        Assert.Equal("line 14: malformed: events[0].on: '2019-02-30' is not a valid date (YYYY-MM-DD)", lines[5]);
        Assert.Equal("19 records: 8 valid, 10 invalid, 1 malformed (as of 2021-06-30)", lines[^1]);
        Assert.Equal("", outcome.Error);
    }

    [Fact]
    public void Validate_SampleAsJson_FollowsTheContract()
    {
        var json = Run(["validate", SamplePath, "--as-of", "2021-06-30", "--format", "json"]).Json;

        Assert.Equal("2021-06-30", json.GetProperty("asOf").GetString());
        var summary = json.GetProperty("summary");
        Assert.Equal((19, 8, 10, 1), (summary.GetProperty("records").GetInt32(), summary.GetProperty("valid").GetInt32(), summary.GetProperty("invalid").GetInt32(), summary.GetProperty("malformed").GetInt32()));

        var participants = json.GetProperty("participants").EnumerateArray().ToList();
        Assert.Equal(18, participants.Count);
        var second = participants[1];
        Assert.Equal(2, second.GetProperty("line").GetInt32());
        Assert.Equal("p-0002", second.GetProperty("participant").GetString());
        Assert.False(second.GetProperty("valid").GetBoolean());
        Assert.Equal("exited", second.GetProperty("state").GetString());
        var violation = second.GetProperty("violations")[0];
        Assert.Equal("phase-max-duration", violation.GetProperty("rule").GetString());
        Assert.Equal(5, violation.GetProperty("event").GetInt32());
        Assert.Equal("2013-05-02", violation.GetProperty("on").GetString());

        var pii = participants.Single(p => p.GetProperty("line").GetInt32() == 13);
        Assert.Equal(JsonValueKind.Null, pii.GetProperty("participant").ValueKind);
        Assert.Equal(JsonValueKind.Null, pii.GetProperty("violations")[0].GetProperty("event").ValueKind);

        var openOverMaximum = participants.Single(p => p.GetProperty("line").GetInt32() == 19);
        Assert.Equal("employment", openOverMaximum.GetProperty("state").GetString());

        var unknownProgram = participants.Single(p => p.GetProperty("line").GetInt32() == 15);
        Assert.Equal(JsonValueKind.Null, unknownProgram.GetProperty("state").ValueKind);

        var malformed = Assert.Single(json.GetProperty("malformed").EnumerateArray());
        Assert.Equal(14, malformed.GetProperty("line").GetInt32());
        Assert.Equal("line 14: events[0].on: '2019-02-30' is not a valid date (YYYY-MM-DD)", malformed.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    public void Validate_Sample_NeverPrintsTheIdentityNumber(string format)
    {
        var outcome = Run(["validate", SamplePath, "--as-of", "2021-06-30", "--format", format]);

        Assert.DoesNotContain("1212", outcome.Output);
        Assert.DoesNotContain("1212", outcome.Error);
    }

    [Fact]
    public void Validate_StandardInput_GivesTheSameDocumentAsTheFile()
    {
        var fromFile = Run(["validate", SamplePath, "--as-of", "2021-06-30", "--format", "json"]);

        var fromStdin = Run(["validate", "-", "--as-of", "2021-06-30", "--format", "json"], stdin: File.ReadAllText(SamplePath));

        Assert.Equal(1, fromStdin.ExitCode);
        Assert.Equal(fromFile.Output, fromStdin.Output);
    }

    [Fact]
    public void Validate_AllValid_ExitsZero()
    {
        string valid = string.Join('\n', File.ReadLines(SamplePath).Take(1));

        var outcome = Run(["validate", "-", "--as-of", "2021-06-30"], stdin: valid);

        Assert.Equal(0, outcome.ExitCode);
        Assert.EndsWith("\n1 record: 1 valid, 0 invalid, 0 malformed (as of 2021-06-30)\n", outcome.Output);
        Assert.StartsWith("NOTE: this output holds sensitive personal data (GDPR article 9): taking part in Romane Bucha shows", outcome.Output);
    }

    [Fact]
    public void Validate_WithoutAsOf_UsesTodayInTheMachineZone()
    {
        // 2021-06-29T23:30Z is already 30 June in Stockholm.
        var outcome = Run(["validate", SamplePath, "--format", "json"], now: Instant.FromUtc(2021, 6, 29, 23, 30), zone: DateTimeZoneProviders.Tzdb["Europe/Stockholm"]);

        Assert.Equal("2021-06-30", outcome.Json.GetProperty("asOf").GetString());
    }

    [Fact]
    public void Validate_EmptyFile_ExitsZeroAndSaysSo()
    {
        var outcome = Run(["validate", WriteFile("empty.ndjson", "")]);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("holds no records", outcome.Error);
        Assert.Equal("0 records: 0 valid, 0 invalid, 0 malformed (as of 2026-11-25)\n", outcome.Output);
    }

    [Fact]
    public void Validate_BomCrLfAndBlankLines_AreAccepted()
    {
        string line = File.ReadLines(SamplePath).First();
        string other = line.Replace("\"p-0001\"", "\"p-0001-b\"", StringComparison.Ordinal); // one participant per record
        string path = WriteFile("crlf.ndjson", "\uFEFF" + line + "\r\n\r\n" + other + "\r\n");

        var outcome = Run(["validate", path, "--as-of", "2021-06-30", "--format", "json"]);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal([1, 3], outcome.Json.GetProperty("participants").EnumerateArray().Select(p => p.GetProperty("line").GetInt32()));
    }

    [Fact]
    public void Validate_TenMegabyteMalformedLine_IsLocatedAndTheOthersStillValidated()
    {
        string line = File.ReadLines(SamplePath).First();
        string huge = "{\"participant\":\"p-big\",\"program\":\"x\",\"events\":[],\"note\":\"" + new string('x', 10 * 1024 * 1024) + "\"}";
        string path = WriteFile("big.ndjson", line + "\n" + huge + "\n" + line + "\n");

        var outcome = Run(["validate", path, "--as-of", "2021-06-30", "--format", "json"]);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal(2, outcome.Json.GetProperty("participants").GetArrayLength());
        Assert.Equal("line 2: 'note' is not a field of a participant record (fields: participant, program, gender, birthDate, educationLevel, events)",
            outcome.Json.GetProperty("malformed")[0].GetProperty("error").GetString());
    }

    [Fact]
    public void Validate_ProgramFile_IsUsedBesideTheCatalogue()
    {
        string program = WriteFile("program.json", """{"id":"orebro-test","name":"Test","places":1,"phases":[{"id":"coaching","maximumMonths":2}]}""");
        string histories = WriteFile("h.ndjson",
            """{"participant":"a","program":"orebro-test","events":[{"on":"2020-01-01","type":"referred"},{"on":"2020-01-02","type":"assessed","eligible":true},{"on":"2020-01-03","type":"enrolled"},{"on":"2020-01-03","type":"phase-started","phase":"coaching"}]}""" + "\n" +
            """{"participant":"b","program":"orebro-test","events":[{"on":"2020-01-01","type":"referred"},{"on":"2020-01-02","type":"assessed","eligible":true},{"on":"2020-01-04","type":"enrolled"}]}""" + "\n");

        var outcome = Run(["validate", histories, "--definition", program, "--as-of", "2020-06-01", "--format", "json"]);

        var participants = outcome.Json.GetProperty("participants");
        Assert.Equal("phase-max-duration", participants[0].GetProperty("violations")[0].GetProperty("rule").GetString());
        Assert.Equal("capacity-exceeded", participants[1].GetProperty("violations")[0].GetProperty("rule").GetString());
    }

    [Theory]
    [InlineData("missing.ndjson", new string[0], "cannot read")]
    [InlineData("{sample}", new[] { "--bogus" }, "Unrecognized command or argument '--bogus'")]
    [InlineData("{sample}", new[] { "--as-of", "2021-02-30" }, "--as-of 2021-02-30 does not exist: February 2021 has 28 days")]
    [InlineData("{sample}", new[] { "--as-of", "2021-02-3" }, "--as-of must be a date YYYY-MM-DD")]
    [InlineData("{sample}", new[] { "--format", "xml" }, "xml")]
    [InlineData("{sample}", new[] { "--definition", "missing.json" }, "cannot read program file 'missing.json'")]
    public void Validate_CannotRun_ExitsTwoWithOneLineOnStandardError(string file, string[] extra, string expected)
    {
        var outcome = Run(["validate", file == "{sample}" ? SamplePath : file, .. extra]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(expected, outcome.Error);
        Assert.Single(outcome.Error.TrimEnd().Split('\n'));
        Assert.DoesNotContain("   at ", outcome.Error);
    }

    [Fact]
    public void Validate_InvalidProgramFile_ExitsTwoAndNamesEveryProblem()
    {
        string program = WriteFile("bad.json", """{"id":"Bad Id","name":"","phases":[{"id":"paused","minimumMonths":5,"maximumMonths":2}]}""");

        var outcome = Run(["validate", SamplePath, "--definition", program]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("$.id", outcome.Error);
        Assert.Contains("$.name", outcome.Error);
        Assert.Contains("$.phases[0].id", outcome.Error);
        Assert.Contains("$.phases[0].maximumMonths", outcome.Error);
    }

    [Fact]
    public void Validate_ProgramFileWithSyntaxError_ExitsTwoWithItsLine()
    {
        string program = WriteFile("broken.json", "{\n  \"id\": \"x\",\n  \"phases\": [ }\n");

        var outcome = Run(["validate", SamplePath, "--definition", program]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("line 3", outcome.Error);
    }

    [Fact]
    public void Help_ExitsZeroAndDescribesValidate()
    {
        var outcome = Run(["validate", "--help"]);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("--as-of", outcome.Output);
    }
}
