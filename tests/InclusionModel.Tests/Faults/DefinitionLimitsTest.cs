using System.Text;
using System.Text.Json.Nodes;
using InclusionModel.Programs;
using InclusionModel.Tests.Cli;

namespace InclusionModel.Tests.Faults;

/// <summary>Hostile definitions: past every limit a located problem, in time and memory linear in the file.</summary>
public class DefinitionLimitsTest
{
    private static JsonNode Steget() => JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "programs", "orebro-steget.json")))!;

    [Fact]
    public void TenThousandPhases_AreRefusedAtThePhasesList()
    {
        var node = Steget();
        var phases = new JsonArray();
        for (int i = 0; i < 10_000; i++)
        {
            phases.Add(new JsonObject { ["id"] = $"phase-{i}", ["maximumMonths"] = 2 });
        }

        node["phases"] = phases;

        var result = ProgramDefinitionJson.Parse(node.ToJsonString());

        var problem = Assert.Single(result.Problems);
        Assert.Equal("$.phases", problem.Path);
        Assert.Contains($"at most {ProgramDefinitionLimits.MaxPhases}", problem.Message);
        Assert.NotNull(problem.Line);
    }

    [Fact]
    public void FiftyPhases_TheLimit_AreAccepted()
    {
        var node = Steget();
        var phases = new JsonArray();
        for (int i = 0; i < ProgramDefinitionLimits.MaxPhases; i++)
        {
            phases.Add(new JsonObject { ["id"] = $"phase-{i}", ["maximumMonths"] = 2 });
        }

        node["phases"] = phases;
        node["goals"] = new JsonArray();

        var result = ProgramDefinitionJson.Parse(node.ToJsonString());

        Assert.True(result.Success, string.Join("; ", result.Problems));
        Assert.Equal(ProgramDefinitionLimits.MaxPhases, result.Program!.Phases.Length);
    }

    [Fact]
    public void AListLongerThanItsLimit_IsRefusedAtItsPath()
    {
        var node = Steget();
        var municipalities = new JsonArray();
        for (int i = 0; i <= ProgramDefinitionLimits.MaxListItems; i++)
        {
            municipalities.Add($"Kommun {i}");
        }

        node["municipalities"] = municipalities;

        var result = ProgramDefinitionJson.Parse(node.ToJsonString());

        Assert.Contains(result.Problems, p => p.Path == "$.municipalities" && p.Message.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"at most {ProgramDefinitionLimits.MaxListItems:#,0}"))); // 1,000: grouped from 1 000 (issue 24)
    }

    [Fact]
    public void ADefinitionLargerThanTheLimit_IsOneProblem()
    {
        var result = ProgramDefinitionJson.Parse(new byte[ProgramDefinitionLimits.MaxFileBytes + 1]);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("$", problem.Path);
        Assert.Contains("larger than", problem.Message);
    }

    [Fact]
    [Needs(MachineNeed.Unix)]
    public void ProgramsCheck_OfDevZero_ReadsOnlyPastTheLimitAndRefuses()
    {
        var outcome = CliRun.Run(["programs", "check", "/dev/zero"]);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("larger than 1,048,576 bytes", outcome.Output);
    }

    [Fact]
    public void ProgramsCheck_OfStandardInput_ReadsTheDefinition()
    {
        var outcome = CliRun.Run(["programs", "check", "-"], stdin: Steget().ToJsonString());

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("a valid definition of 'orebro-steget'", outcome.Output);
    }

    [Fact]
    public void TwoDefinitionFilesOfOneProgram_AreRefusedNamingBoth()
    {
        string dir = Directory.CreateTempSubdirectory("inclusion-defs-").FullName;
        string first = Path.Combine(dir, "a.json"), second = Path.Combine(dir, "b.json");
        File.WriteAllText(first, Steget().ToJsonString());
        File.WriteAllText(second, Steget().ToJsonString());

        foreach (var args in new[]
        {
            new[] { "validate", "-", "--definition", first, "--definition", second },
            ["eligibility", "-", "--definition", first, "--definition", second],
            ["report", "-", "--program", "orebro-steget", "--final", "--definition", first, "--definition", second],
            ["programs", "--definition", first, "--definition", second],
        })
        {
            var outcome = CliRun.Run(args, stdin: "");

            Assert.Equal(2, outcome.ExitCode);
            Assert.Contains($"'{first}' and '{second}' both define the program orebro-steget", outcome.Error);
        }

        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public void TheOldSpellingOfDefinitionFiles_SaysWhatItBecame()
    {
        var outcome = CliRun.Run(["validate", "-", "--program", "x.json"], stdin: "");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("--definition <file>", outcome.Error);
    }
}
