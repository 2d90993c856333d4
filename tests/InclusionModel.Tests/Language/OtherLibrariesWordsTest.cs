using System.Globalization;
using InclusionModel.Programs;

namespace InclusionModel.Tests.Language;

/// <summary>Issue 24: what System.Text.Json and the definition reader say reaches a Swedish reader in Swedish.</summary>
public sealed class OtherLibrariesWordsTest
{
    private static T InSwedish<T>(Func<T> f)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("sv-SE");
            return f();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void Parse_BrokenJsonInSwedish_SaysItInSwedish()
    {
        var problem = Assert.Single(InSwedish(() => ProgramDefinitionJson.Parse("{\"id\": \"x\",\n \"name\": x}").Problems));

        Assert.Equal("inte giltig JSON: ett värde kan inte börja med det här tecknet (rad 2, nära byte 10)", problem.Message);
    }

    [Fact]
    public void Parse_WrongEnumAndBoolInSwedish_ListsTheValuesInSwedish()
    {
        var problems = InSwedish(() => ProgramDefinitionJson.Parse("{\"id\":\"x\",\"name\":\"y\",\"specialCategoryData\":3,\"phases\":[{\"id\":\"a\"}],\"reports\":[{\"kind\":\"weekly\"}]}").Problems);

        Assert.Contains(problems, p => p.Message.Contains("true eller false", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Message.Contains("något av monthly-summary", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Message.Contains("one of", StringComparison.Ordinal) || p.Message.Contains("true or false", StringComparison.Ordinal));
    }
}
