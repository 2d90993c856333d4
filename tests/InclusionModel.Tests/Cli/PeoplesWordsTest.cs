using InclusionModel.Programs;

namespace InclusionModel.Tests.Cli;

/// <summary>Errors in people's words: each common slip gets one line that says what to do.</summary>
public sealed class PeoplesWordsTest : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("inclusion-words-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Theory]
    [InlineData("valdate", "'valdate' is not a command; did you mean validate?")]
    [InlineData("report2", "'report2' is not a command; did you mean report?")]
    [InlineData("frobnicate", "'frobnicate' is not a command; the commands are validate, programs, eligibility, report, compare, serve")]
    public void AMistypedCommand_SuggestsTheNearestOne(string command, string message)
    {
        var outcome = CliRun.Run([command, "x.ndjson"]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal($"inclusion: {message} (see 'inclusion --help')\n", outcome.Error);
    }

    [Fact]
    public void AnUnknownOption_IsNotNoSuchFile()
    {
        var outcome = CliRun.Run(["validate", "--bogus"]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("unknown option '--bogus'", outcome.Error);
        Assert.DoesNotContain("no such file", outcome.Error);
    }

    [Theory]
    [InlineData("[{\"participant\":\"a\"},{\"participant\":\"b\"}]\n")]
    [InlineData("\uFEFF  [\n{\"participant\":\"a\"},\n{\"participant\":\"b\"}\n]\n")]
    public void AJsonArrayGivenAsNdjson_IsOneHint(string input)
    {
        string file = Write("array.ndjson", input);

        foreach (var args in new[] { new[] { "validate", file }, ["eligibility", file], ["report", file, "--program", "hallefors-all-in", "--final"], ["validate", "-"] })
        {
            var outcome = CliRun.Run(args, stdin: input);

            Assert.Equal(2, outcome.ExitCode);
            Assert.Equal("", outcome.Output);
            Assert.Single(outcome.Error.TrimEnd('\n').Split('\n'));
            Assert.Contains("is a JSON array, not NDJSON", outcome.Error);
        }
    }

    [Fact]
    public void ObjectsAfterWhiteSpace_AreStillRead()
    {
        string line = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "samples", "histories.ndjson")).First();

        var outcome = CliRun.Run(["validate", "-", "--as-of", "2021-06-30"], stdin: "\n\n   \n" + line + "\n");

        Assert.Equal(0, outcome.ExitCode);
        Assert.EndsWith("1 record: 1 valid, 0 invalid, 0 malformed (as of 2021-06-30)\n", outcome.Output);
    }

    [Theory]
    [InlineData("{\n  \"id\": \"x\", // the id\n  \"name\": \"y\"\n}\n", "a comment (// or /* */)")]
    [InlineData("{\n  \"id\": \"x\",\n  \"name\": \"y\",\n}\n", "a comma after the last item")]
    public void CommonSlipsInADefinition_AreSaidPlainly(string json, string words)
    {
        var result = ProgramDefinitionJson.Parse(json);

        var problem = Assert.Single(result.Problems);
        Assert.Contains(words, problem.Message);
        Assert.NotNull(problem.Line);
    }

    [Fact]
    public void Help_ListsTheExitCodes()
    {
        var outcome = CliRun.Run(["--help"]);

        Assert.Contains("Exit codes: 0 all valid; 1 at least one record, line or definition is invalid, malformed or not assessed; 2 the command could not run", outcome.Output);
    }
}
