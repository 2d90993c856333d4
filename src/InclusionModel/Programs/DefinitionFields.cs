using System.Globalization;
using System.Text.RegularExpressions;

namespace InclusionModel.Programs;

/// <summary>
/// A field of a program definition, named by its path, in the words a program owner reads (issue 24):
/// <c>targetGroup.required[1].maximumAge</c> is "målgruppen, kravet ”I arbetsför ålder”, högsta ålder", a
/// phase, goal, rule or staff role by its name. Takes a reading's JSON path (<c>$.period.planning</c>) and a
/// comparison's path (<c>employment.maximumMonths</c>, a phase by its id; <c>goals.places.target</c>, a goal by its id).
/// </summary>
internal static partial class DefinitionFields
{
    [GeneratedRegex(@"[^.\[\]]+|\[(\d+)\]")]
    private static partial Regex Step();

    /// <summary>The words for <paramref name="path"/> in <paramref name="program"/>, starting with a small letter; the path itself when it names nothing known.</summary>
    internal static string Words(ProgramDefinition program, string path)
    {
        string bare = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
        var steps = Step().Matches(bare).Select(m => m.Groups[1].Success ? (Name: (string?)null, Index: int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)) : (Name: m.Value, Index: -1)).ToList();
        var words = new List<string>();
        string? parent = null;
        for (int i = 0; i < steps.Count; i++)
        {
            var (name, index) = steps[i];
            string? next = i + 1 < steps.Count ? steps[i + 1].Name : null;
            int nextIndex = i + 1 < steps.Count ? steps[i + 1].Index : -1;
            switch (parent, name)
            {
                case (null, "phases") when nextIndex >= 0:
                    words.Add(Phase(program, nextIndex < program.Phases.Length ? program.Phases[nextIndex].Id : null));
                    i++;
                    parent = "phase";
                    continue;
                case (null, "goals") when nextIndex >= 0 || next is not null:
                    string? goalId = nextIndex >= 0 ? (program.Goals is { } goals && nextIndex < goals.Length ? goals[nextIndex].Id : null) : next;
                    words.Add(goalId is null ? Texts.Get("field.goals") : Texts.Format("field.goal", program.GoalName(goalId)));
                    i++;
                    parent = "goal";
                    continue;
                case (null, "staff") when nextIndex >= 0:
                    words.Add(program.Staff is { } staff && nextIndex < staff.Length
                        ? Texts.Format("field.role", DisplayNames.Name(DisplayNames.Role, staff[nextIndex].Role))
                        : Texts.Get("field.staff"));
                    i++;
                    parent = "role";
                    continue;
                case (null, "reports") when nextIndex >= 0:
                    words.Add(program.Reports is { } reports && nextIndex < reports.Length
                        ? Texts.Format("field.report", DisplayNames.Name(DisplayNames.Report, Contract.ContractNames<ReportKind>.Name(reports[nextIndex].Kind)))
                        : Texts.Get("field.reports"));
                    i++;
                    parent = "report";
                    continue;
                case ("targetGroup", "required" or "exceptions") when nextIndex >= 0:
                    var rules = name == "required" ? program.TargetGroup?.Required : program.TargetGroup?.Exceptions;
                    words.Add(rules is { } list && nextIndex < list.Length
                        ? Texts.Format(name == "required" ? "field.required" : "field.exception", program.RuleName(list[nextIndex].Rule))
                        : Texts.Get("field." + name));
                    i++;
                    parent = "rule";
                    continue;
                case ("period", "planning" or "implementation" or "closing"):
                    words.RemoveAt(words.Count - 1); // "the planning stage", not "the period, the planning stage"
                    words.Add(Texts.Get("field." + name));
                    parent = "stage";
                    continue;
                case (null, not null) when !Texts.TryGet("field." + name, out _) && program.IndexOfPhase(name) >= 0:
                    words.Add(Phase(program, name)); // a comparison names a phase by its id
                    parent = "phase";
                    continue;
                case (_, not null):
                    if (!Texts.TryGet("field." + name, out var word))
                    {
                        return path; // a field this table does not know: its path is all there is to say
                    }

                    words.Add(word);
                    parent = name;
                    continue;
                default:
                    words.Add(Texts.Format("field.item", index + 1));
                    continue;
            }
        }

        return string.Join(", ", words);
    }

    private static string Phase(ProgramDefinition program, string? id)
        => id is null ? Texts.Get("field.phases") : Texts.Format("field.phase", DisplayNames.Name(DisplayNames.Phase, id, program.OwnName(DisplayNames.Phase, id)));

    /// <summary>The words with a capital first letter, for the start of a line or a list item.</summary>
    internal static string Capitalised(string words) => words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
}
