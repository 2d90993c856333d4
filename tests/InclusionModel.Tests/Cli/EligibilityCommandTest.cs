namespace InclusionModel.Tests.Cli;

public sealed class EligibilityCommandTest
{
    private static readonly string SamplePath = Path.Combine(AppContext.BaseDirectory, "samples", "people.ndjson");

    [Fact]
    public void Text_OneLinePerPersonThenASummary_ExitsOneForAMalformedLine()
    {
        var outcome = CliRun.Run(["eligibility", SamplePath]);

        Assert.Equal(1, outcome.ExitCode);
        string[] lines = outcome.Output.TrimEnd().Split('\n');
        Assert.Equal(11, lines.Length); // the special-category marking, nine lines, the summary
        Assert.Equal("NOTE: this output holds sensitive personal data (GDPR article 9): an assessment for Romane Droma – Romska vägar or Romane Bucha shows whether the person has said they belong to a national minority. Handle the output accordingly.", lines[0]);
        Assert.Equal("line 1: e-0001, assessed for All in (hallefors-all-in) on 2019-03-01: eligible", lines[1]);
        Assert.Equal("line 2: e-0002, assessed for All in (hallefors-all-in) on 2019-03-01: undetermined: the requirement “Newly arrived” (newly-arrived) can be assessed only once date of the first residence permit (residencePermitDate) is given", lines[2]);
        Assert.Equal("line 4: e-0004, assessed for Romane Droma – Romska vägar (vasteras-romane-droma) on 2013-03-01: eligible by the exception “Completed the orientation course” (completed-orientation-course)", lines[4]);
        Assert.Equal("line 7: e-0007, assessed for Romane Bucha (eskilstuna-romane-bucha) on 2013-01-15: not-eligible: “Of working age” (working-age) not-met: aged 19 on 2013-01-15, below 20–64", lines[7]);
        Assert.StartsWith("line 8: malformed: facts: 'ethnicity' is not accepted", lines[8]);
        Assert.Equal("9 records: 4 eligible, 2 not eligible, 1 undetermined, 2 malformed", lines[^1]);
    }

    [Fact]
    public void Json_FollowsTheContract()
    {
        var json = CliRun.Run(["eligibility", SamplePath, "--format", "json"]).Json;

        Assert.True(json.GetProperty("specialCategoryData").GetBoolean()); // Romane Droma and Romane Bucha people among them
        var summary = json.GetProperty("summary");
        Assert.Equal((9, 4, 2, 1, 2), (summary.GetProperty("records").GetInt32(), summary.GetProperty("eligible").GetInt32(), summary.GetProperty("notEligible").GetInt32(), summary.GetProperty("undetermined").GetInt32(), summary.GetProperty("malformed").GetInt32()));
        var first = json.GetProperty("decisions")[0];
        Assert.Equal(("e-0001", "hallefors-all-in", "2019-03-01", "eligible"), (first.GetProperty("person").GetString(), first.GetProperty("program").GetString(), first.GetProperty("on").GetString(), first.GetProperty("decision").GetString()));
        var rule = first.GetProperty("rules")[0];
        Assert.Equal(("resides-in-municipality", "met", "Kumla is one of the program's municipalities"), (rule.GetProperty("rule").GetString(), rule.GetProperty("result").GetString(), rule.GetProperty("because").GetString()));
        Assert.Equal(5, first.GetProperty("rules").GetArrayLength());
        var droma = json.GetProperty("decisions")[3];
        Assert.Equal("completed-orientation-course", droma.GetProperty("decidedBy").GetString());
        Assert.True(droma.GetProperty("rules")[4].GetProperty("exception").GetBoolean());
        Assert.Equal("residencePermitDate", json.GetProperty("decisions")[1].GetProperty("missingFacts")[0].GetString());
        var malformed = json.GetProperty("malformed");
        Assert.Equal(2, malformed.GetArrayLength());
        Assert.Equal(9, malformed[1].GetProperty("line").GetInt32());
        Assert.Equal("line 9: months with social assistance (facts.socialAssistanceMonths[0]): '2020-13' is not a valid month (YYYY-MM)", malformed[1].GetProperty("error").GetString());
    }

    [Fact]
    public void StandardInput_AllWellFormed_ExitsZero()
    {
        var outcome = CliRun.Run(["eligibility", "-"], stdin: """{"person":"e","program":"eskilstuna-nuevo-k2","on":"2013-01-01","facts":{"municipality":"Eskilstuna","farFromLabourMarket":true}}""");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("line 1: e, assessed for Nuevo K2 (eskilstuna-nuevo-k2) on 2013-01-01: eligible\n1 record: 1 eligible, 0 not eligible, 0 undetermined, 0 malformed\n", outcome.Output);
    }

    [Fact]
    public void UnknownProgram_IsAMalformedLine()
    {
        var outcome = CliRun.Run(["eligibility", "-"], stdin: """{"person":"e","program":"stockholm-x","on":"2013-01-01","facts":{}}""");

        Assert.Equal(1, outcome.ExitCode);
        Assert.StartsWith("line 1: not assessed: no program 'stockholm-x'", outcome.Output); // still counted malformed (exit 1, docs/contract.md)
    }

    [Fact]
    public void MissingFile_CannotRun()
    {
        var outcome = CliRun.Run(["eligibility", "/no/such/people.ndjson"]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith("inclusion: cannot read", outcome.Error);
    }

    [Fact]
    public void EmptyInput_ExitsZeroAndSaysSo()
    {
        var outcome = CliRun.Run(["eligibility", "-", "--format", "json"], stdin: "\n");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(0, outcome.Json.GetProperty("summary").GetProperty("records").GetInt32());
        Assert.Equal("inclusion: standard input holds no lines\n", outcome.Error.ReplaceLineEndings("\n"));
    }
}
