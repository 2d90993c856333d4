using InclusionModel.Docs.Samples;

namespace InclusionModel.Tests.Docs;

public class EmbeddingSampleTest
{
    [Fact]
    public void Run_PrintsWhatTheDocumentationSays()
    {
        // 2012-04-01 + 10 months = 2013-02-01; + 12 months = 2013-04-01. On 2012-12-01 employment has lasted 8 months.
        Assert.Equal(
            [
                "valid: True, state: employment",
                "employment may end from 2013-02-01 and must end by 2013-04-01",
                "refused: phase-min-duration: employment lasted 8 months; at least 10 months",
                "second record: Participant repeated (duplicate-participant): an earlier line of this run has the same participant and program; a participant who comes back belongs in one record, as a new episode",
                "second record: Outcome missing (outcome-required) at event 5 (2012-11-01): an exit with reason completed needs an outcome",
                "second record: completed-too-early at event 5 (2012-11-01): exited as completed from 'employment'; completion is only from the last phase ('exit-support')",
                "second record: Phase shorter than its minimum (phase-min-duration) at event 5 (2012-11-01): employment lasted 7 months; at least 10 months",
            ],
            EmbeddingSample.Run());
    }

    [Fact]
    public void EmbeddingDoc_ShowsTheCompiledSampleVerbatim()
    {
        string doc = File.ReadAllText(RepositoryFile("docs/embedding.md")).ReplaceLineEndings("\n");
        string sample = File.ReadAllText(RepositoryFile("docs/samples/EmbeddingSample.cs")).ReplaceLineEndings("\n");

        Assert.Contains("```csharp\n" + sample + "```", doc);
    }

    internal static string RepositoryFile(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "InclusionModel.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("The repository root (InclusionModel.sln) was not found."), relative);
    }
}
