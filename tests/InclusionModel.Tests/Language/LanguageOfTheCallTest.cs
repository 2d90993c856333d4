using System.Globalization;
using InclusionModel.Contract;
using InclusionModel.Eligibility;
using InclusionModel.Histories;
using InclusionModel.Programs;
using InclusionModel.Reports;
using InclusionModel.Runs;
using InclusionModel.Tests.Docs;
using InclusionModel.Validation;
using NodaTime;
using static InclusionModel.Tests.TestData;

namespace InclusionModel.Tests.Language;

/// <summary>
/// Every sentence is written in the language of the call (docs/interchange-contract.md §9), whatever language
/// an earlier call in the same process used: shared instances (the validators, the catalogue, a report already
/// built) must not keep the language of their first use. Each test uses both languages, in both orders.
/// </summary>
public class LanguageOfTheCallTest
{
    public static TheoryData<string, string> Orders() => new() { { "sv-SE", "en-GB" }, { "en-GB", "sv-SE" } };

    /// <summary>The expected sentence in <paramref name="culture"/>: Swedish for <c>sv-SE</c>, English otherwise.</summary>
    private static string In(string culture, string english, string swedish) => culture == "sv-SE" ? swedish : english;

    private static T InCulture<T>(string culture, Func<T> call)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(culture);
            return call();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private static ProgramDefinitionBuilder Nameless()
        => ProgramDefinition.Builder("orebro-steget", " ").WithPhases([]);

    /// <summary>
    /// Names with their ids are kept once built (issue 23: a violation line names its rule or phase every time): kept
    /// per language, so the second language asked never gets the first's; a name that only spells its id gives the id
    /// alone, whatever its case; an id without a name is the id.
    /// </summary>
    [Theory]
    [MemberData(nameof(Orders))]
    public void DisplayNamesWithId_AreTheLanguageOfEachCall_AfterTheOtherLanguageAsked(string first, string second)
    {
        foreach (string culture in new[] { first, second, first })
        {
            Assert.Equal(In(culture, "Phase longer than its maximum (phase-max-duration)", "Fasen längre än tillåtet (phase-max-duration)"),
                InCulture(culture, () => DisplayNames.WithId(DisplayNames.Rule, "phase-max-duration")));
            Assert.Equal(In(culture, "preparation", "Förberedelse (preparation)"),
                InCulture(culture, () => DisplayNames.WithId(DisplayNames.Phase, "preparation")));
            Assert.Equal(In(culture, "exit-support", "Stöd inför avslut (exit-support)"),
                InCulture(culture, () => DisplayNames.WithId(DisplayNames.Phase, "exit-support")));
            Assert.Equal("not-a-phase-anyone-named", InCulture(culture, () => DisplayNames.WithId(DisplayNames.Phase, "not-a-phase-anyone-named")));
        }

        Assert.Throws<ArgumentNullException>(() => DisplayNames.WithId(DisplayNames.Phase, null!));
        Assert.Throws<ArgumentNullException>(() => DisplayNames.WithId(null!, "preparation"));
    }

    [Theory]
    [MemberData(nameof(Orders))]
    public void SharedDefinitionValidator_InTwoLanguages_AnswersInEach(string first, string second)
    {
        foreach (string culture in new[] { first, second })
        {
            var problems = InCulture(culture, () => Nameless().TryBuild().Problems); // ProgramDefinitionValidator.Instance

            Assert.Contains(problems, p => p.Path == "$.name" && p.Message == In(culture, "a program needs a name", "ett projekt behöver ett namn"));
            Assert.Contains(problems, p => p.Path == "$.phases" && p.Message == In(culture, "a program needs at least one phase", "ett projekt behöver minst en fas"));
        }
    }

    [Theory]
    [MemberData(nameof(Orders))]
    public void DefinitionValidatorBuiltInOneLanguage_UsedInTheOther_AnswersInTheOther(string first, string second)
    {
        var validator = InCulture(first, () => new ProgramDefinitionValidator());
        var definition = new ProgramDefinition(Nameless()); // unchecked: the validator is what is tested

        var problems = InCulture(second, () => validator.Validate(definition).Errors);

        Assert.Contains(problems, p => p.PropertyName == "Name" && p.ErrorMessage == In(second, "a program needs a name", "ett projekt behöver ett namn"));
        Assert.Contains(problems, p => p.ErrorMessage == In(second, "a program needs at least one phase", "ett projekt behöver minst en fas"));
    }

    [Theory]
    [MemberData(nameof(Orders))]
    public void HistoryValidator_InTwoLanguages_AnswersInEach(string first, string second)
    {
        var validator = new HistoryValidator();
        var history = ParticipantHistory.Create("p-test", "no-such-program", [HistoryEvent.Referred(D("2020-01-02"), ReferralSource.SocialServices)]);
        var phaseTooLong = History("eskilstuna-romane-bucha", [.. BuchaUpToEmployment("2012-01-02")]);

        foreach (string culture in new[] { first, second })
        {
            var unknown = InCulture(culture, () => validator.Validate(history, D("2021-06-30")));
            var open = InCulture(culture, () => validator.Validate(phaseTooLong, D("2014-06-30")));

            Assert.Equal(In(culture, "'no-such-program' is not a known program", "'no-such-program' är inget känt projekt"), Assert.Single(unknown.Violations).Message);
            var tooLong = Assert.Single(open.Violations, v => v.Rule == ValidationRule.PhaseMaxDuration);
            Assert.Contains(In(culture, "; at most ", "; högst "), tooLong.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Orders))]
    public void EligibilityReasons_InTwoLanguages_AnswerInEach(string first, string second)
    {
        var evaluator = TargetGroupEvaluator.For(ProgramCatalogue.BuiltIn.Get("eskilstuna-jobbtrappan"));
        var facts = EligibilityFacts.None with { FarFromLabourMarket = true };

        foreach (string culture in new[] { first, second })
        {
            var trace = InCulture(culture, () => evaluator.Explain(facts, D("2013-01-15")));

            Assert.Contains(trace.Rules, r => r.Because == In(culture, "municipality was not given", "uppgift om folkbokföringskommun saknas (municipality)"));
        }
    }

    [Theory]
    [MemberData(nameof(Orders))]
    public void ReportText_InTwoLanguages_AnswersInEach(string first, string second)
    {
        using var input = File.OpenRead(EmbeddingSampleTest.RepositoryFile("samples/histories.ndjson"));
        var program = AllIn; // its goals have targets, so the text has a goal table
        var report = new NdjsonReport().Run(input, program, ReportPeriod.Between(D("2018-03-01"), D("2020-02-29")));

        foreach (string culture in new[] { first, second })
        {
            var text = new StringWriter();
            InCulture(culture, () =>
            {
                ReportWriter.WriteText(report, program.Name, text);
                return 0;
            });

            string header = text.ToString().Split('\n').Single(l => l.StartsWith(In(culture, "Goal ", "Mål "), StringComparison.Ordinal)); // capitalised headings (issue 24)
            Assert.Contains(In(culture, "Actual", "Utfall"), header, StringComparison.Ordinal);
        }
    }
}
