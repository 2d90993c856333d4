using InclusionModel.Docs.Samples;

namespace InclusionModel.Tests.Docs;

public class EligibilityDocTest
{
    private static readonly string[] Printed =
    [
        "decision: Undetermined",
        "  resides-in-municipality: Met (Kumla is one of the program's municipalities)",
        "  working-age: Met (aged 28 on 2019-03-01, within 20–64)",
        "  newly-arrived: Unknown (residencePermitDate was not given)",
        "  not-in-establishment-program: Met (left the establishment program early)",
        "  not-in-job-and-development-guarantee: Met (not in the job and development guarantee)",
        "would be settled by: residencePermitDate",
        "fast path: Eligible",
        "nora-forsta-steget: Eligible; not-registered-job-seeker: not: not registered with the Public Employment Service",
        "$.targetGroup.required[1].rule (line 8): 'holds-residence-permit' is not a target-group rule",
    ];

    [Fact]
    public void Sample_PrintsWhatTheDocumentationSays()
    {
        Assert.Equal(Printed, EligibilitySample.Run());
    }

    [Fact]
    public void Doc_ShowsTheCompiledSampleAndItsOutputVerbatim()
    {
        string doc = File.ReadAllText(EmbeddingSampleTest.RepositoryFile("docs/eligibility.md")).ReplaceLineEndings("\n");
        string sample = File.ReadAllText(EmbeddingSampleTest.RepositoryFile("docs/samples/EligibilitySample.cs")).ReplaceLineEndings("\n");

        Assert.Contains("```csharp\n" + sample + "```", doc);
        Assert.Contains("```\n" + string.Join("\n", Printed) + "\n```", doc);
    }
}

public class EligibilityCommandDocTest
{
    [Fact]
    public void Doc_ShowsWhatTheCommandPrints()
    {
        string root = EmbeddingSampleTest.RepositoryFile("");
        var outcome = InclusionModel.Tests.Cli.CliRun.Run(["eligibility", Path.Combine(root, "samples/people.ndjson")]);
        string doc = File.ReadAllText(EmbeddingSampleTest.RepositoryFile("docs/eligibility.md")).ReplaceLineEndings("\n");

        Assert.Contains($"```\n$ inclusion eligibility samples/people.ndjson\n{outcome.Output}```", doc);
    }
}
