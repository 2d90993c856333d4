using InclusionModel.Tests.Cli;

namespace InclusionModel.Tests.Docs;

/// <summary>The check behind every page that shows a command's output: run it on the repository's sample files and find the block on the page.</summary>
internal static class DocCommand
{
    /// <summary>Runs <c>inclusion <paramref name="command"/></c> (its <c>samples/…</c> arguments taken from the repository's root) and asserts that <paramref name="doc"/> shows exactly what it printed.</summary>
    internal static void AssertShown(string doc, string command)
    {
        string root = EmbeddingSampleTest.RepositoryFile("");
        string[] args = [.. command.Split(' ').Select(a => a.StartsWith("samples/", StringComparison.Ordinal) ? Path.Combine(root, a) : a)];

        var outcome = CliRun.Run(args);

        // The command names the files as it was given them; the page gives them from the repository's root.
        string output = outcome.Output.Replace(Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);
        Assert.Contains($"```\n$ inclusion {command}\n{output}```", doc);
    }
}
