using System.Text.Json;
using System.Text.Json.Nodes;
using InclusionModel.Programs;
using InclusionModel.Tests.Docs;

namespace InclusionModel.Tests.Cli;

/// <summary><c>inclusion compare</c> as docs/interchange-contract.md §7 gives it.</summary>
public sealed class CompareCommandTest : IDisposable
{
    private static readonly string Histories = EmbeddingSampleTest.RepositoryFile("samples/histories.ndjson");
    private static readonly string People = EmbeddingSampleTest.RepositoryFile("samples/people.ndjson");
    private static readonly string Candidate = EmbeddingSampleTest.RepositoryFile("samples/programs/romane-bucha-employment-14.json");
    private readonly string _dir = Directory.CreateTempSubdirectory("inclusion-compare-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Definition(string id, Action<JsonObject> change)
    {
        var node = ProgramDefinitionJson.ToNode(ProgramCatalogue.BuiltIn.Get(id)).AsObject();
        change(node);
        string path = Path.Combine(_dir, $"{Guid.NewGuid():N}.json");
        File.WriteAllText(path, node.ToJsonString());
        return path;
    }

    [Fact]
    public void Json_FollowsTheContract_AndAChangeExitsOne()
    {
        var outcome = CliRun.Run(["compare", Histories, "--candidate", Candidate, "--as-of", "2015-06-01", "--format", "json"]);

        Assert.Equal(1, outcome.ExitCode);
        var json = outcome.Json;
        Assert.True(json.GetProperty("specialCategoryData").GetBoolean()); // Romane Bucha reveals a self-declared minority
        Assert.Equal(("eskilstuna-romane-bucha", "2015-06-01"), (json.GetProperty("program").GetString(), json.GetProperty("asOf").GetString()));
        var summary = json.GetProperty("summary");
        Assert.Equal((19, 6, 1, 1, 0), (summary.GetProperty("read").GetInt32(), summary.GetProperty("ofProgram").GetInt32(), summary.GetProperty("changed").GetInt32(), summary.GetProperty("nowValid").GetInt32(), summary.GetProperty("nowInvalid").GetInt32()));
        var change = Assert.Single(json.GetProperty("changes").EnumerateArray().ToArray());
        Assert.Equal(2, change.GetProperty("line").GetInt32());
        Assert.False(change.GetProperty("baseline").GetProperty("valid").GetBoolean());
        Assert.Equal(["phase-max-duration"], change.GetProperty("baseline").GetProperty("rules").EnumerateArray().Select(r => r.GetString()));
        Assert.True(change.GetProperty("candidate").GetProperty("valid").GetBoolean());
        Assert.Empty(change.GetProperty("candidate").GetProperty("rules").EnumerateArray());
        // Counted as of 2015-06-01 like the verdicts: lines 2, 17, 18 and 19 are invalid then, line 2 no longer under the candidate.
        Assert.Equal("2015-06-01", json.GetProperty("figuresAsOf").GetString());
        var figure = Assert.Single(json.GetProperty("figures").EnumerateArray().ToArray());
        Assert.Equal(("records.invalid", 4, 3), (figure.GetProperty("figure").GetString(), figure.GetProperty("baseline").GetInt32(), figure.GetProperty("candidate").GetInt32()));
        // The candidate file also says 10–14 months in its description; the diff lists both, in field order.
        var diff = json.GetProperty("definition").EnumerateArray().ToArray();
        Assert.Equal(["description", "employment.maximumMonths"], diff.Select(d => d.GetProperty("path").GetString()));
        Assert.Equal((12, 14), (diff[1].GetProperty("baseline").GetInt32(), diff[1].GetProperty("candidate").GetInt32()));
    }

    [Fact]
    public void Text_IsASummaryThenEachChangeThenTheFigures()
    {
        var outcome = CliRun.Run(["compare", Histories, "--candidate", Candidate, "--as-of", "2015-06-01"]);

        string[] lines = outcome.Output.TrimEnd().Split('\n');
        Assert.StartsWith("NOTE: this output holds sensitive personal data", lines[0], StringComparison.Ordinal);
        Assert.Equal("Comparison of the built-in definition of Romane Bucha (eskilstuna-romane-bucha) with the definition in '" + Candidate + "'", lines[1]);
        Assert.Equal("Definition: the description (description) changed; the phase “Employment”, longest length in months (employment.maximumMonths): 12 → 14", lines[2]);
        Assert.Equal("As of 2015-06-01: 19 lines read, 6 of the program; 1 changed (1 now valid, 0 now invalid)", lines[3]);
        Assert.Equal("Line 2 (p-0002): invalid → valid; under the baseline it breaks the rule “Phase longer than its maximum” (phase-max-duration)", lines[4]);
        Assert.Equal("Figures of the report from the program's start to 2015-06-01 that moved (baseline → candidate):", lines[5]);
        Assert.Equal("  Lines in the file: Invalid  4 → 3", lines[6]);
    }

    [Fact]
    public void TheSameDefinition_ChangesNothing_AndExitsZero()
    {
        string same = Definition("eskilstuna-romane-bucha", _ => { });

        var outcome = CliRun.Run(["compare", Histories, "--candidate", same, "--as-of", "2015-06-01", "--format", "json"]);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(0, outcome.Json.GetProperty("summary").GetProperty("changed").GetInt32());
        Assert.Empty(outcome.Json.GetProperty("figures").EnumerateArray());
        Assert.Empty(outcome.Json.GetProperty("definition").EnumerateArray());
    }

    [Fact]
    public void People_ComparesDecisions_AndNamesTheRulesWhoseResultChanged()
    {
        // The people of the sample are born in 1990 and assessed in 2019: 28 or 29; at most 25 rules them out.
        string younger = Definition("hallefors-all-in", d => d["targetGroup"]!["required"]!.AsArray()
            .Single(r => r!["rule"]!.GetValue<string>() == "working-age")!.AsObject()["maximumAge"] = 25);

        var outcome = CliRun.Run(["compare", People, "--people", "--candidate", younger, "--format", "json"]);

        Assert.Equal(1, outcome.ExitCode);
        var changes = outcome.Json.GetProperty("changes").EnumerateArray().ToArray();
        Assert.NotEmpty(changes);
        Assert.All(changes, c =>
        {
            Assert.Equal("not-eligible", c.GetProperty("candidate").GetProperty("decision").GetString());
            Assert.Contains("working-age", c.GetProperty("candidate").GetProperty("rules").EnumerateArray().Select(r => r.GetString()));
        });
        Assert.Equal("targetGroup.required[1].maximumAge", Assert.Single(outcome.Json.GetProperty("definition").EnumerateArray().ToArray()).GetProperty("path").GetString());
    }

    [Fact]
    public void ACandidateOfAnUnknownProgram_WithoutABaseline_CannotRun()
    {
        string unknown = Definition("eskilstuna-romane-bucha", d => d["id"] = "somewhere-else");

        var outcome = CliRun.Run(["compare", Histories, "--candidate", unknown]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("not a built-in program; give the definition it changes with --baseline", outcome.Error);
    }

    [Fact]
    public void ABaselineOfAnotherProgram_CannotRun()
    {
        string allIn = Definition("hallefors-all-in", _ => { });

        var outcome = CliRun.Run(["compare", Histories, "--candidate", Candidate, "--baseline", allIn]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("compare two definitions of one program", outcome.Error);
    }

    [Fact]
    public void StandardInput_IsReadTwice_ThroughItsCopy()
    {
        var outcome = CliRun.Run(["compare", "-", "--candidate", Candidate, "--as-of", "2015-06-01", "--format", "json"], stdin: File.ReadAllText(Histories));

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal(1, outcome.Json.GetProperty("summary").GetProperty("changed").GetInt32());
    }
}
