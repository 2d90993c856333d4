using System.Globalization;
using InclusionModel.Programs;

namespace InclusionModel.Tests.Programs;

/// <summary>The names people read for a program's ids: its own first, for that program only, in the language of each call.</summary>
public class ProgramDefinitionTest
{
    private static readonly ProgramDefinition Named = ProgramDefinitionJson.Parse("""
        {"id":"named","name":"Named",
         "targetGroup":{"required":[{"rule":"working-age","names":{"sv":"Vuxen i arbetsför ålder","en":"Adult of working age"}},{"rule":"newly-arrived"}]},
         "phases":[{"id":"preparation","names":{"sv":"Förberedande samtal","en":"Preparatory talks"}},{"id":"employment"},{"id":"own-step"}],
         "goals":[{"id":"into-work","names":{"sv":"Jobb"},"description":"x"}]}
        """).GetValueOrThrow();

    private static string In(string culture, Func<string> name)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            return name();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Theory]
    [InlineData("sv-SE", "preparation", "Förberedande samtal")] // the definition's own name
    [InlineData("en-GB", "preparation", "Preparatory talks")]
    [InlineData("sv-SE", "employment", "Anställning")] // none of its own: the built-in name
    [InlineData("en-GB", "employment", "Employment")]
    [InlineData("sv-SE", "own-step", "own-step")] // neither: the id
    public void PhaseName_IsTheProgramsOwnThenTheBuiltInThenTheId(string culture, string phase, string expected)
    {
        Assert.Equal(expected, In(culture, () => Named.PhaseName(phase)));
    }

    [Theory]
    [InlineData("sv-SE", "Jobb")]
    [InlineData("en-GB", "Jobb")] // only Swedish given: a reader of English still gets the program's own name
    public void GoalName_IsTheProgramsOwn(string culture, string expected)
    {
        Assert.Equal(expected, In(culture, () => Named.GoalName("into-work")));
    }

    [Theory]
    [InlineData("sv-SE", "working-age", "Vuxen i arbetsför ålder")]
    [InlineData("en-GB", "working-age", "Adult of working age")]
    [InlineData("sv-SE", "newly-arrived", "Nyanländ")]
    public void RuleName_IsTheProgramsOwnThenTheBuiltIn(string culture, string rule, string expected)
    {
        Assert.Equal(expected, In(culture, () => Named.RuleName(rule)));
    }

    [Fact]
    public void OwnNames_AreForThatProgramOnly()
    {
        Assert.Equal("Förberedelse", In("sv-SE", () => TestData.Bucha.PhaseName("preparation")));
        Assert.Equal("Förberedelse (preparation)", In("sv-SE", () => TestData.Bucha.NameWithId(DisplayNames.Phase, "preparation")));
        Assert.Equal("Förberedande samtal (preparation)", In("sv-SE", () => Named.NameWithId(DisplayNames.Phase, "preparation")));
    }

    [Fact]
    public void Names_FollowEachCallsLanguage_NeverTheFirstCalls()
    {
        Assert.Equal(
            ["Förberedande samtal", "Preparatory talks", "Förberedande samtal"],
            new[] { "sv-SE", "en-GB", "sv-SE" }.Select(c => In(c, () => Named.PhaseName("preparation"))));
    }

    [Fact]
    public void Texts_FollowTheLanguageOfTheCall()
    {
        var program = TestData.Bucha;

        Assert.Equal(program.LocalizedDescription!.Swedish, In("sv-SE", () => program.Description!));
        Assert.Equal(program.LocalizedDescription.English, In("en-GB", () => program.Description!));
        Assert.StartsWith("Ett arbetsmarknadsprojekt i Eskilstuna för romer", In("sv-SE", () => program.Description!), StringComparison.Ordinal);
        Assert.StartsWith("A labour-market project in Eskilstuna for Roma", In("en-GB", () => program.Description!), StringComparison.Ordinal);
    }
}
