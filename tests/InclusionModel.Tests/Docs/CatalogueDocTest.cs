using System.Globalization;
using System.Text;
using InclusionModel.Programs;

namespace InclusionModel.Tests.Docs;

/// <summary>
/// docs/catalogue.md ends with a part generated from the catalogue: a table of the programs, then each
/// program's facts, readings and diagrams. The test fails when the page drifts from the code; run the
/// tests with INCLUSION_UPDATE_DOCS=1 to write the generated part anew.
/// </summary>
public class CatalogueDocTest
{
    private const string Marker = "<!-- Generated from the catalogue below this line by CatalogueDocTest; run the tests with INCLUSION_UPDATE_DOCS=1 to refresh it. -->";

    [Fact]
    public void CatalogueDoc_MatchesTheCatalogue()
    {
        string path = EmbeddingSampleTest.RepositoryFile("docs/catalogue.md");
        string current = File.ReadAllText(path).ReplaceLineEndings("\n");
        int marker = current.IndexOf(Marker, StringComparison.Ordinal);
        Assert.True(marker >= 0, "docs/catalogue.md lost its generation marker");
        string expected = current[..(marker + Marker.Length)] + "\n" + Generate();

        if (Environment.GetEnvironmentVariable("INCLUSION_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.Equal(expected, current);
    }

    [Fact]
    public void CatalogueDoc_HasASectionAndBothDiagramsForEveryProgram()
    {
        string doc = File.ReadAllText(EmbeddingSampleTest.RepositoryFile("docs/catalogue.md"));

        Assert.All(ProgramCatalogue.BuiltIn.All, p =>
        {
            Assert.Contains($"## {p.Name} (`{p.Id}`)", doc);
            Assert.Contains(p.Lifecycle.ToMermaid().ReplaceLineEndings("\n").TrimEnd(), doc);
            Assert.Contains(p.Schedule.ToMermaid().ReplaceLineEndings("\n").TrimEnd(), doc);
        });
    }

    private static string Generate()
    {
        var text = new StringBuilder();
        text.Append("\n## The programs\n\n| id | name | owner | municipalities | enrolment window | places | target group (required; exceptions) | phases |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        foreach (var p in ProgramCatalogue.BuiltIn.All)
        {
            string group = p.TargetGroup is { } g
                ? string.Join(", ", g.Required.Select(r => $"`{r.Rule}`")) + (g.Exceptions.IsEmpty ? "" : "; " + string.Join(", ", g.Exceptions.Select(r => $"`{r.Rule}`")))
                : "not stated";
            text.Append($"| `{p.Id}` | {p.Name} | {p.Owner ?? "not stated"} | {List(p.Municipalities)} | {Window(p)} | {p.Places?.ToString(CultureInfo.InvariantCulture) ?? "not stated"} | {group} | {string.Join(" → ", p.Phases.Select(ph => ph.IsOptional ? $"(`{ph.Id}`)" : $"`{ph.Id}`"))} |\n");
        }

        foreach (var p in ProgramCatalogue.BuiltIn.All)
        {
            text.Append($"\n## {p.Name} (`{p.Id}`)\n\n");
            if (p.Description is not null)
            {
                text.Append(p.Description).Append("\n\n");
            }

            text.Append($"- Funders: {List(p.Funders)}. Budget: {p.Budget?.ToString() ?? "not stated"}. Partners: {List(p.Partners)}.\n");
            text.Append($"- Period: planning {Range(p.Period.Planning)}; implementation {Range(p.Period.Implementation)}; closing {Range(p.Period.Closing)}.\n");
            text.Append($"- Goals: {(p.Goals is { } goals ? string.Join("; ", goals.Select(Goal)) : "not stated")}.\n");
            text.Append($"- Reports: {(p.Reports is { } reports ? string.Join(", ", reports.Select(r => InclusionModel.Histories.ContractNames<ReportKind>.Name(r.Kind) + (r.EvaluatedBy is null ? "" : $" (evaluated by {r.EvaluatedBy})"))) : "not stated")}.\n");
            text.Append($"- Sources: {string.Join(", ", p.Sources.Select(s => $"`{s.File}`"))}.\n");
            foreach (var reading in p.TakenAs)
            {
                text.Append($"- Taken as (`{reading.Path}`, from `{reading.Source}`): {reading.Reading}.\n");
            }

            text.Append("\n| # | phase | optional | minimum | maximum | study days a week |\n| --- | --- | --- | --- | --- | --- |\n");
            for (int i = 0; i < p.Phases.Length; i++)
            {
                var ph = p.Phases[i];
                text.Append($"| {i + 1} | `{ph.Id}` | {(ph.IsOptional ? "yes" : "no")} | {Months(ph.MinimumMonths)} | {Months(ph.MaximumMonths)} | {ph.MaxStudyDaysPerWeek?.ToString(CultureInfo.InvariantCulture) ?? "not stated"} |\n");
            }

            text.Append("\nParticipant lifecycle:\n\n```mermaid\n").Append(p.Lifecycle.ToMermaid().ReplaceLineEndings("\n").TrimEnd()).Append("\n```\n");
            text.Append("\nThe program's own stages:\n\n```mermaid\n").Append(p.Schedule.ToMermaid().ReplaceLineEndings("\n").TrimEnd()).Append("\n```\n");
        }

        return text.ToString();
    }

    private static string Goal(Goal g)
        => g.Quantity is { } q && g.Target is { } t
            ? $"`{g.Id}`: {InclusionModel.Histories.ContractNames<GoalQuantity>.Name(q)} target {t.ToString(CultureInfo.InvariantCulture)}"
            : $"`{g.Id}`: {g.Description}";

    private static string Window(ProgramDefinition p) => p.EnrolmentWindow.IsBounded ? p.EnrolmentWindow.ToString() : "no limit stated";

    private static string Range(DateRange? r) => r is { } range ? range.ToString() : "not stated";

    private static string List(System.Collections.Immutable.ImmutableArray<string>? items) => items is { } list ? string.Join(", ", list) : "not stated";

    private static string Months(int? months) => months is { } m ? (m == 1 ? "1 month" : $"{m} months") : "not stated";
}
