using InclusionModel.Programs;

namespace InclusionModel.Tests.Cli;

public sealed class ProgramsCommandTest : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("inclusion-programs-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string WriteFile(string name, string content)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    private const string OwnProgram = """
        {
          "id": "orebro-steget",
          "name": "Steget",
          "period": { "implementation": { "start": "2027-01-01", "end": "2028-12-31" } },
          "places": 2,
          "phases": [ { "id": "coaching" } ]
        }
        """;

    [Fact]
    public void Programs_ListsTheCatalogueAsAnAlignedTable()
    {
        var outcome = CliRun.Run(["programs"]);

        Assert.Equal(0, outcome.ExitCode);
        string[] lines = outcome.Output.TrimEnd().Split('\n');
        Assert.Equal(8, lines.Length);
        Assert.StartsWith("Id ", lines[0]);
        Assert.Contains("hallefors-all-in", lines[4]);
        Assert.Contains("648", lines[4]);
        Assert.Contains("2018-03-01 to 2020-02-29", lines[4]);
        Assert.EndsWith("Orientation course (optional) → Individual plan → Pathway", lines[7]);
        Assert.Equal(lines[0].IndexOf("Places", StringComparison.Ordinal), lines[4].IndexOf("648", StringComparison.Ordinal));
    }

    [Fact]
    public void Programs_WithAProgramFile_ListsItBesideTheCatalogue()
    {
        var outcome = CliRun.Run(["programs", "--definition", WriteFile("steget.json", OwnProgram)]);

        Assert.Equal(9, outcome.Output.TrimEnd().Split('\n').Length);
        Assert.Contains("orebro-steget", outcome.Output);
    }

    [Fact]
    public void Show_Json_IsAValidDefinitionFileOfTheProgram()
    {
        var outcome = CliRun.Run(["programs", "show", "hallefors-all-in", "--format", "json"]);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(ProgramDefinitionJson.Serialize(ProgramCatalogue.BuiltIn.Get("hallefors-all-in")), outcome.Output);
        var check = CliRun.Run(["programs", "check", WriteFile("all-in.json", outcome.Output)]);
        Assert.Equal(0, check.ExitCode);
    }

    [Fact]
    public void Show_Text_NamesTheFactsAndMarksUnknownOnes()
    {
        var outcome = CliRun.Run(["programs", "show", "eskilstuna-romane-bucha"]);

        Assert.Equal(0, outcome.ExitCode);
        Assert.StartsWith("Romane Bucha (eskilstuna-romane-bucha)\n", outcome.Output);
        Assert.Contains("funders:          not stated", outcome.Output);
        Assert.Contains("  2. employment: 10–12 months, at most one study day a week", outcome.Output);
        Assert.Contains("  required:  Lives in the municipality (resides-in-municipality): Eskilstuna", outcome.Output);
        Assert.Contains("  reading of the implementation stage, end ($.period.implementation.end):", outcome.Output);
    }

    [Fact]
    public void Show_UnknownProgram_CannotRunAndNamesTheKnownOnes()
    {
        var outcome = CliRun.Run(["programs", "show", "stockholm-x"]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith("inclusion: no program 'stockholm-x'; the programs are eskilstuna-jobbtrappan,", outcome.Error);
        Assert.Equal("", outcome.Output);
    }

    [Fact]
    public void Check_ValidFile_ExitsZero()
    {
        string path = WriteFile("steget.json", OwnProgram);

        var outcome = CliRun.Run(["programs", "check", path]);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal($"{path}: a valid definition of 'orebro-steget' (1 phase)\n", outcome.Output);
    }

    [Fact]
    public void Check_InvalidFile_ListsEveryProblemWithLineAndPath_ExitsOne()
    {
        string path = WriteFile("bad.json", """
            {
              "id": "Bad Id",
              "name": "x",
              "places": 0,
              "phases": [ { "id": "a", "minMonths": 2 } ]
            }
            """);

        var outcome = CliRun.Run(["programs", "check", path]);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal(
            [$"{path}:2: $.id: 'Bad Id' is not a kebab-case id of 1–64 characters (a-z, 0-9, single hyphens)",
             $"{path}:4: $.places: places must be above zero, was 0",
             $"{path}:5: $.phases[0].minMonths: 'minMonths' is not a field of a phase; did you mean 'minimumMonths'?",
             $"{path}: 3 problems; the definition is invalid"],
            outcome.Output.TrimEnd().Split('\n'));
    }

    [Fact]
    public void Check_Json_GivesEveryProblemAsData()
    {
        var outcome = CliRun.Run(["programs", "check", WriteFile("bad.json", """{"id":"x","name":"x","phases":[]}"""), "--format", "json"]);

        Assert.Equal(1, outcome.ExitCode);
        var json = outcome.Json;
        Assert.False(json.GetProperty("valid").GetBoolean());
        var problem = Assert.Single(json.GetProperty("problems").EnumerateArray());
        Assert.Equal(("$.phases", 1), (problem.GetProperty("path").GetString(), problem.GetProperty("line").GetInt32()));
    }

    [Fact]
    public void Check_MissingFile_CannotRun()
    {
        var outcome = CliRun.Run(["programs", "check", Path.Combine(_dir, "nope.json")]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith("inclusion: cannot read program file", outcome.Error);
    }

    [Fact]
    public void Validate_WithOwnProgram_UsesItWithoutTouchingCSharp()
    {
        string program = WriteFile("steget.json", OwnProgram);
        string histories = WriteFile("h.ndjson", string.Join('\n',
            """{"participant":"s-1","program":"orebro-steget","events":[{"on":"2027-02-01","type":"referred","from":"self"},{"on":"2027-02-02","type":"assessed","eligible":true},{"on":"2027-02-03","type":"enrolled"}]}""",
            """{"participant":"s-2","program":"orebro-steget","events":[{"on":"2029-02-01","type":"referred","from":"self"},{"on":"2029-02-02","type":"assessed","eligible":true},{"on":"2029-02-03","type":"enrolled"}]}"""));

        var outcome = CliRun.Run(["validate", histories, "--definition", program, "--as-of", "2029-06-30"]);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("line 2: s-2 in Steget (orebro-steget) is invalid", outcome.Output);
        Assert.Contains("outside-enrolment-window", outcome.Output);
        Assert.DoesNotContain("line 1:", outcome.Output);
    }

    [Fact]
    public void Validate_WithInvalidProgramFile_CannotRunAndPointsToCheck()
    {
        string program = WriteFile("bad.json", """{"id":"x","name":"x","phases":[]}""");

        var outcome = CliRun.Run(["validate", "-", "--definition", program], stdin: "");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("'inclusion programs check", outcome.Error);
        Assert.Contains("$.phases (line 1): a program needs at least one phase", outcome.Error);
    }
}

public class ProgramsListJsonTest
{
    [Fact]
    public void ProgramsAsJson_IsAnArrayOfSummaries_OnePerProgram()
    {
        var outcome = CliRun.Run(["programs", "--format", "json"]);

        Assert.Equal(0, outcome.ExitCode);
        var programs = outcome.Json.EnumerateArray().ToList();
        Assert.Equal(InclusionModel.Programs.ProgramCatalogue.BuiltIn.All.Count, programs.Count);
        var bucha = programs.Single(p => p.GetProperty("id").GetString() == "eskilstuna-romane-bucha");
        Assert.Equal(30, bucha.GetProperty("places").GetInt32());
        Assert.Equal("2014-12-31", bucha.GetProperty("enrolmentWindow").GetProperty("end").GetString());
        Assert.Equal(["preparation", "employment", "exit-support"], bucha.GetProperty("phases").EnumerateArray().Select(p => p.GetString()));
        Assert.True(bucha.GetProperty("specialCategoryData").GetBoolean());
    }

    [Fact]
    public void ProgramsShow_PrintsSourcesByTitle_AndJsonKeepsTheFileName()
    {
        var text = CliRun.Run(["programs", "show", "hallefors-all-in"]);
        var json = CliRun.Run(["programs", "show", "hallefors-all-in", "--format", "json"]);

        string sources = text.Output.Split('\n').Single(l => l.StartsWith("sources:", StringComparison.Ordinal));
        Assert.DoesNotMatch(@"\d{3}_[0-9a-f]{16}\.txt", sources);
        Assert.Matches(@"\d{3}_[0-9a-f]{16}\.txt", json.Json.GetProperty("sources")[0].GetProperty("file").GetString()!);
    }
}
