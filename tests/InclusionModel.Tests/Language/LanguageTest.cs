using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InclusionModel.Histories;
using InclusionModel.Programs;
using InclusionModel.Testing;
using InclusionModel.Tests.Cli;
using InclusionModel.Tests.Docs;

namespace InclusionModel.Tests.Language;

/// <summary>Swedish and English (docs/interchange-contract.md §9, issue 14): the text table, the choice of language, and what never changes with it.</summary>
public sealed partial class LanguageTest : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("inclusion-language-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();

    [Fact]
    public void EveryText_HasBothLanguages_WithTheSamePlaceholders()
    {
        Assert.All(AllTexts.Of(), t =>
        {
            Assert.False(string.IsNullOrWhiteSpace(t.En), $"{t.Key}: no English");
            Assert.False(string.IsNullOrWhiteSpace(t.Sv), $"{t.Key}: no Swedish");
            Assert.Equal(
                Placeholder().Matches(t.En).Select(m => m.Value).Distinct().Order(),
                Placeholder().Matches(t.Sv).Select(m => m.Value).Distinct().Order());
        });
    }

    [Theory]
    [InlineData("src/InclusionModel", "library")]
    [InlineData("src/InclusionModel.Cli", "command")]
    [InlineData("src/InclusionModel.AspNetCore", "http")]
    public void EveryKeyAPackageNames_IsInItsOwnTable(string folder, string table)
    {
        // A package reaches no other's internals: a sentence it names by key must be in its own table.
        var own = AllTexts.Of().Where(t => t.Key.StartsWith(table + " ", StringComparison.Ordinal)).Select(t => t.Key[(table.Length + 1)..]).ToHashSet();
        var named = Directory.GetFiles(Docs.EmbeddingSampleTest.RepositoryFile(folder), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), @"Texts\.(?:Get|Format|Count|TryGet)\(""([^""]+)""\s*[,)]").Select(m => m.Groups[1].Value))
            .Distinct()
            .ToArray();

        Assert.NotEmpty(named);
        Assert.All(named, k => Assert.True(own.Contains(k), $"{k} is not in the {table} table"));
    }

    [Fact]
    public void ASentenceTwoPackagesBothSay_IsTheSameInBoth()
    {
        // Each package keeps its own table; where two say the same thing (a range of dates, a duration) they say it alike.
        var shared = AllTexts.Of()
            .Select(t => (Key: t.Key[(t.Key.IndexOf(' ', StringComparison.Ordinal) + 1)..], t.En, t.Sv))
            .GroupBy(t => t.Key)
            .Where(g => g.Count() > 1)
            .ToArray();

        Assert.NotEmpty(shared);
        Assert.All(shared, g => Assert.Single(g.Select(t => (t.En, t.Sv)).Distinct()));
    }

    [Fact]
    public void Numbers_InSwedishText_AreGroupedInThrees()
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("sv-SE");
            Assert.Equal("50\u00A0000\u00A0000", Texts.Number(50_000_000));
            Assert.Equal("1\u00A0008", Texts.Number(1_008)); // from 1 000 on (issue 24, r4-16)
            Assert.Equal("999", Texts.Number(999));
            CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
            Assert.Equal("50,000,000", Texts.Number(50_000_000)); // English groups with a comma (issue 24)
            Assert.Equal("1,008", Texts.Number(1_008));
            Assert.Equal("999", Texts.Number(999));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Theory]
    [InlineData(null, null, "19 records")]
    [InlineData("sv_SE.UTF-8", null, "19 rader")]
    [InlineData("sv_SE.UTF-8", "en", "19 records")]
    [InlineData("en_GB.UTF-8", "sv", "19 rader")]
    [InlineData("C.UTF-8", null, "19 records")]
    public void TheLanguage_FollowsTheLocale_UnlessLanguageIsGiven(string? locale, string? language, string summary)
    {
        string[] args = ["validate", EmbeddingSampleTest.RepositoryFile("samples/histories.ndjson"), "--as-of", "2015-06-01", .. language is null ? [] : new[] { "--language", language }];

        var outcome = CliRun.Run(args, locale: locale);

        Assert.StartsWith(summary, outcome.Output.TrimEnd().Split('\n')[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownLanguage_IsRefused()
    {
        var outcome = CliRun.Run(["validate", "-", "--language", "fi"], stdin: "");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("--language must be sv or en", outcome.Error);
    }

    [Fact]
    public void ErrorsAndHelp_AreInSwedish()
    {
        var error = CliRun.Run(["validate", Path.Combine(_dir, "nothing.ndjson"), "--language", "sv"]);
        var help = CliRun.Run(["validate", "--help", "--language", "sv"]);

        Assert.Equal($"inclusion: kan inte läsa '{Path.Combine(_dir, "nothing.ndjson")}': filen finns inte\n", error.Error.ReplaceLineEndings("\n"));
        Assert.Contains("Validera deltagarhistorik mot projektens livscykelregler.", help.Output);
        Assert.Contains("Avstämningsdagen, ÅÅÅÅ-MM-DD", help.Output);
        foreach (string english in new[] { "Usage:", "Options:", "Description:", "Show help", "[default:" })
        {
            Assert.DoesNotContain(english, help.Output, StringComparison.Ordinal); // System.CommandLine's own words too
        }

        var missing = CliRun.Run(["report", "x.ndjson", "--language", "sv"]);
        Assert.Equal("inclusion: --program måste anges (se 'inclusion --help')\n", missing.Error.ReplaceLineEndings("\n"));
    }

    /// <summary>Generated runs of every catalogue program with a share of broken and malformed lines.</summary>
    private static Gen<string> Runs =>
        from histories in HistoryGenerators.ValidHistory().ArrayOf().Select(h => h.Take(25).ToArray())
        from breaks in Gen.Choose(0, 3).ArrayOf(histories.Length)
        select string.Concat(histories.Select((g, i) => breaks[i] switch
        {
            0 when g.History.Events.Length > 2 => HistoryWriter.ToLine(HistoryMutations.MoveBeforePredecessor(g.History, 2, 3)),
            1 => HistoryWriter.ToLine(g.History)[..(HistoryWriter.ToLine(g.History).Length / 2)],
            _ => HistoryWriter.ToLine(g.History),
        } + "\n"));

    [Property(MaxTest = 40)]
    public Property JsonInSwedishAndEnglish_DifferOnlyInMessages_AndExitTheSame()
        => Prop.ForAll(Runs.ToArbitrary(), run =>
        {
            var english = CliRun.Run(["validate", "-", "--as-of", "2021-06-30", "--format", "json", "--language", "en"], stdin: run);
            var swedish = CliRun.Run(["validate", "-", "--as-of", "2021-06-30", "--format", "json", "--language", "sv"], stdin: run);
            string a = WithoutMessages(english.Output), b = WithoutMessages(swedish.Output);
            bool translated = !english.Output.Contains("\"message\"", StringComparison.Ordinal) || english.Output != swedish.Output; // the messages themselves are Swedish
            return (english.ExitCode == swedish.ExitCode && a == b && english.Output != "" && translated).Label($"{english.ExitCode}/{swedish.ExitCode}\n{a}\n{b}");
        });

    /// <summary>The document with every <c>message</c> and <c>error</c> string blanked: what programs read.</summary>
    private static string WithoutMessages(string json)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        void Blank(System.Text.Json.Nodes.JsonNode? n)
        {
            switch (n)
            {
                case System.Text.Json.Nodes.JsonObject o:
                    foreach (string key in o.Select(p => p.Key).ToArray())
                    {
                        if (key is "message" or "error")
                        {
                            o[key] = "";
                        }
                        else
                        {
                            Blank(o[key]);
                        }
                    }

                    break;
                case System.Text.Json.Nodes.JsonArray a:
                    foreach (var item in a)
                    {
                        Blank(item);
                    }

                    break;
            }
        }

        Blank(node);
        return node.ToJsonString();
    }
}
