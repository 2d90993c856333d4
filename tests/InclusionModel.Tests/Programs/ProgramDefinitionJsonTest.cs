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

    // Texts in languages (issue 24): a string, or {"sv", "en"}; names on phases, goals and rules.
    [Fact]
    public void Parse_TextAsString_IsTheSameInEveryLanguage()
    {
        var program = ProgramDefinitionJson.Parse("""{"id":"x","name":"x","description":"Short","phases":[{"id":"a"}]}""").GetValueOrThrow();

        Assert.Equal(LocalizedText.Plain("Short"), program.LocalizedDescription);
    }

    [Fact]
    public void Parse_TextsInLanguages_KeepsEachLanguage()
    {
        var program = ProgramDefinitionJson.Parse("""
            {"id":"x","name":"x",
             "description":{"sv":"Kort","en":"Short"},
             "purpose":{"en":"Work"},
             "staff":[{"role":"coach","description":{"sv":"Coachar"}}],
             "targetGroup":{"description":{"sv":"Vuxna","en":"Adults"},"required":[{"rule":"working-age","names":{"sv":"Vuxen","en":"Adult"}}]},
             "phases":[{"id":"a","names":{"sv":"Kartläggning och planering","en":"Mapping and planning"}}],
             "goals":[{"id":"g","names":{"sv":"Målet"},"description":{"sv":"Arbete","en":"Work"}}],
             "sources":[{"file":"s.txt"}],
             "takenAs":[{"path":"$.purpose","source":"s.txt","reading":{"sv":"läst så","en":"read so"}}],
             "findings":[{"text":{"sv":"Det gick bra","en":"It went well"},"source":"s.txt","says":"bra"}]}
            """).GetValueOrThrow();

        Assert.Equal(LocalizedText.Create("Kort", "Short"), program.LocalizedDescription);
        Assert.Equal(LocalizedText.Create(null, "Work"), program.LocalizedPurpose);
        Assert.Equal(LocalizedText.Create("Coachar", null), program.Staff!.Value[0].LocalizedDescription);
        Assert.Equal(LocalizedText.Create("Vuxna", "Adults"), program.TargetGroup!.LocalizedDescription);
        Assert.Equal(LocalizedText.Create("Vuxen", "Adult"), program.TargetGroup.Required[0].Names);
        Assert.Equal(LocalizedText.Create("Kartläggning och planering", "Mapping and planning"), program.Phases[0].Names);
        Assert.Equal(LocalizedText.Create("Målet", null), program.Goals!.Value[0].Names);
        Assert.Equal(LocalizedText.Create("Arbete", "Work"), program.Goals.Value[0].LocalizedDescription);
        Assert.Equal(LocalizedText.Create("läst så", "read so"), program.TakenAs[0].LocalizedReading);
        Assert.Equal(LocalizedText.Create("Det gick bra", "It went well"), program.Findings[0].LocalizedText);
    }

    [Fact]
    public void Parse_Methods_EachAStringOrATextPerLanguage()
    {
        var program = ProgramDefinitionJson.Parse("""
            {"id":"x","name":"x",
             "methods":["coaching",{"sv":"täta kontakter med varje deltagare","en":"close contact with each participant"},{"en":"internships"}],
             "phases":[{"id":"a"}]}
            """).GetValueOrThrow();

        Assert.Equal(
            [LocalizedText.Plain("coaching"), LocalizedText.Create("täta kontakter med varje deltagare", "close contact with each participant"), LocalizedText.Create(null, "internships")],
            program.LocalizedMethods!.Value.ToArray());
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("sv-SE");
            Assert.Equal(["coaching", "täta kontakter med varje deltagare", "internships"], program.Methods!.Value.ToArray()); // no Swedish: the English
            System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("en-GB");
            Assert.Equal(["coaching", "close contact with each participant", "internships"], program.Methods!.Value.ToArray());
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void Serialize_Methods_AStringOrAnObjectEach_AndReadBackTheSame()
    {
        var program = new ProgramDefinitionBuilder("x", "x")
            .WithMethods([LocalizedText.Plain("coaching"), LocalizedText.Create(en: "courses", sv: "kurser")])
            .AddPhase("a")
            .Build();

        string json = ProgramDefinitionJson.Serialize(program);

        Assert.Contains("\"methods\": [\n    \"coaching\",\n    {\n      \"sv\": \"kurser\",\n      \"en\": \"courses\"\n    }\n  ],", json, StringComparison.Ordinal);
        DefinitionAssert.Same(program, ProgramDefinitionJson.Parse(json).GetValueOrThrow());
        Assert.Equal(json, ProgramDefinitionJson.Serialize(ProgramDefinitionJson.Parse(json).GetValueOrThrow()));
    }

    [Fact]
    public void Serialize_TextsInLanguages_SwedishFirst_NamesAfterTheId()
    {
        var program = ProgramDefinitionJson.Parse("""{"id":"x","name":"x","description":{"en":"Short","sv":"Kort"},"phases":[{"id":"a","optional":true,"names":{"en":"A","sv":"Ä"}},{"id":"b"}]}""").GetValueOrThrow();

        string json = ProgramDefinitionJson.Serialize(program);

        Assert.Contains("\"description\": {\n    \"sv\": \"Kort\",\n    \"en\": \"Short\"\n  },", json, StringComparison.Ordinal);
        Assert.Contains("\"id\": \"a\",\n      \"names\": {\n        \"sv\": \"Ä\",\n        \"en\": \"A\"\n      },\n      \"optional\": true", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"description\":{\"sv\":\"Kort\",\n\"fr\":\"Court\"}", "$.description.fr (line 2): 'fr' is not a language of a text; the languages are sv and en")]
    [InlineData("\"description\":{\"SV\":\"Kort\"}", "$.description.SV (line 1): 'SV' is not a language of a text; the languages are sv and en; did you mean 'sv'?")]
    [InlineData("\"description\":{\"en-GB\":\"Short\"}", "$.description.en-GB (line 1): 'en-GB' is not a language of a text; the languages are sv and en; did you mean 'en'?")]
    [InlineData("\"description\":{}", "$.description (line 1): a text per language needs at least one of sv and en")]
    [InlineData("\"purpose\":5", "$.purpose (line 1): expected a string, or an object with a text per language (sv, en), found a number '5'")]
    [InlineData("\"purpose\":[\"a\"]", "$.purpose (line 1): expected a string, or an object with a text per language (sv, en), found an array")]
    [InlineData("\"description\":{\"sv\":1}", "$.description.sv (line 1): expected a string, found a number '1'")]
    [InlineData("\"description\":{\"sv\":\"\",\"en\":\"Short\"}", "$.description.sv (line 1): a text that is stated cannot be blank; leave it out (null) when the source does not state it")]
    [InlineData("\"description\":{\"sv\":\"Skriv till a@b.se\"}", "$.description.sv (line 1): contains an e-mail address; definitions name roles and organisations, never people or their contact details")]
    [InlineData("\"phases\":[{\"id\":\"a\",\"names\":{\"de\":\"A\"}}]", "$.phases[0].names.de (line 1): 'de' is not a language of a text; the languages are sv and en")]
    [InlineData("\"methods\":[\"coaching\",{\"sv\":\"kurser\",\"de\":\"Kurse\"}]", "$.methods[1].de (line 1): 'de' is not a language of a text; the languages are sv and en")]
    [InlineData("\"methods\":[\"coaching\",5]", "$.methods[1] (line 1): expected a string, or an object with a text per language (sv, en), found a number '5'")]
    [InlineData("\"methods\":[null]", "$.methods[0] (line 1): expected a string, or an object with a text per language (sv, en), found null")]
    [InlineData("\"methods\":\"coaching\"", "$.methods (line 1): expected an array of texts, each a string or an object with a text per language (sv, en), found a string 'coaching'")]
    [InlineData("\"methods\":[{\"sv\":\"kurser\"},{\"sv\":\"Kurser\",\"en\":\"courses\"}]", "$.methods[1] (line 1): 'Kurser' is listed more than once")]
    [InlineData("\"methods\":[{\"sv\":\"ring 19121212-1212\"}]", "$.methods[0].sv (line 1): contains what looks like a personal identity number; definitions never carry personal data")]
    public void Parse_WrongText_IsOneLocatedProblem(string member, string problem)
    {
        string json = member.StartsWith("\"phases\"", StringComparison.Ordinal)
            ? "{\"id\":\"x\",\"name\":\"x\"," + member + "}"
            : "{\"id\":\"x\",\"name\":\"x\"," + member + ",\"phases\":[{\"id\":\"a\"}]}";

        Assert.Equal([problem], Problems(json));
    }

    [Fact]
    public void Parse_UnknownLanguage_IsToldInTheLanguageOfTheCall()
    {
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("sv-SE");
            Assert.Equal(
                ["$.description.fr (rad 1): 'fr' är inget språk för en text; språken är sv och en"],
                ProgramDefinitionJson.Parse("""{"id":"x","name":"x","description":{"fr":"Court"},"phases":[{"id":"a"}]}""").Problems.Select(p => $"{p.Path} (rad {p.Line}): {p.Message}"));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }
    }

    [Theory]
    [MemberData(nameof(CatalogueFiles))]
    public void CatalogueProgram_SummaryAndDefinitionJson_AreTheSameBytesInBothLanguages(string file)
    {
        var program = ProgramCatalogue.BuiltIn.Get(Path.GetFileNameWithoutExtension(file));
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            string Json(string culture)
            {
                System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(culture);
                var summary = new MemoryStream();
                ProgramDefinitionJson.WriteSummaries(summary, ProgramSet.Of([program]));
                return System.Text.Encoding.UTF8.GetString(summary.ToArray()) + ProgramDefinitionJson.Serialize(program);
            }

            string swedish = Json("sv-SE");
            Assert.Equal(swedish, Json("en-GB"));
            Assert.Contains($"\"description\": {{\n      \"sv\": \"{program.LocalizedDescription!.Swedish}\",\n      \"en\": \"{program.LocalizedDescription.English}\"\n    }}", swedish, StringComparison.Ordinal);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }
    }
}
