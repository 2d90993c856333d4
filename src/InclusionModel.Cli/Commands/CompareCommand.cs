using System.CommandLine;
using System.Text;
using InclusionModel.IO;
using InclusionModel.Privacy;
using InclusionModel.Programs;
using InclusionModel.RuleChanges;
using InclusionModel.Validation;

namespace InclusionModel.Cli;

/// <summary><c>inclusion compare</c> (docs/interchange-contract.md §7): what changes for whom before a rule changes.</summary>
internal sealed class CompareCommand(CliHost host, StreamWriter output) : CliCommand
{
    /// <inheritdoc/>
    internal override Command Build()
    {
        var input = RequiredArgument("file", Texts.Get("help.compare.file"));
        var candidate = ValueOption("--candidate", Texts.Get("help.compare.candidate"), required: true);
        var baseline = ValueOption("--baseline", Texts.Get("help.compare.baseline"));
        var definitions = DefinitionFilesOption();
        var people = FlagOption("--people", Texts.Get("help.compare.people"));
        var asOf = ValueOption("--as-of", Texts.Get("help.compare.as-of"));
        var format = ChoiceOption("--format", Texts.Get("help.compare.format"), "text", "text", "json", "xlsx");
        var command = new Command("compare", Texts.Get("help.compare"))
        {
            input, candidate, baseline, definitions, people, asOf, format,
        };
        SetCancellableAction(command, (parsed, cancellationToken) =>
        {
            RefuseWorkbookOnTerminal(parsed.GetValue(format), host);
            string path = parsed.GetValue(input)!;
            string candidateFile = parsed.GetValue(candidate)!;
            string? baselineFile = parsed.GetValue(baseline);
            string[] definitionFiles = parsed.GetValue(definitions) ?? [];
            RefuseStandardInputTwice([("file", path), ("--candidate", candidateFile), ("--baseline", baselineFile), .. definitionFiles.Select(d => ("--definition", (string?)d))]);
            var programs = LoadPrograms(definitionFiles, out var definitionFileOf);
            var changed = LoadDefinition(candidateFile, host);
            ProgramDefinition current;
            string? baselineLabel = baselineFile;
            if (baselineFile is not null)
            {
                current = LoadDefinition(baselineFile, host);
            }
            else if (programs.TryGet(changed.Id, out var known))
            {
                current = known;
                definitionFileOf.TryGetValue(changed.Id, out baselineLabel); // a --definition file replaced the built-in one: that file is the baseline
            }
            else
            {
                throw new CliException(Texts.Format("cli.candidate-unknown", changed.Id));
            }

            if (current.Id != changed.Id)
            {
                throw new CliException(Texts.Format("cli.two-programs", current.Id, changed.Id));
            }

            var impact = new RuleChangeImpact(current, changed, programs);
            using var stream = OpenInput(path, host);
            string chosen = parsed.GetValue(format)!;
            bool ofPeople = parsed.GetValue(people);
            host.Written!.What = Texts.Get("what.comparison");
            using var changes = chosen switch { "json" => new JsonChanges(), "xlsx" => new WorkbookChanges(), _ => (ChangeWriter)new TextChanges(changed) };
            long ofProgram, changedCount;
            if (ofPeople)
            {
                var decided = impact.ComparePeople(stream, changes.People, cancellationToken: cancellationToken);
                changes.WritePeople(output, host, decided, impact.Differences, baselineLabel, candidateFile);
                (ofProgram, changedCount) = (decided.OfProgram, decided.Changed);
            }
            else
            {
                var date = ParseAsOf(parsed.GetValue(asOf), host);
                var result = impact.CompareHistories(stream, date, changes.Histories, cancellationToken);
                changes.WriteHistories(output, host, result, current.Name, baselineLabel, candidateFile);
                (ofProgram, changedCount) = (result.OfProgram, result.Changed);
            }

            if (ofProgram == 0)
            {
                // Nothing was compared: said as validate says it of input without records, and never "nothing changed".
                output.Flush();
                host.Error.WriteLine($"inclusion: {Texts.Format(ofPeople ? "cli.compare-no-people" : "cli.compare-no-records", InputName(path), changed.Id)}");
                return Invalid;
            }

            return changedCount > 0 ? Invalid : Valid;
        });
        return command;
    }

    /// <summary>Standard input can be read once: a command that names it twice (<c>-</c> as the file and as <c>--candidate</c>, say) stops before reading either.</summary>
    private static void RefuseStandardInputTwice(IEnumerable<(string Option, string? Path)> inputs)
    {
        var named = inputs.Where(i => i.Path is "-" or "/dev/stdin" or "/dev/fd/0" or "/proc/self/fd/0").Select(i => i.Option).ToList();
        if (named.Count > 1)
        {
            throw new CliException(Texts.Format("cli.stdin-twice", string.Join(", ", named)));
        }
    }

    /// <summary>Keeps the changes, which arrive line by line, until the summary that comes before them is known.</summary>
    private abstract class ChangeWriter : IDisposable
    {
        protected Spool Kept { get; } = new();

        public abstract void Histories(VerdictChange change);

        public abstract void People(PersonChange change);

        public abstract void WriteHistories(StreamWriter output, CliHost host, RuleChangeResult result, string programName, string? baselineFile, string candidateFile);

        public abstract void WritePeople(StreamWriter output, CliHost host, PeopleChangeResult result, System.Collections.Immutable.ImmutableArray<DefinitionDifference> definition, string? baselineFile, string candidateFile);

        public virtual void Dispose() => Kept.Dispose();

        /// <summary>Rules of a verdict or decision said in a sentence (<paramref name="key"/>), each by name with its id: <c>; bryter enligt nuvarande definition mot Fasen längre än tillåtet (phase-max-duration)</c>.</summary>
        protected static string Rules(string key, System.Collections.Immutable.ImmutableArray<string> rules)
            => rules.IsEmpty ? "" : Texts.Format(key, string.Join(", ", rules.Select(r => DisplayNames.Name(DisplayNames.Rule, r) is var name && name != r ? Texts.Format("compare.rule", name, r) : r)));
    }

    /// <summary>The changes as text, the definition's fields by name in <paramref name="candidate"/> (the changed definition).</summary>
    private sealed class TextChanges(ProgramDefinition candidate) : ChangeWriter
    {
        public override void Histories(VerdictChange change)
        {
            string who = change.Participant is null ? "" : $" ({SafeText.ForText(change.Participant)})";
            Kept.Write(Encoding.UTF8.GetBytes(
                $"{Texts.Format("compare.line", TextTable.Line(change.Line), who)}{Texts.Get(change.Baseline.Valid ? "compare.valid" : "compare.invalid")} → {Texts.Get(change.Candidate.Valid ? "compare.valid" : "compare.invalid")}{Rules("compare.breaks-baseline", change.Baseline.Rules)}{Rules("compare.breaks-candidate", change.Candidate.Rules)}\n"));
        }

        public override void People(PersonChange change)
        {
            string who = change.Person is null ? "" : $" ({SafeText.ForText(change.Person)})";
            Kept.Write(Encoding.UTF8.GetBytes($"{Texts.Format("compare.line", TextTable.Line(change.Line), who)}{DisplayNames.Name(DisplayNames.Decision, change.Baseline.Decision)} → {DisplayNames.Name(DisplayNames.Decision, change.Candidate.Decision)}{RuleChanges(change)}\n"));
        }

        /// <summary>
        /// How each rule's result changed, in words (issue 24: "utfall" is where an exit leads, not a rule's result):
        /// <c>; kravet ”I arbetsför ålder” (working-age) är inte längre uppfyllt</c>.
        /// </summary>
        private static string RuleChanges(PersonChange change)
        {
            var before = change.Baseline.Traces.ToDictionary(t => t.Rule, StringComparer.Ordinal);
            var after = change.Candidate.Traces.ToDictionary(t => t.Rule, StringComparer.Ordinal);
            var said = new List<string>();
            foreach (string rule in change.Baseline.Rules.Union(change.Candidate.Rules))
            {
                before.TryGetValue(rule, out var a);
                after.TryGetValue(rule, out var b);
                string how = (a?.Result, b?.Result) switch
                {
                    (_, null) => "removed",
                    (null, var r) => "added." + Result(r.Value),
                    (var x, var y) => Result(x!.Value) + "." + Result(y!.Value),
                };
                string subject = Texts.Format((b ?? a)?.IsException == true ? "compare.rule.exception" : "compare.rule.required", DisplayNames.Name(DisplayNames.Rule, rule), rule);
                said.Add($"{subject} {Texts.Get("compare.rule." + how)}");
            }

            return said.Count == 0 ? "" : "; " + string.Join(", ", said);
        }

        private static string Result(InclusionModel.Eligibility.RuleResult result) => result switch
        {
            InclusionModel.Eligibility.RuleResult.Met => "met",
            InclusionModel.Eligibility.RuleResult.NotMet => "not-met",
            _ => "unknown",
        };

        public override void WriteHistories(StreamWriter output, CliHost host, RuleChangeResult result, string programName, string? baselineFile, string candidateFile)
        {
            if (result.SpecialCategoryData)
            {
                output.WriteLine(SpecialCategoryData.TextLine([result.Program]));
            }

            Head(output, programName, result.Program, result.Definition, baselineFile, candidateFile);
            if (result.OfProgram == 0)
            {
                output.WriteLine(Texts.Format("compare.summary-none", IsoDates.Format(result.AsOf), Lines(result.Read), result.Program));
                return;
            }

            output.WriteLine(Texts.Format("compare.summary", IsoDates.Format(result.AsOf), Lines(result.Read), result.OfProgram, Changed(result.Changed), Texts.Count(result.NowValid, "compare.now-valid-one", "compare.now-valid"), Texts.Count(result.NowInvalid, "compare.now-invalid-one", "compare.now-invalid")));
            Flush(output);
            string figuresAsOf = IsoDates.Format(result.BaselineReport.Period.To);
            if (result.Figures.IsEmpty)
            {
                output.WriteLine(Texts.Format("compare.no-figures", figuresAsOf));
                return;
            }

            output.WriteLine(Texts.Format("compare.figures", figuresAsOf));
            int width = result.Figures.Max(f => InclusionModel.Reports.ReportWriter.FigureLabel(f.Figure).Length);
            foreach (var f in result.Figures)
            {
                string before = f.Baseline is null ? Texts.Get("text.no-state") : InclusionModel.Reports.ReportWriter.FigureValueOf(f.Figure, f.Baseline, result.BaselineReport).Text;
                string after = f.Candidate is null ? Texts.Get("text.no-state") : InclusionModel.Reports.ReportWriter.FigureValueOf(f.Figure, f.Candidate, result.CandidateReport).Text;
                output.WriteLine($"  {InclusionModel.Reports.ReportWriter.FigureLabel(f.Figure).PadRight(width)}  {before} → {after}");
            }
        }

        public override void WritePeople(StreamWriter output, CliHost host, PeopleChangeResult result, System.Collections.Immutable.ImmutableArray<DefinitionDifference> definition, string? baselineFile, string candidateFile)
        {
            if (result.SpecialCategoryData)
            {
                output.WriteLine(SpecialCategoryData.AssessmentTextLine([result.Program]));
            }

            Head(output, result.ProgramName, result.Program, definition, baselineFile, candidateFile);
            if (result.OfProgram == 0)
            {
                output.WriteLine(Texts.Format("compare.people-none-read", Lines(result.Read), result.Program));
                return;
            }

            string decisions = result.Changed switch
            {
                0 => Texts.Get("compare.decisions-none"),
                1 => Texts.Get("compare.decisions-one"),
                _ => Texts.Format("compare.decisions", result.Changed),
            };
            output.WriteLine(Texts.Format("compare.people", Lines(result.Read), result.OfProgram, decisions));
            Flush(output);
        }

        /// <summary>
        /// A difference as it reads after "Ändringar i definitionen:": a capital only where a sentence begins, so
        /// "…: målgruppen, …; fasen ”Anställning” …" (the Swedish reader, issue 24). A name in quotes or an
        /// abbreviation keeps its capital.
        /// </summary>
        private static string MidSentence(string difference)
            => difference.Length > 1 && char.IsUpper(difference[0]) && char.IsLower(difference[1])
                ? char.ToLowerInvariant(difference[0]) + difference[1..]
                : difference;

        private void Head(StreamWriter output, string name, string id, System.Collections.Immutable.ImmutableArray<DefinitionDifference> definition, string? baselineFile, string candidateFile)
        {
            output.WriteLine(baselineFile is null
                ? Texts.Format("compare.head", SafeText.ForText(name), id, SafeText.ForText(candidateFile))
                : Texts.Format("compare.head-files", SafeText.ForText(name), id, SafeText.ForText(baselineFile), SafeText.ForText(candidateFile)));
            output.WriteLine(definition.IsEmpty ? Texts.Get("compare.no-diff") : Texts.Format("compare.diff", string.Join("; ", definition.Select(d => MidSentence(SafeText.ForText(d.ToString(candidate)))))));
        }

        private static string Lines(long n) => n == 1 ? Texts.Get("compare.one-line") : Texts.Format("compare.lines", n);

        private static string Changed(long n) => n == 0 ? Texts.Get("compare.nothing") : Texts.Count(n, "compare.changed-one", "compare.changed");

        private void Flush(StreamWriter output)
        {
            output.Flush();
            using var reader = new StreamReader(Kept.OpenRead(), Encoding.UTF8);
            while (reader.ReadLine() is { } line)
            {
                output.WriteLine(line);
            }
        }
    }

    /// <summary>The changes as a workbook: kept in an owner-only temporary file until the summary is known (<see cref="Workbooks.ComparisonWorkbook"/>).</summary>
    private sealed class WorkbookChanges : ChangeWriter
    {
        private readonly Workbooks.ComparisonWorkbook _workbook = new();

        public override void Histories(VerdictChange change) => _workbook.Histories(change);

        public override void People(PersonChange change) => _workbook.People(change);

        public override void WriteHistories(StreamWriter output, CliHost host, RuleChangeResult result, string programName, string? baselineFile, string candidateFile)
            => WriteWorkbook(output, host, stream => _workbook.WriteHistories(result, programName, stream));

        public override void WritePeople(StreamWriter output, CliHost host, PeopleChangeResult result, System.Collections.Immutable.ImmutableArray<DefinitionDifference> definition, string? baselineFile, string candidateFile)
            => WriteWorkbook(output, host, stream => _workbook.WritePeople(result, definition, stream));

        public override void Dispose()
        {
            _workbook.Dispose();
            base.Dispose();
        }
    }

    private sealed class JsonChanges : ChangeWriter
    {
        private readonly RuleChangeJsonWriter _writer = new();

        public override void Histories(VerdictChange change) => _writer.Histories(change);

        public override void People(PersonChange change) => _writer.People(change);

        public override void WriteHistories(StreamWriter output, CliHost host, RuleChangeResult result, string programName, string? baselineFile, string candidateFile)
        {
            output.Flush();
            _writer.WriteHistories(host.Output, result);
        }

        public override void WritePeople(StreamWriter output, CliHost host, PeopleChangeResult result, System.Collections.Immutable.ImmutableArray<DefinitionDifference> definition, string? baselineFile, string candidateFile)
        {
            output.Flush();
            _writer.WritePeople(host.Output, result, definition);
        }

        public override void Dispose()
        {
            _writer.Dispose();
            base.Dispose();
        }
    }

}
