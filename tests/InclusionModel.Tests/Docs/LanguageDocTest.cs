using InclusionModel.Tests.Cli;

namespace InclusionModel.Tests.Docs;

/// <summary>docs/language.md shows one sample output in each language, as the command prints it (the golden outputs of issue 14).</summary>
public class LanguageDocTest
{
    private static readonly string Doc = File.ReadAllText(EmbeddingSampleTest.RepositoryFile("docs/language.md")).ReplaceLineEndings("\n");

    [Theory]
    [InlineData("validate samples/histories.ndjson --as-of 2015-06-01 --language en")]
    [InlineData("validate samples/histories.ndjson --as-of 2015-06-01 --language sv")]
    [InlineData("eligibility samples/people.ndjson --language sv")]
    [InlineData("report samples/all-in.ndjson --program hallefors-all-in --month 2019-06 --language sv")]
    [InlineData("programs show hallefors-all-in --language sv")]
    [InlineData("programs check samples/programs/orebro-steget-broken.json --language sv")]
    public void Doc_ShowsWhatTheCommandPrints(string command) => DocCommand.AssertShown(Doc, command);

    [Fact]
    public void TheSwedishSample_IsSwedishThroughout()
    {
        var outcome = CliRun.Run(["validate", EmbeddingSampleTest.RepositoryFile("samples/histories.ndjson"), "--as-of", "2015-06-01"], locale: "sv_SE.UTF-8");
        string[] lines = outcome.Output.TrimEnd().Split('\n');

        Assert.StartsWith("OBS! Utskriften innehåller känsliga personuppgifter (artikel 9 i dataskyddsförordningen)", lines[0], StringComparison.Ordinal);
        Assert.All(lines[1..^1], l => Assert.Matches("^rad [0-9]+: ", l));
        Assert.Equal("19 rader: 5 giltiga, 13 ogiltiga, 1 felformad (avstämningsdag 2015-06-01)", lines[^1]);
        foreach (string english in new[] { " is invalid", " at event ", "lasted", "months", " line ", "malformed", "dated ", "is not" })
        {
            Assert.DoesNotContain(english, outcome.Output, StringComparison.Ordinal);
        }
    }
}
