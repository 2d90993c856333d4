using System.Text;
using InclusionModel.Eligibility;
using InclusionModel.Programs;
using InclusionModel.Testing;
using NodaTime;

namespace InclusionModel.Tests.Eligibility;

/// <summary>
/// Membership of a minority program's target group comes only from selfDeclaredTargetGroup, is read only by
/// that rule, and never appears in a message: this goes through every message the engine produces for
/// many generated people.
/// </summary>
public class EligibilityPrivacyTest
{
    private static readonly string[] Forbidden = ["roma", "romer", "romsk", "romani", "ethnic", "etnisk", "nationality", "nationalitet", "minorit", "somali"];

    private static IEnumerable<EligibilityCase> Cases()
    {
        var random = new Random(20261125);
        foreach (var program in ProgramCatalogue.BuiltIn.All)
        {
            for (int i = 0; i < 400; i++)
            {
                var on = new LocalDate(2012, 1, 1).PlusDays(random.Next(3650));
                yield return new EligibilityCase(program, on, EligibilityGenerators.Build(random, on));
            }
        }
    }

    [Fact]
    public void NoMessageOfTheEngine_NamesAnEthnicityOrQuotesASelfDeclaration()
    {
        var messages = new List<string>();
        var output = new StringWriter();
        var text = new TextEligibilityReportWriter(output);
        int line = 0;
        foreach (var c in Cases())
        {
            var trace = TargetGroupEvaluator.For(c.Program).Explain(c.Facts, c.On);
            messages.AddRange(trace.Rules.Select(r => r.Because));
            messages.AddRange(trace.Rules.Select(r => r.Version));
            messages.Add(c.Facts.ToString());
            text.Decision(++line, new EligibilityRequest("p", c.Program.Id, c.On, c.Facts), trace);

            var self = trace.Rules.SingleOrDefault(r => r.Rule == TargetGroupRules.SelfDeclaredTargetGroup);
            if (self is not null)
            {
                Assert.Contains(self.Because, new[] { "the person's own declaration applies", "the person's own declaration does not apply on the assessment date", "selfDeclaredTargetGroup was not given" });
            }
        }

        messages.AddRange(EligibilityRuleSet.Standard.All.SelectMany(r => r.Versions).SelectMany(v => new[] { v.Swedish, v.English }));
        messages.AddRange(output.ToString().Split('\n'));
        messages.Add(new SelfDeclaration(true, new LocalDate(2019, 1, 1)).ToString());

        // The program ids and names are the programs' own ("Romane Bucha"); they say nothing about a person.
        string WithoutProgramNames(string m) => ProgramCatalogue.BuiltIn.All.Aggregate(m, (t, p) => t.Replace(p.Id, "", StringComparison.Ordinal).Replace(p.Name, "", StringComparison.Ordinal));
        Assert.All(messages.Select(WithoutProgramNames), m => Assert.DoesNotContain(Forbidden, f => m.Contains(f, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void OnlyTheSelfDeclarationRule_ReadsTheSelfDeclaration()
    {
        Assert.Equal(
            [TargetGroupRules.SelfDeclaredTargetGroup],
            EligibilityRuleSet.Standard.All.Where(r => r.Reads.Contains(EligibilityFact.SelfDeclaredTargetGroup)).Select(r => r.Id));
    }

    [Fact]
    public void MalformedLines_NeverQuoteASelfDeclarationOrAnIdentityNumber()
    {
        string[] lines =
        [
            """{"person":"e","program":"vasteras-romane-droma","on":"2013-01-01","facts":{"selfDeclaredTargetGroup":{"declared":"rom","on":"2012-01-01"}}}""",
            """{"person":"e","program":"vasteras-romane-droma","on":"2013-01-01","facts":{"selfDeclaredTargetGroup":"romsk"}}""",
            """{"person":"e","program":"vasteras-romane-droma","on":"2013-01-01","facts":{"selfDeclaredTargetGroup":{"declared":true,"on":"2012-01-01","group":"romer"}}}""",
            """{"person":"811218-9876","program":"x","on":"2013-01-01","facts":{}}""",
            """{"person":"e","program":"811218-9876","on":"2013-01-01","facts":{}}""",
            """{"person":"e","program":"x","on":"2013-01-01","facts":{"municipality":"811218-9876"}}""",
        ];
        var output = new MemoryStream();
        using (var writer = new JsonEligibilityReportWriter(output))
        {
            new EligibilityScreening().Run(new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines))), writer);
        }

        string document = Encoding.UTF8.GetString(output.ToArray());
        Assert.DoesNotContain("9876", document);
        Assert.DoesNotContain("rom", document.Replace("from", "", StringComparison.Ordinal).Replace("vasteras-romane-droma", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
    }
}
