using System.Text.RegularExpressions;

namespace InclusionModel.Tests.Docs;

/// <summary>The docs stand on their own: every relative link in docs/ and the README opens a file of the repository.</summary>
public partial class LinksTest
{
    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\b(?:FORMATS|DOMAIN)\.md\b")]
    private static partial Regex OutsideSpec();

    public static TheoryData<string> Pages()
    {
        string root = EmbeddingSampleTest.RepositoryFile("");
        var pages = new TheoryData<string> { "README.md", "CHANGELOG.md", "benchmarks/README.md" };
        foreach (string file in Directory.GetFiles(Path.Combine(root, "docs"), "*.md"))
        {
            pages.Add(Path.GetRelativePath(root, file).Replace('\\', '/'));
        }

        return pages;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void EveryRelativeLink_OpensAFileOfTheRepository(string page)
    {
        string root = EmbeddingSampleTest.RepositoryFile("");
        string path = Path.Combine(root, page);
        string text = File.ReadAllText(path);

        foreach (Match link in Link().Matches(text))
        {
            string target = link.Groups[1].Value;
            if (target.StartsWith("http://", StringComparison.Ordinal) || target.StartsWith("https://", StringComparison.Ordinal) || target.StartsWith('#') || target.StartsWith("mailto:", StringComparison.Ordinal))
            {
                continue;
            }

            string file = target.Split('#')[0];
            string resolved = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, file));
            Assert.True(File.Exists(resolved) || Directory.Exists(resolved), $"{page}: the link '{target}' opens nothing");
            Assert.StartsWith(Path.GetFullPath(root), resolved); // never outside the repository
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void NoPage_CitesASpecificationOutsideTheRepository(string page)
    {
        string text = File.ReadAllText(Path.Combine(EmbeddingSampleTest.RepositoryFile(""), page));
        if (page == "docs/interchange-contract.md")
        {
            // The contract is copied word for word, its domain document's name too; its header says where to read that.
            Assert.Contains("Where it names DOMAIN.md, its domain document, which is not part of the repository, read docs/domain.md", text);
            text = text.Replace("DOMAIN.md", "", StringComparison.Ordinal);
        }

        Assert.DoesNotMatch(OutsideSpec(), text.Replace("interchange-contract.md", "", StringComparison.Ordinal));
    }

    [Fact]
    [Needs(MachineNeed.Contract)]
    public void TheContractsCopy_IsTheContractWordForWord_UnderItsHeader()
    {
        // The copy that ships is the binding contract itself: its header line, a blank line, then every byte of it.
        string copy = File.ReadAllText(EmbeddingSampleTest.RepositoryFile("docs/interchange-contract.md")).ReplaceLineEndings("\n");
        string contract = File.ReadAllText(Machine.Contract!).ReplaceLineEndings("\n");
        string[] parts = copy.Split('\n', 3);
        Assert.StartsWith("<!--", parts[0], StringComparison.Ordinal);
        Assert.Equal("", parts[1]);
        Assert.Equal(contract, parts[2]);
    }
}
