using InclusionModel.Tests.Cli;

namespace InclusionModel.Tests.Docs;

/// <summary>docs/rule-changes.md shows what the command prints for its worked examples, run here on the sample files.</summary>
public class RuleChangesDocTest
{
    private static readonly string Doc = File.ReadAllText(EmbeddingSampleTest.RepositoryFile("docs/rule-changes.md")).ReplaceLineEndings("\n");

    [Theory]
    [InlineData("compare samples/histories.ndjson --candidate samples/programs/romane-bucha-employment-14.json --as-of 2015-06-01")]
    [InlineData("compare samples/histories.ndjson --candidate samples/programs/romane-bucha-employment-14.json --as-of 2015-06-01 --format json")]
    [InlineData("compare samples/people.ndjson --people --candidate samples/programs/all-in-under-26.json")]
    public void Doc_ShowsWhatTheCommandPrints(string command) => DocCommand.AssertShown(Doc, command);
}
