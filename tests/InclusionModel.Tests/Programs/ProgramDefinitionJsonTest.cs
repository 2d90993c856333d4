using InclusionModel.Programs;
using InclusionModel.Tests.Docs;

namespace InclusionModel.Tests.Programs;

public class ProgramDefinitionJsonTest
{
    private const string Minimal = """{"id":"x","name":"x","phases":[{"id":"a"}]}""";

    private static string[] Problems(string json)
        => [.. ProgramDefinitionJson.Parse(json).Problems.Select(p => p.ToString())];

    public static TheoryData<string> CatalogueFiles()
        => [.. Directory.GetFiles(EmbeddingSampleTest.RepositoryFile("src/InclusionModel/Catalogue"), "*.json").Select(f => Path.GetFileName(f)).Order()];

    [Theory]
    [MemberData(nameof(CatalogueFiles))]
    public void CatalogueFile_IsTheCanonicalText_ItsDefinitionSerializesTo(string file)
    {
        string text = File.ReadAllText(EmbeddingSampleTest.RepositoryFile($"src/InclusionModel/Catalogue/{file}")).ReplaceLineEndings("\n");

        var program = ProgramDefinitionJson.Parse(text).GetValueOrThrow();

        Assert.Equal(text, ProgramDefinitionJson.Serialize(program));
        Assert.Equal(Path.GetFileNameWithoutExtension(file), program.Id);
    }

    [Fact]
    public void SerializeThenParse_EveryCatalogueProgram_GivesTheSameDefinition()
    {
        foreach (var program in ProgramCatalogue.BuiltIn.All)
        {
            var back = ProgramDefinitionJson.Parse(ProgramDefinitionJson.Serialize(program)).GetValueOrThrow();

            DefinitionAssert.Same(program, back);
        }
    }

    [Fact]
    public void Serialize_UnknownFacts_AreWrittenAsNull()
    {
        string json = ProgramDefinitionJson.Serialize(ProgramDefinitionJson.Parse(Minimal).GetValueOrThrow());

        Assert.Contains("\"owner\": null", json);
        Assert.Contains("\"places\": null", json);
        Assert.Contains("\"funders\": null", json);
        Assert.Contains("\"planning\": null", json);
    }

    [Theory]
    [InlineData("""{"id":"Bad Id","name":"x","phases":[{"id":"a"}]}""", "$.id (line 1): 'Bad Id' is not a kebab-case id of 1–64 characters (a-z, 0-9, single hyphens)")]
    [InlineData("""{"id":"x","name":"","phases":[{"id":"a"}]}""", "$.name (line 1): a program needs a name")]
    [InlineData("""{"id":"x","name":"x","phases":[]}""", "$.phases (line 1): a program needs at least one phase")]
    [InlineData("""{"id":"x","name":"x"}""", "$.phases (line 1): a program definition needs 'phases'")]
    [InlineData("""{"id":"x","name":"x","colour":"red","phases":[{"id":"a"}]}""", "$.colour (line 1): 'colour' is not a field of a program definition; the fields are id, name, description, owner, partners, municipalities, funders, budget, purpose, methods, staff, period, enrolmentWindow, places, specialCategoryData, targetGroup, phases, goals, reports, strategicGoals, sources, takenAs, statedBy, findings")]
    [InlineData("""{"id":"x","name":"x","place":3,"phases":[{"id":"a"}]}""", "$.place (line 1): 'place' is not a field of a program definition; did you mean 'places'?")]
    [InlineData("""{"id":"x","name":"x","phases":[{"id":"a","minMonths":1}]}""", "$.phases[0].minMonths (line 1): 'minMonths' is not a field of a phase; did you mean 'minimumMonths'?")]
    [InlineData("""{"id":"x","name":"x","places":"3","phases":[{"id":"a"}]}""", "$.places (line 1): expected a whole number, found a string '3'")]
    [InlineData("""{"id":"x","name":"x","places":2.5,"phases":[{"id":"a"}]}""", "$.places (line 1): expected a whole number, found a number '2.5'")]
    [InlineData("""{"id":"x","name":"x","phases":{"id":"a"}}""", "$.phases (line 1): expected an array, found an object")]
    [InlineData("""{"id":"x","name":"x","phases":["a"]}""", "$.phases[0] (line 1): expected an object: phase, found a string 'a'")]
    [InlineData("""{"id":"x","name":"x","period":{"implementation":{"end":"2020-02-30"}},"phases":[{"id":"a"}]}""", "$.period.implementation.end (line 1): expected a date (YYYY-MM-DD), found a string '2020-02-30'")]
    [InlineData("""{"id":"x","name":"x","phases":[{"id":"a","optional":"yes"}]}""", "$.phases[0].optional (line 1): expected true or false, found a string 'yes'")]
    [InlineData("""{"id":"x","name":"x","goals":[{"id":"g","quantity":"hires","target":3}],"phases":[{"id":"a"}]}""", "$.goals[0].quantity (line 1): expected one of enrolments, women-share, exits-into-work, exits-into-studies, found a string 'hires'")]
    [InlineData("""{"id":"x","name":"x","id":"y","phases":[{"id":"a"}]}""", "$.id (line 1): 'id' appears more than once in this object; a field is given once")]
    [InlineData("""{"id":"x","name":"x","reports":[{"evaluatedBy":"x"}],"phases":[{"id":"a"}]}""", "$.reports[0].kind (line 1): a reporting duty needs 'kind'")]
    [InlineData("""[1]""", "$ (line 1): expected a program definition object, found an array")]
    [InlineData("", "$ (line 1): the file is empty; expected a program definition object")]
    public void Parse_BrokenDefinition_NamesThePathLineAndWhy(string json, string problem)
    {
        Assert.Contains(problem, Problems(json));
    }

    [Fact]
    public void Parse_UnknownFieldFarFromAnyKnownOne_ListsTheFields()
    {
        string problem = Assert.Single(Problems("""{"id":"x","name":"x","ethnicity":"x","phases":[{"id":"a"}]}"""));

        Assert.StartsWith("$.ethnicity (line 1): 'ethnicity' is not a field of a program definition; the fields are id, name, description,", problem);
    }

    [Fact]
    public void Parse_MultiLineFile_LocatesEveryProblemOnItsLine()
    {
        string json = """
            {
              "id": "x",
              "name": "x",
              "places": 0,
              "phases": [
                { "id": "a", "minimumMonths": 5, "maximumMonths": 2 },
                { "id": "b", "colour": "red" }
              ],
              "goals": [ { "id": "g", "quantity": "women-share", "target": 2 } ]
            }
            """;

        var problems = ProgramDefinitionJson.Parse(json).Problems;

        Assert.Equal(
            [("$.places", 4), ("$.phases[0].maximumMonths", 6), ("$.phases[1].colour", 7), ("$.goals[0].quantity", 9), ("$.goals[0].target", 9)],
            problems.Select(p => (p.Path, p.Line ?? 0)));
    }

    [Fact]
    public void Parse_SeveralProblems_AreAllReportedTogether()
    {
        var problems = ProgramDefinitionJson.Parse("""{"id":"Bad Id","name":"","places":"x","phases":[{"id":"paused","minimumMonths":5,"maximumMonths":2}]}""").Problems;

        Assert.Equal(["$.id", "$.name", "$.phases[0].id", "$.phases[0].maximumMonths", "$.places"], problems.Select(p => p.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Parse_UnreadableValue_IsReportedOnceNotAgainByTheValidator()
    {
        // A missing phase id is one problem ("needs 'id'"), not also "'' is not a kebab-case phase id".
        var problem = Assert.Single(ProgramDefinitionJson.Parse("""{"id":"x","name":"x","phases":[{"minimumMonths":1}]}""").Problems);

        Assert.Equal("$.phases[0].id (line 1): a phase needs 'id'", problem.ToString());
    }

    [Fact]
    public void Parse_SyntaxError_NamesTheLineAndByte()
    {
        var problem = Assert.Single(ProgramDefinitionJson.Parse("{\n  \"id\": \"x\",\n  \"phases\": [ }\n").Problems);

        Assert.Equal(3, problem.Line);
        Assert.Contains("(line 3, near byte 15)", problem.Message);
        Assert.StartsWith("not valid JSON", problem.Message);
    }

    [Theory]
    [InlineData("""{"id":"x", }""")]
    [InlineData("""{"id":"x" /* note */}""")]
    [InlineData("""{"id":"x"} {}""")]
    public void Parse_NonStrictJson_IsRefused(string json)
    {
        Assert.NotEmpty(Problems(json));
    }

    [Fact]
    public void Parse_ByteOrderMark_IsAccepted()
    {
        byte[] json = [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(Minimal)];

        Assert.True(ProgramDefinitionJson.Parse(json).Success);
    }

    [Fact]
    public void Parse_InvalidUtf8_IsALocatedProblem()
    {
        byte[] json = [.. "{\"id\":\"x"u8, 0xFF, .. "\",\"name\":\"x\",\"phases\":[{\"id\":\"a\"}]}"u8];

        var problem = Assert.Single(ProgramDefinitionJson.Parse(json).Problems);

        Assert.Equal(1, problem.Line);
        Assert.Contains("UTF-8", problem.Message);
    }

    [Fact]
    public void Parse_DeeplyNested_IsAProblemNotACrash()
    {
        string json = """{"id":"x","name":"x","phases":[{"id":"a"}],"budget":""" + new string('[', 200) + new string(']', 200) + "}";

        Assert.NotEmpty(Problems(json));
    }

    [Fact]
    public void Parse_IdentityNumberInAnUnknownField_IsNeverEchoed()
    {
        string problem = Assert.Single(Problems("""{"id":"x","name":"x","19811218-9876":1,"phases":[{"id":"a"}]}"""));

        Assert.DoesNotContain("9876", problem);
    }

    [Fact]
    public void GetValueOrThrow_Invalid_ThrowsOneExceptionListingEveryProblem()
    {
        var e = Assert.Throws<InvalidProgramDefinitionException>(() => ProgramDefinitionJson.Parse("""{"id":"x","name":"","phases":[]}""").GetValueOrThrow());

        Assert.Equal(2, e.Problems.Length);
        Assert.Equal("x", e.ProgramId);
        Assert.Contains("$.name (line 1): a program needs a name", e.Message);
    }

    [Fact]
    public void Create_Invalid_ThrowsWithEveryProblem()
    {
        var e = Assert.Throws<InvalidProgramDefinitionException>(() => ProgramDefinition.Create("x", "", [PhaseDefinition.Create("a", isOptional: true)], places: -1));

        Assert.Equal(["$.name", "$.places", "$.phases"], e.Problems.Select(p => p.Path));
        Assert.All(e.Problems, p => Assert.Null(p.Line));
    }

    [Fact]
    public void Schema_IsShippedInTheAssembly()
    {
        Assert.Equal(File.ReadAllText(EmbeddingSampleTest.RepositoryFile("schemas/program-definition.schema.json")), ProgramDefinitionJson.Schema);
    }
}
