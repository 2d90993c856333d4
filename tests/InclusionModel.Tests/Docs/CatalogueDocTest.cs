using System.Globalization;
using System.Text;
using InclusionModel.Contract;
using InclusionModel.Lifecycle;
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
    public void EveryCatalogueFact_HasASourceOrAReading()
    {
        Assert.All(ProgramCatalogue.BuiltIn.All, p =>
        {
            var covering = p.StatedBy.Select(q => q.Path).Concat(p.TakenAs.Select(t => t.Path)).ToArray();
            var bare = Facts(ProgramDefinitionJson.ToNode(p)).Where(f => !covering.Any(c => Covers(c, f))).ToArray();
            Assert.True(bare.Length == 0, $"{p.Id}: no source or reading for {string.Join(", ", bare)}");
        });
    }

    [Fact]
    public void Facts_OfADefinitionWithAnUnquotedValue_NameIt()
    {
        var p = ProgramDefinitionBuilder.From(ProgramCatalogue.BuiltIn.Get("eskilstuna-romane-bucha")).WithPlaces(40).Build();
        var covering = p.StatedBy.Select(q => q.Path).Concat(p.TakenAs.Select(t => t.Path)).ToArray();

        // The changed value lost its quote ("Projektet har totalt 30 platser"): the check names it.
        Assert.Equal(["$.places"], Facts(ProgramDefinitionJson.ToNode(p)).Where(f => !covering.Any(c => Covers(c, f))));
    }

    [Fact]
    [Needs(MachineNeed.SourceTexts)]
    public void EveryQuote_IsInItsSource_WordForWord()
    {
        // The source texts are not part of the repository (they name people); where they sit beside it, as in
        // this project's workspace and in CI, every quote of the catalogue is checked against them.
        string folder = Machine.SourceTexts!;

        Assert.All(ProgramCatalogue.BuiltIn.All, p =>
        {
            var quotes = p.StatedBy.Select(q => (q.Source, q.Says)).Concat(p.TakenAs.Where(t => t.Says is not null).Select(t => (t.Source, t.Says!)))
                .Concat(p.Findings.Select(f => (f.Source, f.Says)));
            foreach (var (source, says) in quotes)
            {
                Assert.True(File.ReadAllText(Path.Combine(folder, source)).Contains(says, StringComparison.Ordinal), $"{p.Id}: «{says}» is not in {source}");
            }
        });
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
            text.Append($"- Reports: {(p.Reports is { } reports ? string.Join(", ", reports.Select(r => InclusionModel.Contract.ContractNames<ReportKind>.Name(r.Kind) + (r.EvaluatedBy is null ? "" : $" (evaluated by {r.EvaluatedBy})"))) : "not stated")}.\n");
            text.Append($"- Sources: {string.Join(", ", p.Sources.Select(s => $"`{s.File}` ({s.Title})"))}.\n");
            if (p.Schedule.LastEnrolmentRunsUntilAtLeast is { } until && until > p.Schedule.EnrolmentWindow.End)
            {
                text.Append($"- Someone who enrols on the window's last day takes part until {IsoDates.Format(until)} at the earliest.\n");
            }

            text.Append("\nEvery fact, with the source that states it or the reading that fixes it:\n\n| fact | value | stated (source's words) or taken as (reading) |\n| --- | --- | --- |\n");
            var node = ProgramDefinitionJson.ToNode(p);
            foreach (var (path, kind, words) in p.StatedBy.Select(q => (q.Path, "stated", $"«{q.Says}» (`{q.Source}`)"))
                         .Concat(p.TakenAs.Select(t => (t.Path, "taken as", $"{t.Reading} — from «{t.Says}» (`{t.Source}`)")))
                         .OrderBy(e => FactOrder(node, e.Item1)))
            {
                JsonPaths.TryResolve(node, path, out var value);
                text.Append($"| `{path}` | {Cell(value?.ToJsonString(Compact) ?? "null")} | {kind}: {Cell(words)} |\n");
            }

            if (!p.Findings.IsEmpty)
            {
                text.Append("\nFindings (results and lessons the sources report; not participant data):\n\n");
                foreach (var f in p.Findings)
                {
                    text.Append($"- {(f.On is { } on ? IsoDates.Format(on) + ": " : "")}{f.Text} «{f.Says}» (`{f.Source}`)\n");
                }
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

    private static readonly System.Text.Json.JsonSerializerOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The paths the catalogue does not ask a source for: its own id and summary, and its privacy classification (docs/privacy.md).</summary>
    internal static readonly string[] NotFacts = ["$.id", "$.description", "$.specialCategoryData", "$.sources", "$.takenAs", "$.statedBy", "$.findings"];

    /// <summary>Every value of a definition that is stated (not null), as a JSON path to a leaf.</summary>
    internal static IEnumerable<string> Facts(System.Text.Json.Nodes.JsonNode? node, string path = "$")
    {
        switch (node)
        {
            case null:
                yield break;
            case System.Text.Json.Nodes.JsonObject o:
                foreach (var (name, value) in o)
                {
                    foreach (string leaf in Facts(value, $"{path}.{name}"))
                    {
                        yield return leaf;
                    }
                }

                break;
            case System.Text.Json.Nodes.JsonArray a:
                for (int i = 0; i < a.Count; i++)
                {
                    foreach (string leaf in Facts(a[i], $"{path}[{i}]"))
                    {
                        yield return leaf;
                    }
                }

                break;
            default:
                if (!NotFacts.Any(n => path == n || path.StartsWith(n + ".", StringComparison.Ordinal) || path.StartsWith(n + "[", StringComparison.Ordinal)))
                {
                    yield return path;
                }

                break;
        }
    }

    /// <summary>Whether a quote or reading at <paramref name="at"/> covers the fact at <paramref name="path"/> (the same value, or one inside it).</summary>
    internal static bool Covers(string at, string path)
        => path == at || path.StartsWith(at + ".", StringComparison.Ordinal) || path.StartsWith(at + "[", StringComparison.Ordinal);

    private static int FactOrder(System.Text.Json.Nodes.JsonNode node, string path)
    {
        int i = 0;
        foreach (string fact in Facts(node))
        {
            if (Covers(path, fact))
            {
                return i;
            }

            i++;
        }

        return int.MaxValue;
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");

    private static string Goal(Goal g)
        => g.Quantity is { } q && g.Target is { } t
            ? $"`{g.Id}`: {InclusionModel.Contract.ContractNames<GoalQuantity>.Name(q)} {(g.Bound == GoalBound.AtMost ? "at most" : "at least")} {t.ToString(CultureInfo.InvariantCulture)}"
            : $"`{g.Id}`: {g.Description}";

    private static string Window(ProgramDefinition p) => p.EnrolmentWindow.IsBounded ? p.EnrolmentWindow.ToString() : "no limit stated";

    private static string Range(DateRange? r) => r is { } range ? range.ToString() : "not stated";

    private static string List(System.Collections.Immutable.ImmutableArray<string>? items) => items is { } list ? string.Join(", ", list) : "not stated";

    private static string Months(int? months) => months is { } m ? (m == 1 ? "1 month" : $"{m} months") : "not stated";
}
