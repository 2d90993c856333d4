using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InclusionModel.AspNetCore;
using InclusionModel.Eligibility;
using InclusionModel.Programs;
using InclusionModel.Tests.Cli;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using static InclusionModel.Tests.TestData;

namespace InclusionModel.Tests.Eligibility;

/// <summary>
/// <c>long-term-unemployed</c> (docs/interchange-contract.md §5, issue 25): met iff <c>unemployedSince</c> plus
/// <c>months</c> calendar months, clamped to the month's end, is on or before the assessment date
/// (docs/contract.md). Expectations below are worked out by hand from a calendar.
/// </summary>
public sealed class LongTermUnemployedTest : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("inclusion-unemployed-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (RuleResult Result, string Because) Run(string since, string on, int? months = null)
    {
        Assert.True(EligibilityRuleSet.Standard.TryGet(TargetGroupRules.LongTermUnemployed, out var rule));
        var arguments = rule.Bind(new TargetGroupRule(TargetGroupRules.LongTermUnemployed, Months: months), AllIn);
        var facts = EligibilityFacts.None with { UnemployedSince = D(since) };
        var result = rule.Evaluate(facts, D(on), arguments);
        return (result, rule.Because(facts, D(on), arguments, result));
    }

    [Theory]
    // Exactly 12 months: 2023-03-01 + 12 months = 2024-03-01.
    [InlineData("2023-03-01", "2024-03-01", null, RuleResult.Met)]
    // One day short: 2023-03-02 + 12 months = 2024-03-02, a day after the assessment.
    [InlineData("2023-03-02", "2024-03-01", null, RuleResult.NotMet)]
    // A month's last day to the same month's last day a year on.
    [InlineData("2023-03-31", "2024-03-31", null, RuleResult.Met)]
    [InlineData("2023-03-31", "2024-03-30", null, RuleResult.NotMet)]
    // 29 February 2024: 12 months after 2023-02-28 is 2024-02-28, so met on the 29th; after 2023-03-01 it is 2024-03-01.
    [InlineData("2023-02-28", "2024-02-29", null, RuleResult.Met)]
    [InlineData("2023-03-01", "2024-02-29", null, RuleResult.NotMet)]
    // Since 29 February: 12 months later is clamped to 2025-02-28 (no 29th), so met on 2025-02-28, not on the 27th.
    [InlineData("2024-02-29", "2025-02-28", null, RuleResult.Met)]
    [InlineData("2024-02-29", "2025-02-27", null, RuleResult.NotMet)]
    // Clamping to a shorter month: 31 January + 1 month = 28 February 2023.
    [InlineData("2023-01-31", "2023-02-28", 1, RuleResult.Met)]
    [InlineData("2023-01-31", "2023-02-27", 1, RuleResult.NotMet)]
    // 31 March 2023 + 11 months = 29 February 2024 (clamped from the 31st in a leap year).
    [InlineData("2023-03-31", "2024-02-29", 11, RuleResult.Met)]
    [InlineData("2023-03-31", "2024-02-28", 11, RuleResult.NotMet)]
    // The year's last day: 2022-12-31 + 12 months = 2023-12-31.
    [InlineData("2022-12-31", "2023-12-30", null, RuleResult.NotMet)]
    [InlineData("2022-12-31", "2023-12-31", null, RuleResult.Met)]
    // Another threshold: 24 months.
    [InlineData("2022-03-01", "2024-03-01", 24, RuleResult.Met)]
    [InlineData("2022-03-01", "2024-02-29", 24, RuleResult.NotMet)]
    // Unemployed since the assessment day itself.
    [InlineData("2024-03-01", "2024-03-01", null, RuleResult.NotMet)]
    public void Evaluate_AtTheMonthEdges_IsWhatTheCalendarSays(string since, string on, int? months, RuleResult expected)
    {
        Assert.Equal(expected, Run(since, on, months).Result);
    }

    [Fact]
    public void Because_SaysSinceWhenAndWhenTheMonthsAreReached()
    {
        Assert.Equal("unemployed since 2023-01-15, at least 12 months before 2024-03-01", Run("2023-01-15", "2024-03-01").Because);
        Assert.Equal("unemployed since 2023-06-15, less than 12 months before 2024-03-01 (12 months are reached on 2024-06-15)", Run("2023-06-15", "2024-03-01").Because);
        Assert.Equal("unemployed since 2024-02-29, less than 12 months before 2025-02-27 (12 months are reached on 2025-02-28)", Run("2024-02-29", "2025-02-27").Because);
    }

    [Fact]
    public void Because_AtTheEndOfTheCalendar_SaysWhenTheMonthsAreReached_OnlyWhenTheCalendarHasThatDay()
    {
        // 9998-12-31 + 12 months = 9999-12-31, the calendar's last day: it is reached, and said.
        Assert.Equal("unemployed since 9998-12-31, less than 12 months before 9999-12-30 (12 months are reached on 9999-12-31)", Run("9998-12-31", "9999-12-30").Because);
        Assert.Equal(RuleResult.Met, Run("9998-12-31", "9999-12-31").Result);
        // 9999-01-01 + 12 months is past the calendar: never reached, so no date is named.
        Assert.Equal("unemployed since 9999-01-01, less than 12 months before 9999-12-31", Run("9999-01-01", "9999-12-31").Because);
    }

    [Fact]
    public void Because_InSwedish_SaysLangtidsarbetslosInSwedishWords()
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("sv-SE");
            Assert.Equal("arbetslös sedan 2023-01-15, minst 12 månader före 2024-03-01", Run("2023-01-15", "2024-03-01").Because);
            Assert.Equal("arbetslös sedan 2023-06-15, mindre än 12 månader före 2024-03-01 (12 månader nås 2024-06-15)", Run("2023-06-15", "2024-03-01").Because);
            Assert.True(EligibilityRuleSet.Standard.TryGet(TargetGroupRules.LongTermUnemployed, out var rule));
            Assert.StartsWith("Långtidsarbetslös", rule.Versions[0].Swedish, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void Evaluate_WithoutTheFact_IsUnknown_AndSaysWhichFact()
    {
        Assert.True(EligibilityRuleSet.Standard.TryGet(TargetGroupRules.LongTermUnemployed, out var rule));
        var arguments = rule.Bind(new TargetGroupRule(TargetGroupRules.LongTermUnemployed), AllIn);

        Assert.Equal(RuleResult.Unknown, rule.Evaluate(EligibilityFacts.None, D("2024-03-01"), arguments));
        Assert.Equal("unemployedSince was not given", rule.Because(EligibilityFacts.None, D("2024-03-01"), arguments, RuleResult.Unknown));
        Assert.Equal(12, arguments.Months);
    }

    /// <summary>The bounded generators of the property: dates of 1990–2040 and thresholds of 1–120 months.</summary>
    public static class Generators
    {
        public static Arbitrary<LocalDate> LocalDate() => Arbitraries.LocalDate();

        public static Arbitrary<int> Months() => Gen.Choose(1, 120).ToArbitrary();
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 2000)]
    public void Evaluate_IsMetExactlyWhenNodaTimesWholeMonthsReachTheThreshold(LocalDate since, LocalDate on, int months)
    {
        Assert.True(EligibilityRuleSet.Standard.TryGet(TargetGroupRules.LongTermUnemployed, out var rule));
        var arguments = rule.Bind(new TargetGroupRule(TargetGroupRules.LongTermUnemployed, Months: months), AllIn);

        // NodaTime's own count of whole months from one date to the other, negative when since is later.
        int whole = since <= on ? Period.Between(since, on, PeriodUnits.Months).Months : -1;
        var expected = whole >= months ? RuleResult.Met : RuleResult.NotMet;
        Assert.Equal(expected, rule.Evaluate(EligibilityFacts.None with { UnemployedSince = since }, on, arguments));
    }

    [Theory]
    [InlineData("\"unemployedSince\":\"2019-03-02\"", "line 7: facts.unemployedSince: unemployedSince is after the assessment date 2019-03-01")]
    [InlineData("\"unemployedSince\":\"2019-02-30\"", "line 7: unemployed since (facts.unemployedSince): '2019-02-30' is not a valid date (YYYY-MM-DD)")]
    [InlineData("\"unemployedSince\":true", "line 7: facts: 'unemployedSince' must be a date string (YYYY-MM-DD), found a boolean")]
    public void Read_AnUnemployedSinceThatCannotBe_IsMalformedWithAReason(string fact, string reason)
    {
        var result = EligibilityReader.Read("""{"person":"e-1","program":"hallefors-all-in","on":"2019-03-01","facts":{""" + fact + "}}", 7);

        Assert.Equal(reason, result.Error);
    }

    [Fact]
    public void Read_UnemployedSince_IsTheFact_AndNullIsUnknown()
    {
        var read = EligibilityReader.Read("""{"person":"e-1","program":"hallefors-all-in","on":"2019-03-01","facts":{"unemployedSince":"2018-03-01"}}""", 1);
        var unknown = EligibilityReader.Read("""{"person":"e-1","program":"hallefors-all-in","on":"2019-03-01","facts":{"unemployedSince":null}}""", 1);

        Assert.Equal(D("2018-03-01"), read.Request!.Facts.UnemployedSince);
        Assert.Null(unknown.Request!.Facts.UnemployedSince);
    }

    /// <summary>A definition file of Motala's program that also asks for 6 months of unemployment.</summary>
    private string Definition(string rule)
    {
        var node = ProgramDefinitionJson.ToNode(ProgramCatalogue.BuiltIn.Get("motala-utanforskap-till-sysselsattning")).AsObject();
        node["targetGroup"]!["required"]!.AsArray().Add(System.Text.Json.Nodes.JsonNode.Parse(rule));
        string path = Path.Combine(_dir, "motala.json");
        File.WriteAllText(path, node.ToJsonString());
        return path;
    }

    private const string Person = """{"person":"e-1","program":"motala-utanforskap-till-sysselsattning","on":"2020-04-01","facts":{"municipality":"Motala","registeredJobSeeker":true,"socialAssistanceMonths":["2020-03"],"unemployedSince":"2019-10-01"}}""";

    [Fact]
    public void Definition_WithTheRule_IsReadWrittenAndBuilt()
    {
        var built = ProgramDefinitionBuilder.From(ProgramCatalogue.BuiltIn.Get("motala-utanforskap-till-sysselsattning"))
            .WithTargetGroup(new TargetGroup([new TargetGroupRule(TargetGroupRules.ResidesInMunicipality), new TargetGroupRule(TargetGroupRules.LongTermUnemployed, Months: 6)]))
            .Build();
        var again = ProgramDefinitionJson.Parse(ProgramDefinitionJson.Serialize(built));

        Assert.True(again.Success, string.Join("; ", again.Problems));
        Assert.True(built.TargetGroup!.Required.SequenceEqual(again.Program!.TargetGroup!.Required));
        Assert.Contains("\"rule\":\"long-term-unemployed\",\"months\":6", ProgramDefinitionJson.Serialize(built).Replace(" ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(121)]
    public void Definition_MonthsOutsideOneTo120_IsALocatedProblem(int months)
    {
        var outcome = CliRun.Run(["programs", "check", Definition($$"""{"rule":"long-term-unemployed","months":{{months}}}""")]);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains($"$.targetGroup.required[3].months: months must be 1–120 for long-term-unemployed, was {months}", outcome.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void EligibilityCommand_DecidesWithTheRule_FromADefinitionFile()
    {
        string six = Definition("""{"rule":"long-term-unemployed","months":6}""");

        var outcome = CliRun.Run(["eligibility", "-", "--definition", six, "--format", "json"], stdin: Person + "\n");

        Assert.Equal(0, outcome.ExitCode);
        var decision = outcome.Json.GetProperty("decisions")[0];
        Assert.Equal("eligible", decision.GetProperty("decision").GetString());
        var rule = decision.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("rule").GetString() == "long-term-unemployed");
        // 2019-10-01 + 6 months = 2020-04-01, the assessment date itself.
        Assert.Equal(("met", "unemployed since 2019-10-01, at least 6 months before 2020-04-01"), (rule.GetProperty("result").GetString(), rule.GetProperty("because").GetString()));
    }

    [Fact]
    public void EligibilityCommand_ByDefault_AsksTwelveMonths_AndAFutureDateIsMalformed()
    {
        string twelve = Definition("""{"rule":"long-term-unemployed"}""");
        string future = Person.Replace("2019-10-01", "2020-04-02", StringComparison.Ordinal);

        var outcome = CliRun.Run(["eligibility", "-", "--definition", twelve, "--format", "json"], stdin: Person + "\n" + future + "\n");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal("not-eligible", outcome.Json.GetProperty("decisions")[0].GetProperty("decision").GetString());
        Assert.Equal("line 2: facts.unemployedSince: unemployedSince is after the assessment date 2020-04-01", outcome.Json.GetProperty("malformed")[0].GetProperty("error").GetString());
    }

    [Fact]
    public async Task Service_DecidesWithTheRule_AsTheCommandDoes()
    {
        string six = Definition("""{"rule":"long-term-unemployed","months":6}""");
        var program = ProgramDefinitionJson.Parse(File.ReadAllBytes(six)).Program!;
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddInclusionModel(o => o.Programs = ProgramCatalogue.BuiltIn.With([program]));
        await using var app = builder.Build();
        app.MapInclusionModel("/inclusion");
        await app.StartAsync();
        using var client = app.GetTestClient();

        var response = await client.PostAsync("/inclusion/eligibility", new StringContent(Person + "\n", Encoding.UTF8, "application/x-ndjson"));

        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        Assert.Equal(CliRun.Run(["eligibility", "-", "--definition", six, "--format", "json"], stdin: Person + "\n").Output, body);
        Assert.Contains("\"rule\":\"long-term-unemployed\",\"result\":\"met\"", body, StringComparison.Ordinal);
    }
}
