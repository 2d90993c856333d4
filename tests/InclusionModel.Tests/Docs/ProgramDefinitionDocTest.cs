using InclusionModel.Docs.Samples;
using InclusionModel.Programs;
using InclusionModel.Tests.Cli;

namespace InclusionModel.Tests.Docs;

/// <summary>docs/program-definitions.md shows the compiled sample, the worked example file and the commands' real output.</summary>
public class ProgramDefinitionDocTest
{
    private static string Doc => File.ReadAllText(EmbeddingSampleTest.RepositoryFile("docs/program-definitions.md")).ReplaceLineEndings("\n");

    [Fact]
    public void Sample_PrintsWhatTheDocumentationSays()
    {
        Assert.Equal(
            [
                "stage on 2026-12-01: Planning",
                "may enrol on 2027-01-01: True",
                "MonthlySummary for 2027-01-01 to 2027-01-31 due 2027-02-15",
                "MonthlySummary for 2027-02-01 to 2027-02-28 due 2027-03-15",
                "$.places (line 4): places must be above zero, was 0",
                "$.phases[0].maximumMonths (line 5): minimumMonths (3) is above maximumMonths (2)",
                "orebro-steget: 2 problems",
            ],
            ProgramDefinitionSample.Run());
    }

    [Fact]
    public void Doc_ShowsTheCompiledSampleVerbatim()
    {
        string sample = File.ReadAllText(EmbeddingSampleTest.RepositoryFile("docs/samples/ProgramDefinitionSample.cs")).ReplaceLineEndings("\n");

        Assert.Contains("```csharp\n" + sample + "```", Doc);
    }

    [Fact]
    public void Doc_ShowsTheWorkedExampleFileVerbatim_AndItIsValid()
    {
        string file = File.ReadAllText(EmbeddingSampleTest.RepositoryFile("samples/programs/orebro-steget.json")).ReplaceLineEndings("\n");

        Assert.Contains("```json\n" + file + "```", Doc);
        Assert.True(ProgramDefinitionJson.Parse(file).Success);
        Assert.Equal(file, ProgramDefinitionJson.Serialize(ProgramDefinitionJson.Parse(file).Program!));
    }

    [Theory]
    [InlineData("programs check samples/programs/orebro-steget.json")]
    [InlineData("programs check samples/programs/orebro-steget-broken.json")]
    [InlineData("validate samples/programs/orebro-steget-histories.ndjson --definition samples/programs/orebro-steget.json --as-of 2027-09-30")]
    public void Doc_ShowsWhatTheCommandPrints(string command)
    {
        string root = EmbeddingSampleTest.RepositoryFile("");
        string[] args = command.Split(' ');
        string[] rooted = [.. args.Select(a => a.StartsWith("samples/", StringComparison.Ordinal) ? Path.Combine(root, a) : a)];

        var outcome = CliRun.Run(rooted);

        string printed = outcome.Output.Replace(Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);
        Assert.Contains($"```\n$ inclusion {command}\n{printed}```", Doc);
    }
}
