using System.Text;
using InclusionModel.Programs;

namespace InclusionModel.Tests.Docs;

/// <summary>
/// docs/lifecycle.md ends with a part generated from the catalogue: each program's phases and its
/// Stateless diagram. The test fails when the page drifts from the code; run the tests with
/// INCLUSION_UPDATE_DOCS=1 to write the generated part anew.
/// </summary>
public class LifecycleDocTest
{
    private const string Marker = "<!-- Generated from the catalogue below this line by LifecycleDocTest; run the tests with INCLUSION_UPDATE_DOCS=1 to refresh it. -->";

    [Fact]
    public void LifecycleDoc_MatchesTheCatalogue()
    {
        string path = EmbeddingSampleTest.RepositoryFile("docs/lifecycle.md");
        string current = File.ReadAllText(path).ReplaceLineEndings("\n");
        int marker = current.IndexOf(Marker, StringComparison.Ordinal);
        Assert.True(marker >= 0, "docs/lifecycle.md lost its generation marker");
        string expected = current[..(marker + Marker.Length)] + "\n" + Generate();

        if (Environment.GetEnvironmentVariable("INCLUSION_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.Equal(expected, current);
    }

    private static string Generate()
    {
        var text = new StringBuilder();
        foreach (var program in ProgramCatalogue.BuiltIn.All)
        {
            text.Append($"\n## {program.Name} (`{program.Id}`)\n\n");
            text.Append("| # | phase | optional | minimum | maximum | study days a week |\n| --- | --- | --- | --- | --- | --- |\n");
            for (int i = 0; i < program.Phases.Length; i++)
            {
                var p = program.Phases[i];
                text.Append($"| {i + 1} | `{p.Id}` | {(p.IsOptional ? "yes" : "no")} | {Months(p.MinimumMonths)} | {Months(p.MaximumMonths)} | {p.MaxStudyDaysPerWeek?.ToString() ?? "not stated"} |\n");
            }

            text.Append($"\nEnrolment window: {(program.EnrolmentWindow.IsBounded ? program.EnrolmentWindow.ToString() : "none stated")}. ");
            text.Append($"Places: {program.Places?.ToString() ?? "not stated"}.\n\n");
            text.Append("```mermaid\n").Append(program.Lifecycle.ToMermaid().ReplaceLineEndings("\n").TrimEnd()).Append("\n```\n");
        }

        return text.ToString();
    }

    private static string Months(int? months) => months is { } m ? (m == 1 ? "1 month" : $"{m} months") : "not stated";
}
