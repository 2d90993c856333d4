using InclusionModel.Docs.Samples;
using InclusionModel.Testing;
using InclusionModel.Tests.Cli;

namespace InclusionModel.Tests.Docs;

/// <summary>
/// docs/testing.md: the sample test class is compiled and run here (it passes on the right definition);
/// on the deliberately wrong one its law fails with a minimal counterexample that inclusion validate accepts
/// with the wrong definition and refuses with the right one.
/// </summary>
public class TestingDocTest
{
    [Fact]
    public void Doc_ShowsTheCompiledSampleVerbatim()
    {
        string doc = File.ReadAllText(EmbeddingSampleTest.RepositoryFile("docs/testing.md")).ReplaceLineEndings("\n");
        string sample = File.ReadAllText(EmbeddingSampleTest.RepositoryFile("docs/samples/TestingSample.cs")).ReplaceLineEndings("\n");

        Assert.Contains("```csharp\n" + sample + "```", doc);
    }

    [Fact]
    public void Doc_ShowsThePlainPropertySampleVerbatim()
    {
        string doc = File.ReadAllText(EmbeddingSampleTest.RepositoryFile("docs/testing.md")).ReplaceLineEndings("\n");
        string sample = File.ReadAllText(EmbeddingSampleTest.RepositoryFile("docs/samples/PropertySample.cs")).ReplaceLineEndings("\n");

        Assert.Contains("```csharp\n" + sample + "```", doc);
    }

    [Fact]
    public void WrongDefinition_FailsWithAMinimalCounterexample_ThatValidateAcceptsAndTheFixRefuses()
    {
        var wrong = StegetDefinitionTest.Load("orebro-steget-no-study-limit.json");

        var failure = Assert.Throws<LawFailedException>(() => ProgramLaws.EveryValidHistory(wrong, StegetDefinitionTest.StudiesAtMostTwoDaysAWeekDuringTheInternship, "interns study at most two days a week"));

        string[] lines = failure.Message.Split(Environment.NewLine);
        Assert.Equal("Law failed: interns study at most two days a week.", lines[0]);
        Assert.Equal("Counterexample (shrunk):", lines[1]);
        Assert.StartsWith("--as-of ", lines[2]);
        Assert.StartsWith("Because: studies ", lines[4]);

        // Minimal: the history ends with the phase start that breaks the expectation.
        var history = new InclusionModel.Histories.HistoryReader(InclusionModel.Programs.ProgramCatalogue.BuiltIn.With([wrong])).Read(lines[3]).Value!;
        Assert.True(history.Events[^1].Phase == "internship" && history.Events[^1].StudyDaysPerWeek > 2);
        Assert.Single(history.Events, e => e.Phase == "internship" && e.StudyDaysPerWeek > 2);

        string root = EmbeddingSampleTest.RepositoryFile("");
        string asOf = lines[2]["--as-of ".Length..];
        var accepted = CliRun.Run(["validate", "-", "--as-of", asOf, "--definition", Path.Combine(root, "samples/programs/orebro-steget-no-study-limit.json")], stdin: lines[3]);
        var refused = CliRun.Run(["validate", "-", "--as-of", asOf, "--definition", Path.Combine(root, "samples/programs/orebro-steget.json")], stdin: lines[3]);
        Assert.Equal(0, accepted.ExitCode);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("study-days-exceeded", refused.Output);
    }
}
