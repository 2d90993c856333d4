using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InclusionModel.Cli;
using InclusionModel.IO;
using InclusionModel.Privacy;
using InclusionModel.Programs;
using InclusionModel.Tests.Cli;

namespace InclusionModel.Tests.Privacy;

/// <summary>No identity number in any output, error or message of any command, whatever field it hides in; no control character printed raw in text.</summary>
public sealed class RedactionTest : IDisposable
{
    /// <summary>The seven written forms of one identity number, and a coordination number.</summary>
    public static readonly string[] Forms =
    [
        "811218-9876", "811218+9876", "8112189876", "19811218-9876", "198112189876", "19811218+9876", "701063-2391", "197010632391",
    ];

    private readonly string _dir = Directory.CreateTempSubdirectory("inclusion-redaction-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static void AssertNoNumber(string text, string where)
        => Assert.False(PersonalIdentityNumbers.HoldsOne(text), $"an identity number in {where}: {text}");

    private string Write(string name, string content)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static string History(string participant, string program)
        => $$"""{"participant":"{{participant}}","program":"{{program}}","events":[{"on":"2019-01-10","type":"referred"},{"on":"2019-01-20","type":"assessed","eligible":true},{"on":"2019-02-01","type":"enrolled"}]}""";

    [Fact]
    public void HoldsOne_FindsEveryFormInsideAnId_ButNotInLongerDigitRuns()
    {
        foreach (string form in Forms)
        {
            Assert.True(PersonalIdentityNumbers.HoldsOne(form), form);
            Assert.True(PersonalIdentityNumbers.HoldsOne($"p-{form}"), $"p-{form}");
            Assert.True(PersonalIdentityNumbers.HoldsOne($"x{form}y"), $"x{form}y");
            Assert.Equal($"p-{PersonalIdentityNumbers.RedactedNumber}-x", PersonalIdentityNumbers.Redact($"p-{form}-x"));
        }

        Assert.False(PersonalIdentityNumbers.HoldsOne("p-19811218987612")); // the digits run on: not a number of the contract
        Assert.False(PersonalIdentityNumbers.HoldsOne("p-8112189877")); // wrong check digit
        Assert.False(PersonalIdentityNumbers.HoldsOne("2019-02-01"));
    }

    [Fact]
    public void Validate_AnIdentityNumberInAnyField_IsNeverPrinted_InTextOrJson()
    {
        var lines = new StringBuilder();
        foreach (string form in Forms)
        {
            lines.AppendLine(History($"p-{form}", "eskilstuna-romane-bucha")); // a participant id that holds a number
            lines.AppendLine(History("p-ok", form)); // a number as the program id
            lines.AppendLine(History("p-ok2", $"prog-{form}"));
            lines.AppendLine($$"""{"participant":"p-x","program":"hallefors-all-in","events":[{"on":"2019-01-10","type":"{{form}}"}]}""");
            lines.AppendLine($$"""{"participant":"p-y","program":"hallefors-all-in","{{form}}":1}""");
        }

        string file = Write("numbers.ndjson", lines.ToString());
        foreach (string format in new[] { "text", "json" })
        {
            foreach (string language in new[] { "en", "sv" })
            {
                var outcome = CliRun.Run(["validate", file, "--as-of", "2021-01-01", "--format", format, "--language", language]);

                Assert.Equal(1, outcome.ExitCode);
                AssertNoNumber(outcome.Output, $"validate --format {format} --language {language}");
                AssertNoNumber(outcome.Error, "standard error");
            }
        }

        var json = CliRun.Run(["validate", file, "--as-of", "2021-01-01", "--format", "json"]).Json;
        var first = json.GetProperty("participants")[0];
        Assert.Equal(System.Text.Json.JsonValueKind.Null, first.GetProperty("participant").ValueKind);
        Assert.Contains(first.GetProperty("violations").EnumerateArray(), v => v.GetProperty("rule").GetString() == "pii-in-identifier");
    }

    [Fact]
    public void TheLibrarysOwnWriters_WithholdNumbersWithoutTheCommandLine()
    {
        var validator = new InclusionModel.Validation.HistoryValidator();
        var reader = new InclusionModel.Histories.HistoryReader();
        var text = new StringWriter();
        var json = new MemoryStream();
        var textSink = new InclusionModel.Validation.TextValidationReportWriter(text);
        using (var jsonSink = new InclusionModel.Validation.JsonValidationReportWriter(json))
        {
            long line = 0;
            foreach (string form in Forms)
            {
                var verdict = validator.Validate(reader.Read(History("p-ok", $"prog-{form}"), ++line).Value!, new NodaTime.LocalDate(2021, 1, 1));
                textSink.Record(line, verdict);
                jsonSink.Record(line, verdict);
            }

            jsonSink.Complete(new InclusionModel.Validation.ValidationSummary(new NodaTime.LocalDate(2021, 1, 1), line, 0, line, 0));
        }

        AssertNoNumber(text.ToString(), "TextValidationReportWriter");
        AssertNoNumber(Encoding.UTF8.GetString(json.ToArray()), "JsonValidationReportWriter");
    }

    [Theory]
    [InlineData("validate", "{file}", "--format", "19811218-9876")]
    [InlineData("validate", "{dir}/19811218-9876.ndjson")]
    [InlineData("report", "{file}", "--program", "19811218-9876", "--final")]
    [InlineData("programs", "show", "p-19811218-9876")]
    [InlineData("validate", "{file}", "--as-of", "19811218-9876")]
    [InlineData("validate", "{file}", "--bogus-19811218-9876")]
    [InlineData("eligibility", "{dir}/811218-9876")]
    public void CommandLineErrors_NeverRepeatANumber(params string[] args)
    {
        string file = Write("one.ndjson", History("p-1", "hallefors-all-in") + "\n");
        string[] resolved = [.. args.Select(a => a.Replace("{file}", file, StringComparison.Ordinal).Replace("{dir}", _dir, StringComparison.Ordinal))];

        foreach (string language in new[] { "en", "sv" })
        {
            var outcome = CliRun.Run([.. resolved, "--language", language]);

            Assert.Equal(2, outcome.ExitCode);
            Assert.NotEqual("", outcome.Error);
            AssertNoNumber(outcome.Error, $"the error ({language})");
            AssertNoNumber(outcome.Output, $"the output ({language})");
        }
    }

    [Fact]
    public void Eligibility_NumbersInAnyField_AreNeverPrinted()
    {
        var lines = new StringBuilder();
        foreach (string form in Forms)
        {
            lines.AppendLine($$$"""{"person":"e-{{{form}}}","program":"hallefors-all-in","on":"2019-03-01","facts":{}}""");
            lines.AppendLine($$$"""{"person":"e-1","program":"{{{form}}}","on":"2019-03-01","facts":{}}""");
            lines.AppendLine($$$"""{"person":"e-2","program":"hallefors-all-in","on":"2019-03-01","facts":{"municipality":"{{{form}}}"}}""");
        }

        string file = Write("people.ndjson", lines.ToString());
        foreach (string format in new[] { "text", "json" })
        {
            var outcome = CliRun.Run(["eligibility", file, "--format", format]);
            AssertNoNumber(outcome.Output, $"eligibility --format {format}");
            AssertNoNumber(outcome.Error, "standard error");
        }
    }

    [Fact]
    public void ProgramsCheck_FlagsANumberInsideTheProgramOrAPhaseId()
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "programs", "orebro-steget.json")))!;
        node["id"] = "steget-19811218-9876";
        node["phases"]![0]!["id"] = "mapping-811218-9876";

        var result = ProgramDefinitionJson.Parse(node.ToJsonString());
        var check = CliRun.Run(["programs", "check", Write("pii.json", node.ToJsonString())]);

        Assert.Contains(result.Problems, p => p.Path == "$.id" && p.Message.Contains("pii-in-identifier"));
        Assert.Contains(result.Problems, p => p.Path == "$.phases[0].id" && p.Message.Contains("pii-in-identifier"));
        Assert.Equal(1, check.ExitCode);
        AssertNoNumber(check.Output, "programs check");
    }

    [Fact]
    public void TextOutput_EscapesControlCharacters_SoNoIdForgesALine()
    {
        // JSON escapes: the ids hold a real CR LF and ESC once read.
        string forged = History("p-1\\r\\nline 99: p-2 in x is invalid", "prog\\u001b[2J\\r\\nline 98: fake");
        string file = Write("forged.ndjson", forged + "\n");

        var outcome = CliRun.Run(["validate", file, "--as-of", "2021-01-01"]);

        string[] lines = outcome.Output.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length); // the record's line and the summary, nothing forged
        Assert.DoesNotContain('\u001b', outcome.Output);
        Assert.DoesNotContain('\r', outcome.Output);
        Assert.Contains("\\r\\nline 99", lines[0]);
    }

    [Property(MaxTest = 300)]
    public void RedactingStream_RedactsNumbersSplitAcrossAnyWrites(NonNegativeInt seed)
    {
        var random = new Random(seed.Get);
        var text = new StringBuilder();
        for (int i = 0; i < 40; i++)
        {
            text.Append(random.Next(4) switch
            {
                0 => Forms[random.Next(Forms.Length)],
                1 => random.Next(1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture),
                2 => "-+",
                _ => " line \"x\": ",
            });
        }

        byte[] bytes = Encoding.UTF8.GetBytes(text.ToString());
        var sink = new MemoryStream();
        var output = new RedactingStream(sink);
        for (int at = 0; at < bytes.Length;)
        {
            int length = Math.Min(bytes.Length - at, random.Next(1, 16));
            output.Write(bytes, at, length);
            at += length;
        }

        output.Flush();
        Assert.Equal(PersonalIdentityNumbers.Redact(text.ToString()), Encoding.UTF8.GetString(sink.ToArray()));
    }

    [Property(MaxTest = 300)]
    public void RedactUtf8_WithholdsWhatRedactWithholds(NonNegativeInt seed)
    {
        var random = new Random(seed.Get);
        string text = RandomText(random, 30);

        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        byte[]? redacted = PersonalIdentityNumbers.RedactUtf8(utf8);

        Assert.Equal(PersonalIdentityNumbers.Redact(text), Encoding.UTF8.GetString(redacted ?? utf8));
        Assert.Equal(redacted is null, ReferenceEquals(text, PersonalIdentityNumbers.Redact(text)));
    }

    /// <summary>
    /// Entries rendered and redacted on the workers reach a redacting output without a second scan; the
    /// output is what scanning everything would have given, numbers held across writes included.
    /// </summary>
    [Property(MaxTest = 300)]
    public void RedactingStream_PreRedactedEntries_GiveWhatScanningEverythingGives(NonNegativeInt seed)
    {
        var random = new Random(seed.Get);
        var whole = new StringBuilder();
        var sink = new MemoryStream();
        var output = new RedactingStream(sink);
        IPreRedactedOutput preRedacted = output;
        for (int i = 0; i < 12; i++)
        {
            if (random.Next(2) == 0)
            {
                // Text as any writer gives it, ending anywhere, even inside a number.
                string text = RandomText(random, 6);
                whole.Append(text);
                output.Write(Encoding.UTF8.GetBytes(text));
            }
            else
            {
                // A run of entries: starts and ends outside a number, redacted whole first.
                string entries = ",\n{" + RandomText(random, 6) + "}";
                whole.Append(entries);
                byte[] utf8 = Encoding.UTF8.GetBytes(entries);
                preRedacted.WritePreRedacted(PersonalIdentityNumbers.RedactUtf8(utf8) ?? utf8);
            }
        }

        output.Flush();
        Assert.Equal(PersonalIdentityNumbers.Redact(whole.ToString()), Encoding.UTF8.GetString(sink.ToArray()));
    }

    private static string RandomText(Random random, int parts)
    {
        var text = new StringBuilder();
        for (int i = 0; i < parts; i++)
        {
            text.Append(random.Next(4) switch
            {
                0 => Forms[random.Next(Forms.Length)],
                1 => random.Next(1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture),
                2 => "-+",
                _ => " line \"x\": ",
            });
        }

        return text.ToString();
    }
}
