using InclusionModel.Tests.Docs;

namespace InclusionModel.Tests.Cli;

/// <summary>
/// The command line against someone who tries (issue 22, findings 16–19, 21 and 22 of the security review):
/// comparisons that read nothing, standard input named twice, <c>--candidate -</c>, the baseline's label,
/// the year 0000, and file names and values that hold control or bidirectional characters.
/// </summary>
public sealed class CommandLineEdgesTest : IDisposable
{
    private static readonly string Histories = EmbeddingSampleTest.RepositoryFile("samples/histories.ndjson");
    private static readonly string People = EmbeddingSampleTest.RepositoryFile("samples/people.ndjson");
    private static readonly string Candidate = EmbeddingSampleTest.RepositoryFile("samples/programs/romane-bucha-employment-14.json");
    private readonly string _dir = Directory.CreateTempSubdirectory("inclusion-edges-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string File(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    // Every line malformed, or every line of another program: nothing of Romane Bucha is read.
    public static TheoryData<string, string> NothingOfTheProgram => new()
    {
        { "malformed", "garbage\n{\"participant\":\n" },
        { "another program", """{"participant":"p-1","program":"hallefors-all-in","events":[]}""" + "\n" },
    };

    [Theory]
    [MemberData(nameof(NothingOfTheProgram))]
    public void Compare_ReadingNoRecordOfTheProgram_SaysSoAndExitsOne_NeverNothingChanged(string what, string content)
    {
        string input = File($"{what}.ndjson", content);

        var text = CliRun.Run(["compare", input, "--candidate", Candidate, "--as-of", "2015-06-01"]);
        var json = CliRun.Run(["compare", input, "--candidate", Candidate, "--as-of", "2015-06-01", "--format", "json"]);
        var swedish = CliRun.Run(["compare", input, "--candidate", Candidate, "--as-of", "2015-06-01", "--language", "sv"]);

        Assert.Equal((1, 1, 1), (text.ExitCode, json.ExitCode, swedish.ExitCode));
        Assert.DoesNotContain("nothing changed", text.Output, StringComparison.Ordinal);
        Assert.Contains("none of them a record of eskilstuna-romane-bucha that could be read: nothing was compared", text.Output, StringComparison.Ordinal);
        Assert.Equal($"inclusion: '{input}' holds no record of eskilstuna-romane-bucha that could be read (every line malformed or of another program): nothing was compared", text.Error.TrimEnd());
        Assert.Equal(0, json.Json.GetProperty("summary").GetProperty("ofProgram").GetInt32());
        Assert.Contains("nothing was compared", json.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("inget ändrades", swedish.Output, StringComparison.Ordinal);
        Assert.Contains("innehåller ingen läsbar rad för eskilstuna-romane-bucha", swedish.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ComparePeople_OverHistories_ReadsNoPersonOfTheProgram_SaysSoAndExitsOne()
    {
        // A history export given to --people: every line is malformed as an eligibility line.
        var outcome = CliRun.Run(["compare", Histories, "--people", "--candidate", Candidate]);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("19 lines read, none of them a person of eskilstuna-romane-bucha that could be read: nothing was compared", outcome.Output, StringComparison.Ordinal);
        Assert.Contains("holds no eligibility line of eskilstuna-romane-bucha that could be read", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ComparePeople_SaysHowManyDecisionsChanged_InWords()
    {
        var same = CliRun.Run(["compare", People, "--people", "--candidate", Candidate]);

        Assert.Equal(0, same.ExitCode);
        Assert.Contains("9 lines read, 1 for the program; no decision changed", same.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("changed decisions", same.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-", "--candidate", "-", "file, --candidate")]
    [InlineData("-", "--baseline", "-", "file, --baseline")]
    [InlineData("/dev/stdin", "--candidate", "-", "file, --candidate")]
    public void Compare_StandardInputNamedTwice_CannotRun(string file, string option, string value, string named)
    {
        string[] args = option == "--candidate" ? ["compare", file, "--candidate", value] : ["compare", file, "--candidate", Candidate, option, value];

        var outcome = CliRun.Run(args, stdin: System.IO.File.ReadAllText(Candidate));

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal($"inclusion: standard input is named more than once ({named}); it can be read only once: give the others as files", outcome.Error.TrimEnd());
        Assert.Empty(outcome.Output);
    }

    [Fact]
    public void Compare_CandidateDash_ReadsTheCandidateFromStandardInput()
    {
        var outcome = CliRun.Run(["compare", Histories, "--candidate", "-", "--as-of", "2015-06-01", "--format", "json"], stdin: System.IO.File.ReadAllText(Candidate));

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal("employment.maximumMonths", outcome.Json.GetProperty("definition")[1].GetProperty("path").GetString());
        Assert.Equal(1, outcome.Json.GetProperty("summary").GetProperty("changed").GetInt32());
    }

    [Fact]
    public void Compare_TheCandidateAlsoGivenAsDefinition_NamesThatFileAsTheBaseline()
    {
        // --definition X replaces the built-in Romane Bucha, so X is the baseline: comparing X with X.
        var outcome = CliRun.Run(["compare", Histories, "--candidate", Candidate, "--definition", Candidate, "--as-of", "2015-06-01"]);

        Assert.Equal(0, outcome.ExitCode);
        string head = outcome.Output.Split('\n')[1];
        Assert.Equal($"Comparison of the definition of Romane Bucha (eskilstuna-romane-bucha) in '{Candidate}' with the definition in '{Candidate}'", head);
        Assert.Contains("\nDefinition: no field changed\n", outcome.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("report", "--month", "0000-01")]
    [InlineData("report", "--half-year", "0000-H1")]
    [InlineData("report", "--from", "0000-12-31")]
    [InlineData("report", "--to", "0000-01-01")]
    [InlineData("validate", "--as-of", "0000-01-01")]
    [InlineData("compare", "--as-of", "0000-06-01")]
    public void TheYearZero_IsRefusedWithItsOwnReason(string command, string option, string value)
    {
        string[] args = command switch
        {
            "report" => option is "--from" ? ["report", Histories, "--program", "hallefors-all-in", option, value, "--to", "2020-01-01"]
                : option is "--to" ? ["report", Histories, "--program", "hallefors-all-in", "--from", "2020-01-01", option, value]
                : ["report", Histories, "--program", "hallefors-all-in", option, value],
            "validate" => ["validate", Histories, option, value],
            _ => ["compare", Histories, "--candidate", Candidate, option, value],
        };

        var outcome = CliRun.Run(args);
        var swedish = CliRun.Run([.. args, "--language", "sv"]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal($"inclusion: {option} is in the year 0000, which the calendar does not have (years run from 0001), was '{value}'", outcome.Error.TrimEnd());
        Assert.Equal($"inclusion: {option} ska ligga i år 0001 eller senare (år 0000 finns inte i kalendern), inte '{value}'", swedish.Error.TrimEnd());
    }

    /// <summary>Names that would forge a line, colour a terminal, or turn the text around if printed raw.</summary>
    public static TheoryData<string, string> Names => new()
    {
        { "a\nforged: line", "a\\nforged: line" },
        { "x\u001b[31mred", "x\\u001b[31mred" },
        { "r\u202etxt.json", "r\\u202etxt.json" },
    };

    private static void AssertNoRawControl(CliOutcome outcome)
    {
        foreach (string printed in new[] { outcome.Output, outcome.Error })
        {
            // Line ends only where the command ends a line: no other C0/C1 control or bidirectional mark.
            string[] lines = printed.Split('\n');
            Assert.All(lines, line => Assert.DoesNotContain(line, c => (char.IsControl(c) && c != '\r') || c is '\u202a' or '\u202b' or '\u202c' or '\u202d' or '\u202e' or '\u2066' or '\u2067' or '\u2068' or '\u2069' or '\u200e' or '\u200f' or '\u061c'));
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void FileNames_WithControlOrBidirectionalCharacters_AreEscapedInEveryTextOutputAndMessage(string name, string escaped)
    {
        string dir = Path.Combine(_dir, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        string histories = Path.Combine(dir, name + ".ndjson");
        string empty = Path.Combine(dir, name + ".empty");
        string candidate = Path.Combine(dir, name + ".candidate.json");
        string broken = Path.Combine(dir, name + ".broken.json");
        string missing = Path.Combine(dir, name + ".missing");
        System.IO.File.Copy(Histories, histories);
        System.IO.File.WriteAllText(empty, "");
        System.IO.File.Copy(Candidate, candidate);
        System.IO.File.WriteAllText(broken, """{"id":"x""" + "\n");

        var runs = new (string[] Args, string Expected)[]
        {
            (["validate", missing], "cannot read"),
            (["validate", empty], "holds no records"),
            (["validate", histories, "--definition", broken], "is invalid"),
            (["eligibility", empty], "holds no lines"),
            (["report", empty, "--program", "hallefors-all-in", "--month", "2019-06"], "holds no records of All in (hallefors-all-in)"),
            (["report", histories, "--program", "hallefors-all-in", "--month", "2019-06", "--chart", Path.Combine(dir, "no-such-folder", name + ".svg")], "cannot write the chart"),
            (["programs", "check", candidate], "a valid definition"),
            (["programs", "check", broken], "the definition is invalid"),
            (["compare", histories, "--candidate", candidate, "--baseline", candidate, "--as-of", "2015-06-01"], "the definition in '"),
            (["compare", empty, "--candidate", candidate, "--as-of", "2015-06-01"], "nothing was compared"),
            (["compare", histories, "--candidate", broken], "is invalid"),
            ([name], "is not a command"),
            (["validate", histories, "--as-of", name], "--as-of"),
        };

        foreach (var (args, expected) in runs)
        {
            var outcome = CliRun.Run(args);
            string said = outcome.Output + outcome.Error;
            Assert.Contains(expected, said, StringComparison.Ordinal);
            Assert.Contains(escaped, said, StringComparison.Ordinal);
            AssertNoRawControl(outcome);
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Values_WithControlOrBidirectionalCharacters_AreEscapedInTheTextOfEveryCommand(string value, string escaped)
    {
        string json = System.Text.Json.JsonSerializer.Serialize(value);
        string histories = File("h.ndjson",
            $$"""{"participant":{{json}},"program":"eskilstuna-romane-bucha","events":[{"on":"2014-01-01","type":{{json}}}]}""" + "\n"
            + $$"""{"participant":"p-2","program":{{json}},"events":[]}""" + "\n");
        string people = File("p.ndjson",
            $$"""{"person":{{json}},"program":"eskilstuna-romane-bucha","on":"2019-03-01","facts":{"municipality":{{json}}""" + "}}\n");
        var definition = System.Text.Json.Nodes.JsonNode.Parse(System.IO.File.ReadAllText(Candidate))!.AsObject();
        definition["name"] = "Romane Bucha " + value;
        string renamed = File("d.json", definition.ToJsonString());

        var runs = new[]
        {
            CliRun.Run(["validate", histories, "--as-of", "2015-01-01"]),
            CliRun.Run(["eligibility", people]),
            CliRun.Run(["report", histories, "--program", "eskilstuna-romane-bucha", "--definition", renamed, "--from", "2014-01-01", "--to", "2014-12-31"]),
            CliRun.Run(["compare", histories, "--candidate", renamed, "--as-of", "2015-01-01"]),
            CliRun.Run(["compare", people, "--people", "--candidate", renamed]),
            CliRun.Run(["programs", "show", "eskilstuna-romane-bucha", "--definition", renamed]),
        };

        Assert.All(runs, AssertNoRawControl);
        Assert.Contains(escaped, runs[0].Output, StringComparison.Ordinal);
        Assert.Contains(escaped, runs[1].Output, StringComparison.Ordinal);
        Assert.Contains(escaped, runs[2].Output, StringComparison.Ordinal);
    }
}
