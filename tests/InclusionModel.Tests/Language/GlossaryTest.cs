using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InclusionModel.Tests.Docs;

namespace InclusionModel.Tests.Language;

/// <summary>Issue 24: the Swedish texts follow the glossary of docs/domain.md ("Swedish words the texts avoid").</summary>
public sealed partial class GlossaryTest
{
    /// <summary>The first column of the glossary's table: the words no Swedish text may use.</summary>
    internal static IReadOnlyList<string> Avoided()
    {
        string doc = File.ReadAllText(EmbeddingSampleTest.RepositoryFile("docs/domain.md")).ReplaceLineEndings("\n");
        string section = doc[doc.IndexOf("### Swedish words the texts avoid", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", StringComparison.Ordinal)];
        return [.. section.Split('\n')
            .Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| avoid", StringComparison.Ordinal) && !l.StartsWith("| ---", StringComparison.Ordinal))
            .SelectMany(l => l.Split('|')[1].Split(','))
            .Select(w => w.Trim())
            .Where(w => w.Length > 0)];
    }

    /// <summary>What a reader types or a file holds, not Swedish prose: a quoted word ('program'), an option (--program), a JSON path ($.places).</summary>
    [GeneratedRegex(@"'[^']*'|--[a-z-]+|\$\.[\w.\[\]]+")]
    private static partial Regex Technical();

    /// <summary>The avoided words <paramref name="swedish"/> uses as words of its prose.</summary>
    internal static IEnumerable<string> AvoidedIn(string swedish, IReadOnlyList<string> words)
    {
        string prose = Technical().Replace(swedish, " ");
        return words.Where(w => Regex.IsMatch(prose, $@"(?<![\wåäöÅÄÖ-]){Regex.Escape(w)}(?![\wåäöÅÄÖ-])", RegexOptions.IgnoreCase));
    }

    [Fact]
    public void Glossary_NamesWordsToAvoid()
    {
        Assert.Contains("väntade", Avoided());
        Assert.Contains("programmet", Avoided()); // one term: projekt (docs/domain.md, "projekt, not program")
    }

    [Theory]
    [InlineData("ett program behöver ett namn", "program")]
    [InlineData("för programmet", "programmet")]
    [InlineData("ett programs målgrupp", "programs")]
    [InlineData("En programdefinitionsfil (JSON)", "programdefinitionsfil")]
    public void TheOtherTerm_IsFlagged(string swedish, string word)
        => Assert.Contains(word, AvoidedIn(swedish, Avoided()));

    [Theory]
    [InlineData("Inte i etableringsprogrammet")]
    [InlineData("--program anger projektet")]
    [InlineData("'program' måste vara ett projekt-id; se 'programs show'")]
    [InlineData("till ett annat datorprogram (|)")]
    public void ProgramWhereItIsAnotherThing_IsNotFlagged(string swedish)
        => Assert.Empty(AvoidedIn(swedish, Avoided()));

    [Fact]
    public void SwedishTexts_UseNoWordTheGlossaryAvoids()
    {
        var words = Avoided();
        var offending = AllTexts.Of()
            .SelectMany(t => AvoidedIn(t.Sv, words).Select(w => $"{t.Key}: {w}"))
            .ToArray();

        Assert.Equal([], offending);
    }

    /// <summary>Every Swedish text of a definition (an object with "sv"), outside the sources' own words (statedBy quotes stay word for word).</summary>
    private static IEnumerable<(string Where, string Sv)> SwedishOf(JsonNode? node, string where)
    {
        switch (node)
        {
            case JsonObject o when o["sv"] is JsonValue sv && sv.TryGetValue(out string? text):
                yield return (where, text);
                break;
            case JsonObject o:
                foreach (var (key, value) in o.Where(p => p.Key != "statedBy"))
                {
                    foreach (var t in SwedishOf(value, $"{where}.{key}"))
                    {
                        yield return t;
                    }
                }

                break;
            case JsonArray a:
                for (int i = 0; i < a.Count; i++)
                {
                    foreach (var t in SwedishOf(a[i], $"{where}[{i}]"))
                    {
                        yield return t;
                    }
                }

                break;
        }
    }

    [Fact]
    public void ProgramTexts_OfTheCatalogueAndTheSamples_UseNoWordTheGlossaryAvoids()
    {
        var words = Avoided();
        var files = Directory.GetFiles(EmbeddingSampleTest.RepositoryFile("src/InclusionModel/Catalogue"), "*.json")
            .Concat(Directory.GetFiles(EmbeddingSampleTest.RepositoryFile("samples/programs"), "*.json"))
            .Where(f => !f.EndsWith("-broken.json", StringComparison.Ordinal))
            .ToArray();
        var offending = files
            .SelectMany(f => SwedishOf(JsonNode.Parse(File.ReadAllText(f)), Path.GetFileName(f) + " $"))
            .SelectMany(t => AvoidedIn(t.Sv, words).Select(w => $"{t.Where}: {w}"))
            .ToArray();

        Assert.NotEmpty(files);
        Assert.Equal([], offending);
    }
}
