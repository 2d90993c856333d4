using System.Text.RegularExpressions;
using InclusionModel.Tests.Docs;

namespace InclusionModel.Tests.Language;

/// <summary>Issue 24: the Swedish texts follow the glossary of docs/domain.md ("Swedish words the texts avoid").</summary>
public sealed class GlossaryTest
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

    [Fact]
    public void Glossary_NamesWordsToAvoid()
        => Assert.Contains("väntade", Avoided());

    [Fact]
    public void SwedishTexts_UseNoWordTheGlossaryAvoids()
    {
        var words = Avoided();
        var offending = Texts.All.Concat(InclusionModel.Workbooks.WorkbookTexts.All) // the workbook's own headings too
            .SelectMany(t => words.Where(w => Regex.IsMatch(t.Sv, $@"(?<![\wåäöÅÄÖ-]){Regex.Escape(w)}(?![\wåäöÅÄÖ-])", RegexOptions.IgnoreCase)).Select(w => $"{t.Key}: {w}"))
            .ToArray();

        Assert.Equal([], offending);
    }
}
