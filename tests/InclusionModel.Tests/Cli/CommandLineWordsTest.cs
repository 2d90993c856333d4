namespace InclusionModel.Tests.Cli;

/// <summary>
/// Issue 23 and 24: every mistake on the command line is said in the project's own words, in either language, on
/// one line ending in the pointer to --help, with exit code 2; no English of System.CommandLine reaches a Swedish
/// reader, and nothing of the command translates another library's messages with regular expressions.
/// </summary>
public sealed class CommandLineWordsTest
{
    [Theory]
    [InlineData(new[] { "validate" }, "give a file of participant histories to validate, or - for standard input", "ange en fil med deltagarhistorik som ska valideras, eller - för standardindata")]
    [InlineData(new[] { "report" }, "give a file of participant histories to report on, or - for standard input", "ange en fil med deltagarhistorik som rapporten ska bygga på, eller - för standardindata")]
    [InlineData(new[] { "eligibility" }, "give a file of people to assess, or - for standard input", "ange en fil med personer att bedöma, eller - för standardindata")]
    [InlineData(new[] { "compare" }, "give a file of participant histories (with --people, of people) to compare the definitions on, or - for standard input", "ange en fil med deltagarhistorik (med --people en fil med personer) att jämföra definitionerna på, eller - för standardindata")]
    [InlineData(new[] { "programs", "show" }, "give the id of a program; 'inclusion programs' lists them", "ange id för ett projekt; 'inclusion programs' listar dem")]
    [InlineData(new[] { "programs", "check" }, "give a program definition file to check, or - for standard input", "ange en projektdefinitionsfil som ska kontrolleras, eller - för standardindata")]
    [InlineData(new[] { "report", "x.ndjson", "--final" }, "--program is required", "--program måste anges")]
    [InlineData(new[] { "compare", "x.ndjson" }, "--candidate is required", "--candidate måste anges")]
    [InlineData(new[] { "report", "x.ndjson", "--final", "--program" }, "--program needs a value", "--program behöver ett värde")]
    [InlineData(new[] { "validate", "x.ndjson", "--as-of" }, "--as-of needs a value", "--as-of behöver ett värde")]
    [InlineData(new[] { "programs", "--format" }, "--format needs a value", "--format behöver ett värde")]
    [InlineData(new[] { "validate", "x.ndjson", "--as-of", "2021-01-01", "--as-of", "2021-01-02" }, "--as-of takes one value, was given 2", "--as-of får anges bara en gång (angavs 2 gånger)")]
    [InlineData(new[] { "report", "x.ndjson", "--program", "a", "--program", "b", "--final" }, "--program takes one value, was given 2", "--program får anges bara en gång (angavs 2 gånger)")]
    [InlineData(new[] { "report", "x.ndjson", "--program", "p", "--final", "true", "--final", "false" }, "--final takes one value, was given 2", "--final får anges bara en gång (angavs 2 gånger)")]
    [InlineData(new[] { "programs", "--format", "xml" }, "--format must be text or json, not 'xml'", "--format måste vara text eller json, inte 'xml'")]
    [InlineData(new[] { "validate", "x.ndjson", "extra.ndjson" }, "Unrecognized command or argument 'extra.ndjson'", "'extra.ndjson' är inget alternativ eller argument till kommandot")]
    [InlineData(new[] { "report", "x.ndjson", "--program", "p", "--final", "maybe" }, "Unrecognized command or argument 'maybe'", "'maybe' är inget alternativ eller argument till kommandot")]
    [InlineData(new[] { "serve", "--max-body", "lots" }, "--max-body must be a whole number, was 'lots'", "--max-body måste vara ett heltal, inte 'lots'")]
    [InlineData(new[] { "report", "x.ndjson", "--program", "p", "--final", "--publication", "--min-cell" }, "--min-cell needs a value", "--min-cell behöver ett värde")]
    [InlineData(new string[0], "give a command: validate, programs, eligibility, report, compare, serve", "ange ett kommando: validate, programs, eligibility, report, compare, serve")]
    [InlineData(new[] { "--version", "validate" }, "--version goes alone (with --language at most)", "--version anges ensamt (högst med --language)")]
    public void AMistakeOnTheCommandLine_IsOneLineInTheProjectsWords_InEitherLanguage(string[] args, string english, string swedish)
    {
        var en = CliRun.Run([.. args, "--language", "en"]);
        var sv = CliRun.Run([.. args, "--language", "sv"]);

        Assert.Equal((2, "", $"inclusion: {english} (see 'inclusion --help')\n"), (en.ExitCode, en.Output, en.Error));
        Assert.Equal((2, "", $"inclusion: {swedish} (se 'inclusion --help')\n"), (sv.ExitCode, sv.Output, sv.Error));
    }

    [Fact]
    public void AnUnknownLanguage_IsSaidBeforeAMissingCommand()
    {
        // Before: "Required command was not provided." hid the reason.
        var outcome = CliRun.Run(["--language", "fi"]);

        Assert.Equal((2, "inclusion: --language must be sv or en, not 'fi' (see 'inclusion --help')\n"), (outcome.ExitCode, outcome.Error));
    }

    [Fact]
    public void APathThatBeginsWithAt_IsAPath_NotAResponseFile()
    {
        // Every command reads any readable path (§4): System.CommandLine took @x as a response file, and said so in English.
        var outcome = CliRun.Run(["validate", "@no-such-file.ndjson", "--language", "sv"]);

        Assert.Equal((2, "inclusion: kan inte läsa '@no-such-file.ndjson': filen finns inte\n"), (outcome.ExitCode, outcome.Error));
    }

    [Fact]
    public void VersionWithTheLanguage_PrintsTheVersion()
    {
        // Before: "--version option cannot be combined with other arguments." in English, under Swedish too.
        var outcome = CliRun.Run(["--version", "--language", "sv"]);

        Assert.Equal((0, ""), (outcome.ExitCode, outcome.Error));
        Assert.Matches(@"^\d+\.\d+\.\d+", outcome.Output);
    }

    [Fact]
    public void HelpWithAStrayWord_IsStillHelp()
    {
        var outcome = CliRun.Run(["report", "--bogus", "--help", "--language", "sv"]);

        Assert.Equal((0, ""), (outcome.ExitCode, outcome.Error));
        Assert.StartsWith("Beskrivning:", outcome.Output, StringComparison.Ordinal);
        Assert.Contains("--program <id> (krävs)", outcome.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void TheCommand_TranslatesNoOtherLibrarysMessagesWithRegularExpressions()
    {
        string source = Docs.EmbeddingSampleTest.RepositoryFile("src/InclusionModel.Cli");
        var withRegex = Directory.GetFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("RegularExpressions", StringComparison.Ordinal))
            .Select(Path.GetFileName);

        Assert.Empty(withRegex);
    }
}
