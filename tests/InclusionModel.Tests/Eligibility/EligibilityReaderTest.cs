using FsCheck.Xunit;
using InclusionModel.Eligibility;
using InclusionModel.Testing;
using NodaTime;
using static InclusionModel.Tests.TestData;

namespace InclusionModel.Tests.Eligibility;

public class EligibilityReaderTest
{
    private static string? Error(string facts, string on = "2019-03-01", string person = "e-1")
        => EligibilityReader.Read("{\"person\":\"" + person + "\",\"program\":\"hallefors-all-in\",\"on\":\"" + on + "\",\"facts\":{" + facts + "}}", 7).Error;

    [Fact]
    public void Read_TheExampleOfFormats_GivesEveryFact()
    {
        var result = EligibilityReader.Read("""{"person":"e-0001","program":"hallefors-all-in","on":"2019-03-01","facts":{"birthDate":"1990-05-01","municipality":"Kumla","residencePermitDate":"2017-06-01","establishmentProgram":"left-early","jobAndDevelopmentGuarantee":false}}""", 1);

        Assert.Null(result.Error);
        var expected = EligibilityFacts.None with
        {
            BirthDate = D("1990-05-01"), Municipality = "Kumla", ResidencePermitDate = D("2017-06-01"),
            EstablishmentProgram = EstablishmentProgramStatus.LeftEarly, JobAndDevelopmentGuarantee = false,
        };
        Assert.Equal(new EligibilityRequest("e-0001", "hallefors-all-in", D("2019-03-01"), expected), result.Request);
    }

    [Theory]
    [InlineData("\"birthDate\":\"2020-01-01\"", "line 7: facts.birthDate: the birth date is after the assessment date 2019-03-01")]
    [InlineData("\"birthDate\":\"1880-01-01\"", "line 7: facts.birthDate: the birth date gives an age above 130")]
    [InlineData("\"birthDate\":\"1990-01-01\",\"residencePermitDate\":\"1989-01-01\"", "line 7: facts.residencePermitDate: the residence permit date is before the birth date")]
    [InlineData("\"socialAssistanceMonths\":[\"2019-13\"]", "line 7: months with social assistance (facts.socialAssistanceMonths[0]): '2019-13' is not a valid month (YYYY-MM)")]
    [InlineData("\"socialAssistanceMonths\":[\"2019-01\",\"2019-01\"]", "line 7: facts: 'socialAssistanceMonths[1]': 2019-01 is listed more than once")]
    [InlineData("\"socialAssistanceMonths\":\"2019-01\"", "line 7: facts: 'socialAssistanceMonths' must be an array of months (YYYY-MM), found a string")]
    [InlineData("\"birthDate\":\"1990-02-30\"", "line 7: date of birth (facts.birthDate): '1990-02-30' is not a valid date (YYYY-MM-DD)")]
    [InlineData("\"establishmentProgram\":\"maybe\"", "line 7: facts: 'establishmentProgram' must be one of none, participating, completed, left-early, found 'maybe'")]
    [InlineData("\"farFromLabourMarket\":\"yes\"", "line 7: facts: 'farFromLabourMarket' must be true or false, found a string")]
    [InlineData("\"birthdate\":\"1990-01-01\"", "line 7: facts: 'birthdate' is not a fact; did you mean 'birthDate'? (facts: birthDate, municipality, registeredJobSeeker, socialAssistanceMonths, residencePermitDate, establishmentProgram, jobAndDevelopmentGuarantee, farFromLabourMarket, selfDeclaredTargetGroup, completedOrientationCourse, unemployedSince)")]
    [InlineData("\"municipality\":\"Kumla\",\"municipality\":\"Nora\"", "line 7: facts: 'municipality' appears more than once")]
    [InlineData("\"municipality\":\" \"", "line 7: facts.municipality: the municipality is blank; leave it out when it is not known")]
    [InlineData("\"selfDeclaredTargetGroup\":{\"declared\":true}", "line 7: facts: 'selfDeclaredTargetGroup' needs both 'declared' and 'on'")]
    public void Read_BadFacts_AreLocatedErrors(string facts, string error)
    {
        Assert.Equal(error, Error(facts));
    }

    [Theory]
    [InlineData("ethnicity")]
    [InlineData("nationality")]
    [InlineData("countryOfBirth")]
    [InlineData("ethnic_origin")]
    [InlineData("citizenship")]
    [InlineData("personnummer")]
    public void Read_SpecialCategoryFact_IsNeverAccepted_AndTheReasonSaysWhy(string name)
    {
        string? error = Error($"\"{name}\":\"x\"");

        Assert.StartsWith($"line 7: facts: '{name}' is not accepted: the library never records ethnicity, nationality", error);
        Assert.Contains("selfDeclaredTargetGroup", error);
    }

    [Theory]
    [InlineData("""{"person":"e","program":"p","on":"2019-03-01"}""", "line 1: missing required field 'facts'")]
    [InlineData("""{"person":"e","program":"p","on":"2019-03-01","facts":{},"note":"x"}""", "line 1: 'note' is not a field of an eligibility line (fields: person, program, on, facts)")]
    [InlineData("""{"person":"e","program":"p","on":"2019-13-01","facts":{}}""", "line 1: 'on' is not a date (YYYY-MM-DD): '2019-13-01'")]
    [InlineData("""{"person":7,"program":"p","on":"2019-03-01","facts":{}}""", "line 1: 'person' must be a string, found a number")]
    [InlineData("""{"person":"e","program":"p","on":"2019-03-01","facts":[]}""", "line 1: 'facts' must be an object, found an array")]
    [InlineData("""[1]""", "line 1: not a JSON object (found an array)")]
    [InlineData("""{"person":""", "line 1: not valid JSON (at byte 11)")]
    public void Read_BadLine_IsALocatedError(string line, string error)
    {
        Assert.Equal(error, EligibilityReader.Read(line, 1).Error);
    }

    [Fact]
    public void Read_IdentityNumberAsPerson_IsMalformedAndNeverQuoted()
    {
        string? error = Error("", person: "811218-9876");

        Assert.Equal("line 7: 'person' looks like a personal identity number; ids are pseudonymous (the value is not shown)", error);
    }

    [Fact]
    public void Read_MalformedSelfDeclaration_NeverQuotesIt()
    {
        string? error = Error("\"selfDeclaredTargetGroup\":{\"declared\":\"ja, rom\",\"on\":\"2019-01-01\"}");

        Assert.NotNull(error);
        Assert.DoesNotContain("rom", error!.Replace("from", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Read_NullFact_IsUnknown()
    {
        var request = EligibilityReader.Read("""{"person":"e","program":"p","on":"2019-03-01","facts":{"birthDate":null}}""", 1).Request;

        Assert.Null(request!.Facts.BirthDate);
    }

    [Property(Arbitrary = [typeof(TargetGroupTest.Generators)], MaxTest = 300)]
    public void GeneratedCase_AsNdjson_ReadsBackToTheSameFacts(EligibilityCase c)
    {
        var result = EligibilityReader.Read(c.ToString(), 1);

        Assert.Null(result.Error);
        Assert.Equal(c.Facts, result.Request!.Facts);
        Assert.Equal(c.On, result.Request.On);
    }

    [Property(MaxTest = 300)]
    public void DamagedLine_NeverThrows(byte[] bytes)
    {
        var result = EligibilityReader.Read(bytes, 1);

        Assert.True(result.Request is not null ^ result.Error is not null);
    }
}

public class OneFactCheckTest
{
    [Theory]
    [InlineData("2030-01-01", "Kumla", "facts.birthDate: the birth date is after the assessment date 2019-03-01")]
    [InlineData("1990-01-01", " ", "facts.municipality: the municipality is blank")]
    public void TheCSharpPath_ChecksFactsAsTheCommandDoes(string birth, string municipality, string problem)
    {
        var allIn = InclusionModel.Programs.ProgramCatalogue.BuiltIn.Get("hallefors-all-in");
        var evaluator = TargetGroupEvaluator.For(allIn);
        NodaTime.LocalDate on = new(2019, 3, 1);
        var facts = EligibilityFacts.None with { BirthDate = InclusionModel.Tests.TestData.D(birth), Municipality = municipality };
        string line = $$$"""{"person":"e-1","program":"hallefors-all-in","on":"2019-03-01","facts":{"birthDate":"{{{birth}}}","municipality":"{{{municipality}}}"}}""";

        var explain = Assert.Throws<ArgumentException>(() => evaluator.Explain(facts, on));
        var decide = Assert.Throws<ArgumentException>(() => evaluator.Decide(facts, on));
        var command = InclusionModel.Tests.Cli.CliRun.Run(["eligibility", "-"], stdin: line);

        Assert.Contains(problem, explain.Message);
        Assert.Contains(problem, decide.Message);
        Assert.Contains(problem.Split(": ", 2)[1], command.Output); // the same words, as a malformed line
        Assert.Equal(1, command.ExitCode);
    }
}
