using System.Text.RegularExpressions;
using InclusionModel.Contract;
using InclusionModel.Tests.Cli;
using InclusionModel.Tests.Docs;

namespace InclusionModel.Tests.Language;

/// <summary>
/// Issue 24: every output a person reads, in Swedish, as a checked-in snapshot a Swedish reader has read
/// (Language/Snapshots/*.sv.txt), and checks that hold for all of them: no figure key or raw id outside
/// brackets or quotes, no English word, a count agrees with its noun, decimals with a comma. The JSON of
/// every command is byte-identical between the languages.
/// </summary>
/// <remarks>Set INCLUSION_UPDATE_SNAPSHOTS=1 to rewrite the snapshots; then read each one before committing it.</remarks>
public sealed partial class SwedishOutputTest : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("inclusion-sv-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Sample(string name) => EmbeddingSampleTest.RepositoryFile("samples/" + name);

    /// <summary>Each output by name: the command's arguments (without --language).</summary>
    public static TheoryData<string> Outputs => [.. Commands.Keys];

    private static readonly Dictionary<string, string[]> Commands = new()
    {
        ["report-month"] = ["report", Sample("motala-2020.ndjson"), "--program", "motala-utanforskap-till-sysselsattning", "--month", "2020-04"],
        ["report-final"] = ["report", Sample("all-in.ndjson"), "--program", "hallefors-all-in", "--final"],
        ["report-half-year"] = ["report", Sample("all-in.ndjson"), "--program", "hallefors-all-in", "--half-year", "2019-H1"],
        ["report-period"] = ["report", Sample("all-in.ndjson"), "--program", "hallefors-all-in", "--from", "2018-07-01", "--to", "2018-07-31"],
        ["programs"] = ["programs"],
        ["programs-show"] = ["programs", "show", "eskilstuna-romane-bucha"],
        ["programs-show-goals"] = ["programs", "show", "hallefors-all-in"],
        ["programs-show-methods"] = ["programs", "show", "motala-utanforskap-till-sysselsattning"],
        ["programs-show-roma-methods"] = ["programs", "show", "vasteras-romane-droma"],
        ["validate"] = ["validate", Sample("histories.ndjson"), "--as-of", "2015-06-01"],
        ["eligibility"] = ["eligibility", Sample("people.ndjson")],
        ["compare"] = ["compare", Sample("histories.ndjson"), "--candidate", Sample("programs/romane-bucha-employment-14.json"), "--as-of", "2015-06-01"],
        ["programs-check"] = ["programs", "check", Sample("programs/orebro-steget-broken.json")],
        ["help"] = ["--help"],
        ["help-report"] = ["report", "--help"],
        ["help-validate"] = ["validate", "--help"],
        ["help-compare"] = ["compare", "--help"],
        ["error-no-command"] = [],
        ["error-whole-number"] = ["report", "x.ndjson", "--program", "hallefors-all-in", "--final", "--publication", "--min-cell", "x"],
        ["error-required"] = ["report", "x.ndjson", "--final"],
        ["error-no-file"] = ["validate", "/no/such/file.ndjson"],
        ["error-no-program"] = ["programs", "show", "nope"],
        ["error-format"] = ["report", "x.ndjson", "--program", "hallefors-all-in", "--final", "--format", "xml"],
        ["compare-people"] = ["compare", Sample("people.ndjson"), "--people", "--candidate", Sample("programs/all-in-under-26.json")],
    };

    private static string Snapshot(string name) => EmbeddingSampleTest.RepositoryFile($"tests/InclusionModel.Tests/Language/Snapshots/{name}.sv.txt");

    private static string Swedish(string name)
    {
        var outcome = CliRun.Run([.. Commands[name], "--language", "sv"]);
        string root = Path.TrimEndingDirectorySeparator(EmbeddingSampleTest.RepositoryFile("")) + Path.DirectorySeparatorChar;
        return (outcome.Output + outcome.Error).Replace(root, "", StringComparison.Ordinal).ReplaceLineEndings("\n");
    }

    [Theory]
    [MemberData(nameof(Outputs))]
    public void SwedishOutput_IsTheReadSnapshot(string name)
    {
        string text = Swedish(name);
        if (Environment.GetEnvironmentVariable("INCLUSION_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(Snapshot(name), text);
        }

        Assert.Equal(File.ReadAllText(Snapshot(name)).ReplaceLineEndings("\n"), text);
    }

    [GeneratedRegex(@"\b(records|participants|entered|exited|jobInterviews|followUps|goals)\.[A-Za-z-]+")]
    private static partial Regex FigureKey();

    [GeneratedRegex(@"\([^()]*\)|'[^']*'|\[[^\]]*\]|--[a-z-]+")]
    private static partial Regex BracketedOrQuoted();

    /// <summary>Ids that are no Swedish word: shown raw, they are English to a Swedish reader.</summary>
    private static readonly string[] Ids =
    [
        "preparation", "employment", "exit-support", "coaching", "activities", "orientation-course", "individual-plan", "pathway",
        "enrolled", "exited", "paused", "referred", "waitlisted", "ineligible", "not-eligible", "undetermined", "eligible",
        "on-track", "at-risk", "missed", "women-share", "into-work", "exits-into-work", "job-seeking", "early-exit", "non-binary",
        "upper-secondary", "post-secondary", "resides-in-municipality", "working-age", "registered-job-seeker", "newly-arrived",
        "monthly-summary", "half-year-report", "final-report", "activity-leader", "project-leader", "bridge-builder",
        "long-term-unemployed", "phase-started", "followed-up",
        .. InclusionModel.Eligibility.EligibilityFactNames.All, // a fact outside brackets: "residencePermitDate uppgavs inte"
        .. Enum.GetValues<InclusionModel.Contract.ValidationRule>().Select(r => InclusionModel.Contract.ValidationRules.Id(r)), // the rules of a violation line
    ];

    /// <summary>English words that have no business in Swedish text.</summary>
    private static readonly string[] English =
    [
        "the", "and", "of", "is", "not", "was", "found", "must", "cannot", "changed", "stated", "expected", "required", "missing",
        "option", "argument", "could", "with", "from", "to", "by", "one", "true", "false", "file", "Usage", "Options", "Commands",
        "Description", "Arguments", "Show", "help", "version", "System", "empowerment",
    ];

    /// <summary>A JSON path or a definition's field path (<c>targetGroup.required[1].maximumAge</c>, <c>$.places</c>, <c>employment.maximumMonths</c>): for a definition's author, in brackets at most.</summary>
    [GeneratedRegex(@"\$\.\w|(?<![\w/.-])[a-z]+[A-Z]\w*(?:\[\d+\])?(?:\.\w+(?:\[\d+\])?)+|(?<![\w/.-])[a-z]\w*(?:\[\d+\])(?:\.\w+)*|(?<![\w/.-])[a-z][\w-]*\.[a-z]+[A-Z]\w*")]
    private static partial Regex DefinitionPath();

    [Theory]
    [MemberData(nameof(Outputs))]
    public void SwedishOutput_HasNoFigureKeyRawIdOrEnglishWord(string name)
    {
        // A program's own texts (description, purpose, target group, readings, findings) are Swedish too: the catalogue gives them in both languages.
        string text = Swedish(name);
        string outside = BracketedOrQuoted().Replace(text, " ");

        Assert.Empty(FigureKey().Matches(text).Select(m => m.Value));
        // A word inside a dotted path (employment.maximumMonths, a definition's field for its author) is technical.
        Assert.Equal([], Ids.Where(id => Regex.IsMatch(outside, $@"(?<![\w.-]){Regex.Escape(id)}(?![\w-]|\.\w|\[)")).ToArray());
        Assert.Equal([], English.Where(word => Regex.IsMatch(outside, $@"(?<![\w.-]){word}(?![\w-]|\.\w|\[)")).ToArray());
        if (name != "programs-check")
        {
            // programs check is for a definition's author: each problem is located by its path, as by its line
            Assert.Equal([], DefinitionPath().Matches(outside).Select(m => m.Value).ToArray());
        }

        // projekt, never program; "programs" is also the command's name, which help lists as it is typed
        var avoided = GlossaryTest.Avoided().Where(w => w != "programs").ToArray();
        Assert.Equal([], outside.Split('\n').SelectMany(l => GlossaryTest.AvoidedIn(l, avoided)).Distinct().ToArray());
    }

    [Theory]
    [InlineData("validate", "i Romane Bucha (eskilstuna-romane-bucha) är ogiltig")]
    [InlineData("eligibility", "rad 1: e-0001, bedömd för All in (hallefors-all-in) den 2019-03-01")]
    [InlineData("eligibility", "kravet ”I arbetsför ålder” (working-age) är inte uppfyllt: 19 år")]
    [InlineData("eligibility", "kan bedömas först när uppgift om datum för första uppehållstillståndet (residencePermitDate) finns")]
    [InlineData("compare-people", "målgruppen, kravet ”I arbetsför ålder”, högsta ålder (targetGroup.required[1].maximumAge): 64 (standardvärde) → 25")]
    [InlineData("compare", "fasen ”Anställning”, längsta tid i månader (employment.maximumMonths): 12 → 14")]
    [InlineData("programs-show-goals", "tolkning av målgruppen, kravet ”I arbetsför ålder” ($.targetGroup.required[1]): ")]
    [InlineData("programs-show", "metoder:          egenmakt (empowerment)")]
    [InlineData("programs-show-methods", "metoder:          täta kontakter med varje deltagare och stöd som utformas efter den enskildes behov; cv-skrivning, jobbsökning och intervjuträning; kurser, ")]
    [InlineData("report-period", "Periodrapport: All in (hallefors-all-in)")]
    public void SwedishOutput_NamesProgramsFieldsAndRulesInWords(string name, string expected)
        => Assert.Contains(expected, Swedish(name), StringComparison.Ordinal);

    /// <summary>Every catalogue program that states methods gives each in Swedish, and programs show in Swedish says them so, never in English.</summary>
    [Theory]
    [MemberData(nameof(ProgramsWithMethods))]
    public void SwedishProgramsShow_SaysEveryMethodInSwedish(string id)
    {
        var program = InclusionModel.Programs.ProgramCatalogue.BuiltIn.Get(id);
        var methods = program.LocalizedMethods!.Value;

        Assert.All(methods, m => Assert.False(m.IsPlain || m.Swedish is null || m.English is null, $"{id}: the method '{m.In("en") ?? m.PlainText}' is not in both languages"));
        string swedish = CliRun.Run(["programs", "show", id, "--language", "sv"]).Output;
        string english = CliRun.Run(["programs", "show", id, "--language", "en"]).Output;
        string Line(string text, string label) => text.Split('\n').Single(l => l.StartsWith(label, StringComparison.Ordinal));
        Assert.Equal("metoder:          " + string.Join("; ", methods.Select(m => m.Swedish)), Line(swedish, "metoder:"));
        Assert.Equal("methods:          " + string.Join("; ", methods.Select(m => m.English)), Line(english, "methods:"));
    }

    public static TheoryData<string> ProgramsWithMethods => [.. InclusionModel.Programs.ProgramCatalogue.BuiltIn.All.Where(p => p.LocalizedMethods is { Length: > 0 }).Select(p => p.Id)];

    [GeneratedRegex(@"(?<![\d,.\-−])1 (rader|poster|felformade|giltiga|ogiltiga|faser|månader|dagar|bedömningar|personer|ändrade|uppgifter|deltagarna)\b")]
    private static partial Regex OneWithPlural();

    [GeneratedRegex(@"(?<![\d,.\-])(0|[2-9]|\d{2,}) (rad|post|felformad|giltig|ogiltig|fas|månad|dag|bedömning|person|ändrad|uppgift)\b")]
    private static partial Regex ManyWithSingular();

    [GeneratedRegex(@"(?<![\w.])\d+\.\d+(?![\w.])")]
    private static partial Regex DecimalPoint();

    [Theory]
    [MemberData(nameof(Outputs))]
    public void SwedishOutput_AgreesWithItsCounts_AndWritesADecimalComma(string name)
    {
        string text = Swedish(name);

        Assert.Empty(OneWithPlural().Matches(text).Select(m => m.Value));
        Assert.Empty(ManyWithSingular().Matches(text).Select(m => m.Value));
        Assert.Empty(DecimalPoint().Matches(text).Select(m => m.Value));
    }

    [Theory]
    [MemberData(nameof(Outputs))]
    public void Json_IsTheSameBytes_InBothLanguages(string name)
    {
        if (name.StartsWith("help", StringComparison.Ordinal) || name.StartsWith("error", StringComparison.Ordinal) || name == "programs-check")
        {
            return; // no JSON (programs check's JSON holds its problems' messages, like validate's)
        }

        var english = CliRun.Run([.. Commands[name], "--format", "json", "--language", "en"]);
        var swedish = CliRun.Run([.. Commands[name], "--format", "json", "--language", "sv"]);

        Assert.Equal(english.ExitCode, swedish.ExitCode);
        Assert.NotEqual("", english.Output);
        if (Commands[name][0] is "validate" or "eligibility")
        {
            // Their sentences (message, because, error) are for people and follow the language; nothing else does.
            Assert.NotEqual(english.Output, swedish.Output);
            Assert.Equal(WithoutSentences(english.Output), WithoutSentences(swedish.Output));
        }
        else
        {
            Assert.Equal(english.Output, swedish.Output);
        }
    }

    [GeneratedRegex(@"""(message|because|error)"":""(?:[^""\\]|\\.)*""")]
    private static partial Regex Sentence();

    private static string WithoutSentences(string json) => Sentence().Replace(json, m => $"\"{m.Groups[1].Value}\":\"\"");
}
