using System.CommandLine;
using System.Text.Json;
using InclusionModel.Contract;
using InclusionModel.Histories;
using InclusionModel.Privacy;
using InclusionModel.Programs;

namespace InclusionModel.Cli;

/// <summary><c>inclusion programs</c>: list the catalogue, show one program, check a definition file.</summary>
internal sealed class ProgramsCommand(CliHost host, StreamWriter output) : CliCommand
{
    /// <inheritdoc/>
    internal override Command Build()
    {
        var programs = DefinitionFilesOption();
        var misspelt = MisspeltProgramOption();
        var format = FormatOption();
        var command = new Command("programs", Texts.Get("help.programs")) { programs, misspelt, format };
        command.SetAction(parsed =>
        {
            RefuseProgramOption(parsed, misspelt);
            var set = LoadPrograms(parsed.GetValue(programs) ?? []);
            if (parsed.GetValue(format) == "json")
            {
                output.Flush();
                ProgramDefinitionJson.WriteSummaries(output.BaseStream, set);
            }
            else
            {
                WriteList(output, set);
            }

            return Valid;
        });
        command.Add(ShowCommand(output));
        command.Add(CheckCommand(host, output));
        return command;
    }

    private static Option<string> FormatOption() => ChoiceOption("--format", Texts.Get("help.programs.format"), "text", "text", "json");

    private static Command ShowCommand(StreamWriter output)
    {
        var id = RequiredArgument("id", Texts.Get("help.programs.id"));
        var programs = DefinitionFilesOption();
        var format = FormatOption();
        var command = new Command("show", Texts.Get("help.programs.show")) { id, programs, format };
        command.SetAction(parsed =>
        {
            var set = LoadPrograms(parsed.GetValue(programs) ?? []);
            var program = RequireProgram(set, parsed.GetValue(id)!);

            if (parsed.GetValue(format) == "json")
            {
                output.Write(ProgramDefinitionJson.Serialize(program));
            }
            else
            {
                WriteProgram(output, program);
            }

            return Valid;
        });
        return command;
    }

    private static Command CheckCommand(CliHost host, StreamWriter output)
    {
        var file = RequiredArgument("file", Texts.Get("help.programs.file"));
        var format = FormatOption();
        var command = new Command("check", Texts.Get("help.programs.check")) { file, format };
        command.SetAction(parsed =>
        {
            string path = parsed.GetValue(file)!;
            var result = ProgramDefinitionJson.Parse(ReadDefinitionBytes(path, host));
            if (parsed.GetValue(format) == "json")
            {
                output.Flush();
                ProgramDefinitionJson.WriteCheck(output.BaseStream, path, result);
                output.BaseStream.WriteByte((byte)'\n');
            }
            else if (result.Program is { } program)
            {
                bool replaces = ProgramCatalogue.BuiltIn.TryGet(program.Id, out _);
                output.WriteLine(Texts.Format(program.Phases.Length == 1 ? "programs.valid-one" : "programs.valid", SafeText.ForText(path), program.Id, program.Phases.Length) + (replaces ? Texts.Get("programs.replaces") : ""));
            }
            else
            {
                foreach (var problem in result.Problems)
                {
                    // The path and the problem (which may quote a value of the file) escaped: no line can be forged.
                    output.WriteLine(SafeText.ForText($"{path}:{problem.Line}: {problem.Path}: {problem.Message}"));
                }

                output.WriteLine(Texts.Format(result.Problems.Length == 1 ? "programs.invalid-one" : "programs.invalid", SafeText.ForText(path), result.Problems.Length));
            }

            return result.Success ? Valid : Invalid;
        });
        return command;
    }


    private static void WriteList(StreamWriter output, ProgramSet set)
    {
        var rows = set.All.Select(p => new[]
        {
            p.Id,
            SafeText.ForText(p.Name),
            p.Places is { } places ? Texts.Number(places) : Texts.Get("programs.unknown"),
            p.EnrolmentWindow.IsBounded ? p.EnrolmentWindow.ToString() : Texts.Get("programs.unknown"), // unknown, not open-ended (docs/domain.md)
            string.Join(" → ", p.Phases.Select(ph => p.PhaseName(ph.Id) + (ph.IsOptional ? $" ({Texts.Get("programs.optional")})" : ""))),
        }).Prepend([Texts.Get("programs.column.id"), Texts.Get("programs.column.name"), Texts.Get("programs.column.places"), Texts.Get("programs.column.window"), Texts.Get("programs.column.phases")]).ToList();
        int[] widths = [.. Enumerable.Range(0, 5).Select(c => rows.Max(r => r[c].Length))];
        foreach (var row in rows)
        {
            output.WriteLine(string.Join("  ", row.Select((cell, c) => c == row.Length - 1 ? cell : cell.PadRight(widths[c]))).TrimEnd());
        }
    }

    private static void WriteProgram(StreamWriter o, ProgramDefinition p)
    {
        string Unknown = Texts.Get("programs.unknown");
        string List(IEnumerable<string>? items) => items is null ? Unknown : string.Join(", ", items);

        // A staff role as prose (issue 24): "två medarbetare per kommun (staff)", "tre coacher (coach)", "aktivitetsledare
        // (activity-leader)" when no count is stated; a role the table does not know keeps its id and a figure.
        static string Staff(StaffRole s)
        {
            string per = s.PerMunicipality ? Texts.Get("programs.per-municipality") : "";
            bool known = Texts.TryGet($"programs.role-one.{s.Role}", out string? one);
            string noun = s.Count is 1 or null ? (known ? one! : s.Role) : known ? Texts.Get($"programs.role-many.{s.Role}") : s.Role;
            string what = s.Count is { } n ? $"{Texts.NumberWord(n)} {noun}{per}" : noun + per;
            return known ? $"{what} ({s.Role})" : what;
        }
        string Range(DateRange? r) => r is { } range
            ? Texts.Format("window", range.Start is { } start ? IsoDates.Format(start) : Texts.Get("window.no-start"), range.End is { } end ? IsoDates.Format(end) : Texts.Get("window.no-end"))
            : Unknown; // an unstated end as the enrolment window says it: (start okänd)

        // "owner:" and the like, padded so that the values line up in either language.
        static string L(string key) => (Texts.Get($"programs.{key}") + ":").PadRight(17) + " ";

        // Every line holds text from a definition file: escaped, so that no value forges a line or sends
        // codes to the terminal, and with identity numbers withheld.
        void Line(string text) => o.WriteLine(SafeText.ForText(text));

        Line($"{p.Name} ({p.Id})");
        if (p.Description is not null)
        {
            Line(p.Description);
        }

        o.WriteLine();
        Line($"{L("owner")}{p.Owner ?? Unknown}");
        Line($"{L("partners")}{List(p.Partners)}");
        Line($"{L("municipalities")}{List(p.Municipalities)}");
        Line($"{L("funders")}{List(p.Funders)}");
        Line($"{L("budget")}{(p.Budget is { } b ? Texts.Swedish && b.Currency == "SEK" && decimal.IsInteger(b.Amount) ? $"{Texts.Number((long)b.Amount)} kr" : b.ToString() : Unknown)}");
        Line($"{L("purpose")}{p.Purpose ?? Unknown}");
        // A method in the reader's language; a plain one the table names (empowerment: egenmakt), else as the
        // definition writes it. Methods are phrases that may hold commas of their own, so a semicolon parts them.
        var methods = p.LocalizedMethods?.Select(m => m.PlainText is { } plain ? DisplayNames.WithId(DisplayNames.Method, plain) : m.ToString());
        Line($"{L("methods")}{(methods is null ? Unknown : string.Join("; ", methods))}");
        Line($"{L("staff")}{List(p.Staff?.Select(Staff))}");
        Line($"{L("planning")}{Range(p.Period.Planning)}");
        Line($"{L("implementation")}{Range(p.Period.Implementation)}");
        Line($"{L("closing")}{Range(p.Period.Closing)}");
        Line($"{L("window")}{(p.EnrolmentWindow.IsBounded ? p.EnrolmentWindow.ToString() : Unknown)}"); // unknown, not open-ended (docs/domain.md)
        Line($"{L("places")}{(p.Places is { } n ? Texts.Number(n) : Unknown)}");
        if (p.TargetGroup is { } group)
        {
            Line($"{L("target-group")}{group.Description ?? ""}".TrimEnd());
            foreach (var rule in group.Required)
            {
                Line($"  {Texts.Get("programs.required")}{Rule(rule, p)}");
            }

            foreach (var rule in group.Exceptions)
            {
                Line($"  {Texts.Get("programs.exception")}{Rule(rule, p)}");
            }
        }
        else
        {
            Line($"{L("target-group")}{Unknown}");
        }

        Line(Texts.Get("programs.phases") + ":");
        for (int i = 0; i < p.Phases.Length; i++)
        {
            var ph = p.Phases[i];
            var facts = new List<string>();
            if (ph.IsOptional) facts.Add(Texts.Get("programs.optional"));
            // An unstated end is not said as "?": "högst 2 månader", "minst 3 månader", "3–6 månader"
            if (ph.MinimumMonths is { } least && ph.MaximumMonths is { } most) facts.Add(Texts.Format("programs.months-range", least, most));
            else if (ph.MaximumMonths is { } atMost) facts.Add(Texts.Format("programs.months-at-most", atMost));
            else if (ph.MinimumMonths is { } atLeast) facts.Add(Texts.Format("programs.months-at-least", atLeast));
            if (ph.MaxStudyDaysPerWeek is { } days) facts.Add(Texts.Count(days, "programs.study-day", "programs.study-days"));
            Line($"  {i + 1}. {p.NameWithId(DisplayNames.Phase, ph.Id)}{(facts.Count > 0 ? $": {string.Join(", ", facts)}" : "")}");
        }

        Line(p.Goals is null ? $"{L("goals")}{Unknown}" : Texts.Get("programs.goals") + ":");
        foreach (var goal in p.Goals ?? [])
        {
            string target = goal.Quantity is { } q && goal.Target is { } t
                ? $"{DisplayNames.Name(DisplayNames.Quantity, ContractNames<GoalQuantity>.Name(q))}, {Texts.Get(goal.Bound == GoalBound.AtMost ? "programs.at-most" : "programs.target")} {(q == GoalQuantity.WomenShare ? Texts.Percent(t) : Texts.Decimal(t, 0))}"
                : Texts.Get("programs.in-words");
            Line($"  {p.NameWithId(DisplayNames.Goal, goal.Id)}: {target}{(goal.Description is null ? "" : $" – {goal.Description}")}");
        }

        Line($"{L("reports")}{List(p.Reports?.Select(r => DisplayNames.WithId(DisplayNames.Report, ContractNames<ReportKind>.Name(r.Kind)) + (r.Recipient is null ? "" : Texts.Format("programs.to", r.Recipient))))}");
        // The evaluator on a line of its own: after the reports' list it read as one more report (issue 24)
        foreach (string evaluator in (p.Reports ?? []).Select(r => r.EvaluatedBy).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            Line($"{L("evaluation")}{evaluator}");
        }
        if (p.StrategicGoals is { } strategic)
        {
            Line($"{L("strategic")}{string.Join(", ", strategic.Select(g => DisplayNames.WithId(DisplayNames.Strategic, g)))}");
        }

        Line($"{L("sources")}{(p.Sources.IsEmpty ? Texts.Get("programs.no-sources") : string.Join(", ", p.Sources.Select(s => s.Title ?? s.File)))}");
        foreach (var reading in p.TakenAs)
        {
            Line($"  {Texts.Format("programs.reading", p.FieldName(reading.Path), reading.Reading, reading.Source)}");
        }

        if (p.StatedBy.Length > 0)
        {
            Line("  " + Texts.Format("programs.stated", p.StatedBy.Length));
        }

        if (p.Schedule.LastEnrolmentRunsUntilAtLeast is { } until && until > p.Schedule.EnrolmentWindow.End)
        {
            Line($"{L("last-enrolment")}{Texts.Format("programs.last-enrolment-text", IsoDates.Format(until))}");
        }

        foreach (var finding in p.Findings)
        {
            Line($"{L("finding")}{(finding.On is { } on ? IsoDates.Format(on) + ": " : "")}{finding.Text}");
        }
    }

    private static string Rule(TargetGroupRule rule, ProgramDefinition program)
    {
        var parameters = new List<string>();
        if (rule.Rule == TargetGroupRules.ResidesInMunicipality)
        {
            parameters.Add(string.Join(", ", rule.Municipalities ?? program.Municipalities ?? []));
        }

        if (rule.MinimumAge is not null || rule.MaximumAge is not null) parameters.Add(Texts.Format("programs.ages", rule.MinimumAge ?? 20, rule.MaximumAge ?? 64));
        if (rule.Months is { } m) parameters.Add(rule.OfMonths is { } of ? Texts.Format("programs.months-of", m, of) : Texts.Count(m, "duration.month", "duration.months"));
        else if (rule.OfMonths is { } of) parameters.Add(Texts.Format("programs.months-of", 10, of));
        if (rule.WithinMonths is { } w) parameters.Add(Texts.Count(w, "programs.within-month", "programs.within-months"));
        string name = program.NameWithId(DisplayNames.Rule, rule.Rule);
        return parameters.Count == 0 ? name : $"{name}: {string.Join("; ", parameters)}";
    }
}
