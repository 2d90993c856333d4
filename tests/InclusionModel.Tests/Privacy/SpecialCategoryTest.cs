using InclusionModel.Programs;
using InclusionModel.Tests.Cli;

namespace InclusionModel.Tests.Privacy;

/// <summary>The programs whose participation reveals a self-declared minority are marked, and so is every output about their people.</summary>
public class SpecialCategoryTest
{
    private static readonly string Samples = Path.Combine(AppContext.BaseDirectory, "samples");
    private const string Note = "NOTE: this output holds sensitive personal data (GDPR article 9)";

    [Fact]
    public void TheRomaPrograms_AreMarked_AndNoOther()
    {
        Assert.Equal(
            ["eskilstuna-romane-bucha", "helsingborg-vorta-drom", "vasteras-romane-droma"],
            ProgramCatalogue.BuiltIn.All.Where(p => p.SpecialCategoryData).Select(p => p.Id).Order());
    }

    [Fact]
    public void Validate_AboutABuchaRecord_IsMarkedInTextAndJson_AndAnAllInRunIsNot()
    {
        string bucha = File.ReadLines(Path.Combine(Samples, "histories.ndjson")).First();
        string allIn = File.ReadLines(Path.Combine(Samples, "all-in.ndjson")).First();

        var text = CliRun.Run(["validate", "-", "--as-of", "2021-06-30"], stdin: bucha);
        var json = CliRun.Run(["validate", "-", "--as-of", "2021-06-30", "--format", "json"], stdin: bucha);
        var plain = CliRun.Run(["validate", "-", "--as-of", "2021-06-30", "--format", "json"], stdin: allIn);
        var plainText = CliRun.Run(["validate", "-", "--as-of", "2021-06-30"], stdin: allIn);

        Assert.StartsWith(Note, text.Output);
        Assert.StartsWith("{\"specialCategoryData\":true,", json.Output);
        Assert.False(plain.Json.TryGetProperty("specialCategoryData", out _));
        Assert.DoesNotContain("NOTE", plainText.Output);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("csv")]
    public void Report_OfAMarkedProgram_IsMarkedInEveryFormat(string format)
    {
        string bucha = File.ReadLines(Path.Combine(Samples, "histories.ndjson")).First();

        var outcome = CliRun.Run(["report", "-", "--program", "eskilstuna-romane-bucha", "--from", "2012-01-01", "--to", "2014-12-31", "--format", format], stdin: bucha);
        var publication = CliRun.Run(["report", "-", "--program", "eskilstuna-romane-bucha", "--from", "2012-01-01", "--to", "2014-12-31", "--format", format, "--publication"], stdin: bucha);

        foreach (var o in new[] { outcome, publication })
        {
            Assert.Equal(0, o.ExitCode);
            switch (format)
            {
                case "text":
                    Assert.StartsWith(Note, o.Output);
                    break;
                case "json":
                    Assert.True(o.Json.GetProperty("specialCategoryData").GetBoolean());
                    break;
                default:
                    Assert.StartsWith("figure,value\r\nspecialCategoryData,true\r\n", o.Output);
                    break;
            }
        }
    }

    [Fact]
    public void Eligibility_AboutADromaPerson_IsMarkedFirst()
    {
        string[] people = File.ReadAllLines(Path.Combine(Samples, "people.ndjson"));
        string allIn = people[0];
        string droma = people.First(l => l.Contains("vasteras-romane-droma", StringComparison.Ordinal));

        var marked = CliRun.Run(["eligibility", "-"], stdin: allIn + "\n" + droma + "\n");
        var plain = CliRun.Run(["eligibility", "-"], stdin: allIn + "\n");

        Assert.StartsWith(Note, marked.Output); // first, although the Droma person is on the second line
        Assert.DoesNotContain("NOTE", plain.Output);
    }

    [Fact]
    public void TheMarking_RoundTripsThroughADefinitionFile()
    {
        var bucha = ProgramCatalogue.BuiltIn.Get("eskilstuna-romane-bucha");

        var again = ProgramDefinitionJson.Parse(ProgramDefinitionJson.Serialize(bucha)).GetValueOrThrow();

        Assert.True(again.SpecialCategoryData);
        Assert.Contains("\"specialCategoryData\": true", ProgramDefinitionJson.Serialize(bucha));
    }
}
