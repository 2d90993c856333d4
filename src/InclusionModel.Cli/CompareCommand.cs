using System.CommandLine;
using System.Text;
using InclusionModel.Privacy;
using InclusionModel.Programs;
using InclusionModel.Validation;

namespace InclusionModel.Cli;

/// <summary><c>inclusion compare</c> (docs/interchange-contract.md §7): what changes for whom before a rule changes.</summary>
internal static partial class CliApp
{
    private static Command CompareCommand(CliHost host, StreamWriter output)
    {
        var input = new Argument<string>("file") { Description = Texts.Get("help.1") };
        var candidate = new Option<string>("--candidate") { Description = Texts.Get("help.2"), Required = true };
        var baseline = new Option<string>("--baseline") { Description = Texts.Get("help.3") };
        var definitions = DefinitionFilesOption();
        var people = new Option<bool>("--people") { Description = Texts.Get("help.4") };
        var asOf = new Option<string>("--as-of") { Description = Texts.Get("help.5") };
        var format = new Option<string>("--format") { Description = Texts.Get("help.6"), DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("compare", Texts.Get("help.7"))
        {
            input, candidate, baseline, definitions, people, asOf, format,
        };
        command.SetAction(parsed =>
        {
            var programs = LoadPrograms(parsed.GetValue(definitions) ?? []);
            string candidateFile = parsed.GetValue(candidate)!;
            var changed = LoadDefinition(candidateFile);
            string? baselineFile = parsed.GetValue(baseline);
            var current = baselineFile is null
                ? programs.TryGet(changed.Id, out var known) ? known : throw new CliException(Texts.Format("cli.candidate-unknown", changed.Id))
                : LoadDefinition(baselineFile);
            if (current.Id != changed.Id)
            {
                throw new CliException(Texts.Format("cli.two-programs", current.Id, changed.Id));
            }

            var impact = new RuleChangeImpact(current, changed, programs);
            string path = parsed.GetValue(input)!;
            using var stream = OpenInput(path, host);
            bool json = parsed.GetValue(format) == "json";
            ((CliOutput)host.Output).What = Texts.Get("what.comparison");
            using var changes = json ? (ChangeWriter)new JsonChanges() : new TextChanges();
            if (parsed.GetValue(people))
            {
                var decided = impact.ComparePeople(stream, changes.People);
                changes.WritePeople(output, host, decided, impact.Differences, baselineFile, candidateFile);
                return decided.Changed > 0 ? Invalid : Valid;
            }

            var date = ParseAsOf(parsed.GetValue(asOf), host);
            var result = impact.CompareHistories(stream, date, changes.Histories);
            changes.WriteHistories(output, host, result, current.Name, baselineFile, candidateFile);
            return result.Changed > 0 ? Invalid : Valid;
        });
        return command;
    }

    private static ProgramDefinition LoadDefinition(string file)
    {
        var result = ProgramDefinitionJson.Parse(ReadProgramFile(file));
        return result.Success
            ? result.Program!
            : throw new CliException(Texts.Format(result.Problems.Length == 1 ? "cli.file-invalid-one" : "cli.file-invalid", file, result.Problems.Length, string.Join("; ", result.Problems)));
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

        protected static string Rules(System.Collections.Immutable.ImmutableArray<string> rules) => rules.IsEmpty ? "" : $" ({string.Join(", ", rules)})";
    }

    private sealed class TextChanges : ChangeWriter
    {
        public override void Histories(VerdictChange change)
        {
            string who = change.Participant is null ? "" : $" ({SafeText.ForText(change.Participant)})";
            Kept.Write(Encoding.UTF8.GetBytes(
                $"{Texts.Format("compare.line", change.Line, who)}{Texts.Get(change.Baseline.Valid ? "compare.valid" : "compare.invalid")}{Rules(change.Baseline.Rules)} → {Texts.Get(change.Candidate.Valid ? "compare.valid" : "compare.invalid")}{Rules(change.Candidate.Rules)}\n"));
        }

        public override void People(PersonChange change)
        {
            string who = change.Person is null ? "" : $" ({SafeText.ForText(change.Person)})";
            Kept.Write(Encoding.UTF8.GetBytes($"{Texts.Format("compare.line", change.Line, who)}{DisplayNames.Name(DisplayNames.Decision, change.Baseline.Decision)}{Rules(change.Baseline.Rules)} → {DisplayNames.Name(DisplayNames.Decision, change.Candidate.Decision)}{Rules(change.Candidate.Rules)}\n"));
        }

        public override void WriteHistories(StreamWriter output, CliHost host, RuleChangeResult result, string programName, string? baselineFile, string candidateFile)
        {
            if (result.SpecialCategoryData)
            {
                output.WriteLine(SpecialCategoryData.TextLine([result.Program]));
            }

            Head(output, programName, result.Program, result.Definition, baselineFile, candidateFile);
            output.WriteLine(Texts.Format("compare.summary", IsoDates.Format(result.AsOf), Lines(result.Read), result.OfProgram, Changed(result.Changed), Texts.Count(result.NowValid, "compare.now-valid-one", "compare.now-valid"), Texts.Count(result.NowInvalid, "compare.now-invalid-one", "compare.now-invalid")));
            Flush(output);
            if (result.Figures.IsEmpty)
            {
                output.WriteLine(Texts.Get("compare.no-figures"));
                return;
            }

            output.WriteLine(Texts.Get("compare.figures"));
            int width = result.Figures.Max(f => InclusionModel.Reports.ReportWriter.FigureText(f.Figure).Length);
            foreach (var f in result.Figures)
            {
                string before = f.Baseline is null ? Texts.Get("text.no-state") : InclusionModel.Reports.ReportWriter.FigureValue(f.Figure, f.Baseline, result.BaselineReport);
                string after = f.Candidate is null ? Texts.Get("text.no-state") : InclusionModel.Reports.ReportWriter.FigureValue(f.Figure, f.Candidate, result.CandidateReport);
                output.WriteLine($"  {InclusionModel.Reports.ReportWriter.FigureText(f.Figure).PadRight(width)}  {before} → {after}");
            }
        }

        public override void WritePeople(StreamWriter output, CliHost host, PeopleChangeResult result, System.Collections.Immutable.ImmutableArray<DefinitionDifference> definition, string? baselineFile, string candidateFile)
        {
            if (result.SpecialCategoryData)
            {
                output.WriteLine(SpecialCategoryData.TextLine([result.Program]));
            }

            Head(output, result.ProgramName, result.Program, definition, baselineFile, candidateFile);
            output.WriteLine(Texts.Format(result.Changed == 1 ? "compare.people-one" : "compare.people", Lines(result.Read), result.OfProgram, result.Changed == 0 ? Texts.Get("compare.nothing") : Texts.Count(result.Changed, "compare.changed-one", "compare.changed")));
            Flush(output);
        }

        private static void Head(StreamWriter output, string name, string id, System.Collections.Immutable.ImmutableArray<DefinitionDifference> definition, string? baselineFile, string candidateFile)
        {
            output.WriteLine(Texts.Format("compare.head", SafeText.ForText(name), id, baselineFile is null ? Texts.Get("compare.built-in") : $"'{baselineFile}'", candidateFile));
            output.WriteLine(definition.IsEmpty ? Texts.Get("compare.no-diff") : Texts.Format("compare.diff", string.Join("; ", definition.Select(d => SafeText.ForText(d.ToString())))));
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
