using InclusionModel.Programs;

namespace InclusionModel.Tests.Programs;

public class ProgramDefinitionJsonTest
{
    private static string[] Problems(string json)
        => [.. ProgramDefinitionJson.Parse(json).Problems.Select(p => p.ToString())];

    [Fact]
    public void SerializeThenParse_EveryCatalogueProgram_RoundTrips()
    {
        foreach (var program in ProgramCatalogue.BuiltIn.All)
        {
            string json = ProgramDefinitionJson.Serialize(program);
            var back = ProgramDefinitionJson.Parse(json).GetValueOrThrow();

            Assert.Equal(json, ProgramDefinitionJson.Serialize(back));
            Assert.True(program.Phases.SequenceEqual(back.Phases));
            Assert.Equal((program.Id, program.Name, program.Places, program.EnrolmentWindow), (back.Id, back.Name, back.Places, back.EnrolmentWindow));
        }
    }

    [Theory]
    [InlineData("""{"id":"Bad Id","name":"x","phases":[{"id":"a"}]}""", "$.id: 'Bad Id' is not a kebab-case id of 1–64 characters (a-z, 0-9, single hyphens)")]
    [InlineData("""{"id":"x","name":"","phases":[{"id":"a"}]}""", "$.name: a program needs a name")]
    [InlineData("""{"id":"x","name":"x","phases":[]}""", "$.phases: a program needs at least one phase")]
    [InlineData("""{"id":"x","name":"x","places":0,"phases":[{"id":"a"}]}""", "$.places: places must be above zero, was 0")]
    [InlineData("""{"id":"x","name":"x","enrolmentWindow":{"start":"2020-01-02","end":"2020-01-01"},"phases":[{"id":"a"}]}""", "$.enrolmentWindow: the enrolment window starts after it ends (2020-01-02 to 2020-01-01)")]
    [InlineData("""{"id":"x","name":"x","phases":[{"id":"a","optional":true}]}""", "$.phases: the last phase cannot be optional: a participant who completes the program ends in it")]
    [InlineData("""{"id":"x","name":"x","phases":[{"id":"a"},{"id":"a"}]}""", "$.phases[0]: phase id 'a' is used more than once")]
    [InlineData("""{"id":"x","name":"x","phases":[{"id":"exited"}]}""", "$.phases[0].id: 'exited' is a fixed lifecycle state name and cannot be a phase id")]
    [InlineData("""{"id":"x","name":"x","phases":[{"id":"Phase One"}]}""", "$.phases[0].id: 'Phase One' is not a kebab-case phase id of 1–64 characters")]
    [InlineData("""{"id":"x","name":"x","phases":[{"id":"a","minimumMonths":-1}]}""", "$.phases[0].minimumMonths: minimumMonths cannot be negative, was -1")]
    [InlineData("""{"id":"x","name":"x","phases":[{"id":"a","maximumMonths":0}]}""", "$.phases[0].maximumMonths: maximumMonths must be above zero, was 0")]
    [InlineData("""{"id":"x","name":"x","phases":[{"id":"a","minimumMonths":5,"maximumMonths":2}]}""", "$.phases[0].maximumMonths: minimumMonths (5) is above maximumMonths (2)")]
    [InlineData("""{"id":"x","name":"x","phases":[{"id":"a","maxStudyDaysPerWeek":6}]}""", "$.phases[0].maxStudyDaysPerWeek: maxStudyDaysPerWeek must be 0–5, was 6")]
    [InlineData("""{"id":"x","name":"x","colour":"red","phases":[{"id":"a"}]}""", "$.colour: 'colour' is not a field of a program definition (line 1, near byte 31)")]
    [InlineData("""{"id":"x","name":"x","places":"3","phases":[{"id":"a"}]}""", "$.places: wrong JSON type: expected a whole number (line 1, near byte 34)")]
    [InlineData("""{"id":"x","name":"x","enrolmentWindow":{"end":"2020-02-30"},"phases":[{"id":"a"}]}""", "$.enrolmentWindow.end: expected a date (YYYY-MM-DD) or null (line 1, near byte 59)")]
    public void Parse_BrokenDefinition_NamesThePathAndWhy(string json, string problem)
    {
        Assert.Contains(problem, Problems(json));
    }

    [Fact]
    public void Parse_SeveralProblems_AreAllReportedTogether()
    {
        var problems = Problems("""{"id":"Bad Id","name":"","phases":[{"id":"paused","minimumMonths":5,"maximumMonths":2}]}""");

        Assert.Equal(["$.id", "$.name", "$.phases[0].id", "$.phases[0].maximumMonths"], problems.Select(p => p.Split(':')[0]));
    }

    [Fact]
    public void Parse_SyntaxError_NamesTheLine()
    {
        var problem = Assert.Single(ProgramDefinitionJson.Parse("{\n  \"id\": \"x\",\n  \"phases\": [ }\n").Problems);

        Assert.Contains("line 3", problem.Message);
    }

    [Fact]
    public void GetValueOrThrow_Invalid_ThrowsOneExceptionListingEveryProblem()
    {
        var e = Assert.Throws<InvalidProgramDefinitionException>(() => ProgramDefinitionJson.Parse("""{"id":"x","name":"","phases":[]}""").GetValueOrThrow());

        Assert.Equal(2, e.Problems.Length);
    }

    [Fact]
    public void Create_Invalid_ThrowsWithEveryProblem()
    {
        var e = Assert.Throws<InvalidProgramDefinitionException>(() => ProgramDefinition.Create("x", "", [PhaseDefinition.Create("a", isOptional: true)], places: -1));

        Assert.Equal(["$.name", "$.places", "$.phases"], e.Problems.Select(p => p.Path));
    }
}

public class ProgramDefinitionJsonBytesTest
{
    [Fact]
    public void Parse_InvalidUtf8_IsALocatedProblem()
    {
        byte[] json = [.. "{\"id\":\"x"u8, 0xFF, .. "\",\"name\":\"x\",\"phases\":[{\"id\":\"a\"}]}"u8];

        var problem = Assert.Single(ProgramDefinitionJson.Parse(json).Problems);

        Assert.Equal("$.id", problem.Path);
        Assert.StartsWith("not valid UTF-8 text", problem.Message);
    }
}
