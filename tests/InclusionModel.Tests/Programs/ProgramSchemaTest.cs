using System.Text.Json;
using FsCheck.Xunit;
using InclusionModel.Programs;
using InclusionModel.Testing;
using Json.Schema;

namespace InclusionModel.Tests.Programs;

/// <summary>The shipped JSON Schema agrees with the reader: it accepts every definition the library writes and refuses what the reader refuses by shape.</summary>
public class ProgramSchemaTest
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(ProgramDefinitionJson.Schema));

    private static bool Valid(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Schema.Value.Evaluate(document.RootElement).IsValid;
    }

    [Fact]
    public void EveryCatalogueProgram_IsValidByTheSchema()
    {
        Assert.All(ProgramCatalogue.BuiltIn.All, p => Assert.True(Valid(ProgramDefinitionJson.Serialize(p)), p.Id));
    }

    [Property(Arbitrary = [typeof(ProgramDefinitionPropertiesTest.Generators)], MaxTest = 100)]
    public void GeneratedDefinition_IsValidByTheSchema(ProgramDefinition program)
    {
        Assert.True(Valid(ProgramDefinitionJson.Serialize(program)));
    }

    [Theory]
    [InlineData("""{"id":"x","name":"x","colour":"red","phases":[{"id":"a"}]}""")]
    [InlineData("""{"id":"x","name":"x","phases":[{"id":"a","minMonths":1}]}""")]
    [InlineData("""{"id":"x","name":"x","places":"3","phases":[{"id":"a"}]}""")]
    [InlineData("""{"id":"x","name":"x","phases":[]}""")]
    [InlineData("""{"id":"Bad Id","name":"x","phases":[{"id":"a"}]}""")]
    [InlineData("""{"id":"x","name":"x","targetGroup":{"required":[{"rule":"speaks-swedish"}]},"phases":[{"id":"a"}]}""")]
    [InlineData("""{"id":"x","name":"x","goals":[{"id":"g","quantity":"hires","target":1}],"phases":[{"id":"a"}]}""")]
    [InlineData("""{"id":"x","name":"x","reports":[{"kind":"weekly"}],"phases":[{"id":"a"}]}""")]
    [InlineData("""{"id":"x","phases":[{"id":"a"}]}""")]
    public void DefinitionTheReaderRefusesByShape_IsRefusedByTheSchema(string json)
    {
        Assert.False(ProgramDefinitionJson.Parse(json).Success);
        Assert.False(Valid(json));
    }

    [Fact]
    public void Schema_NamesExactlyTheFieldsTheReaderAccepts()
    {
        using var schema = JsonDocument.Parse(ProgramDefinitionJson.Schema);
        var root = schema.RootElement;
        string[] Names(JsonElement obj) => [.. obj.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];
        JsonElement Items(string field) => root.GetProperty("properties").GetProperty(field).GetProperty("items");

        Assert.Equal(ProgramDefinitionReader.Fields["program"].Order(StringComparer.Ordinal), Names(root));
        Assert.Equal(ProgramDefinitionReader.Fields["phase"].Order(StringComparer.Ordinal), Names(Items("phases")));
        Assert.Equal(ProgramDefinitionReader.Fields["goal"].Order(StringComparer.Ordinal), Names(Items("goals")));
        Assert.Equal(ProgramDefinitionReader.Fields["report"].Order(StringComparer.Ordinal), Names(Items("reports")));
        Assert.Equal(ProgramDefinitionReader.Fields["staff"].Order(StringComparer.Ordinal), Names(Items("staff")));
        Assert.Equal(ProgramDefinitionReader.Fields["source"].Order(StringComparer.Ordinal), Names(Items("sources")));
        Assert.Equal(ProgramDefinitionReader.Fields["takenAs"].Order(StringComparer.Ordinal), Names(Items("takenAs")));
        Assert.Equal(ProgramDefinitionReader.Fields["rule"].Order(StringComparer.Ordinal), Names(root.GetProperty("$defs").GetProperty("rule")));
        Assert.Equal(TargetGroupRules.Ids, root.GetProperty("$defs").GetProperty("rule").GetProperty("properties").GetProperty("rule").GetProperty("enum").EnumerateArray().Select(e => e.GetString()!));
        Assert.Equal(StrategicGoals.All.Select(g => g.Id), Items("strategicGoals").GetProperty("enum").EnumerateArray().Select(e => e.GetString()!));
    }
}
