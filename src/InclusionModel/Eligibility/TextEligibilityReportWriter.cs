using System.Text;
using InclusionModel.Contract;
using InclusionModel.Histories;
using InclusionModel.IO;
using InclusionModel.Privacy;
using InclusionModel.Programs;

namespace InclusionModel.Eligibility;

/// <summary>
/// Writes a screening run as text: one line per decision and per malformed line, then a summary line. The
/// lines are held in a spool (memory, then an owner-only, unlinked temporary file) until the run ends, so
/// that a run about a program whose participation reveals special-category data is marked on its first
/// line, which a single pass cannot know before the end. Dispose the writer to release the spool.
/// </summary>
public sealed class TextEligibilityReportWriter : IEligibilitySink, IDisposable
{
    private readonly TextWriter _target;
    private readonly Spool _spool = new();
    private readonly StreamWriter _output;
    private readonly Programs.ProgramSet _programs;
    private long _cannotAssess;

    /// <summary>Creates the writer; it names the built-in programs by name (<see cref="Programs.ProgramCatalogue.BuiltIn"/>).</summary>
    /// <param name="output">Where to write (when the run completes); not disposed by the writer.</param>
    public TextEligibilityReportWriter(TextWriter output)
        : this(output, Programs.ProgramCatalogue.BuiltIn)
    {
    }

    /// <summary>Creates the writer; it names each line's program by its name with its id, as <paramref name="programs"/> know it (<c>All in (hallefors-all-in)</c>), and its rules by the program's own names.</summary>
    /// <param name="output">Where to write (when the run completes); not disposed by the writer.</param>
    /// <param name="programs">The programs the screening assesses against.</param>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> or <paramref name="programs"/> is null.</exception>
    public TextEligibilityReportWriter(TextWriter output, Programs.ProgramSet programs)
    {
        _target = Preconditions.CheckNotNull(output);
        _programs = Preconditions.CheckNotNull(programs);
        _output = new StreamWriter(_spool, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _output.Dispose();
        _spool.Dispose();
    }

    /// <inheritdoc />
    public void Decision(long line, EligibilityRequest request, EligibilityTrace trace)
    {
        _programs.TryGet(trace.Program, out var program);
        // A rule in a sentence is quoted, as programs show quotes it: kravet ”Nyanländ” (newly-arrived)
        string Rule(string id) => DisplayNames.Quoted(program?.RuleName(id) ?? DisplayNames.Name(DisplayNames.Rule, id), id);
        var text = new StringBuilder(Texts.Format("elig.line", TextTable.Line(line), SafeText.ForText(request.Person), SafeText.ForText(program is null ? trace.Program : $"{program.Name} ({program.Id})"), IsoDates.Format(trace.On), DisplayNames.Name(DisplayNames.Decision, ContractNames<EligibilityDecision>.Name(trace.Decision))));
        if (trace.DecidedBy is { } exception)
        {
            text.Append(Texts.Format("elig.by-exception", SafeText.ForText(Rule(exception))));
        }

        var said = new HashSet<EligibilityFact>();
        if (trace.Decision != EligibilityDecision.Eligible)
        {
            string separator = ": ";
            foreach (var rule in trace.Rules.Where(r => r.Result != RuleResult.Met))
            {
                // A whole sentence per rule: "kravet ”I arbetsför ålder” (working-age) är inte uppfyllt: …"; a rule that
                // only waits for a fact says which: "kravet ”Nyanländ” (newly-arrived) kan bedömas först när … finns"
                string kind = rule.IsException ? "exception" : "rule";
                var missing = rule.Result == RuleResult.Unknown ? trace.MissingFacts.Where(f => EligibilityRule.MissingText(f) == rule.Because).Take(1).ToList() : [];
                text.Append(separator).Append(missing.Count == 1
                    ? Texts.Format($"elig.{kind}.needs", SafeText.ForText(Rule(rule.Rule)), DisplayNames.WithId(DisplayNames.Fact, EligibilityFactNames.Name(missing[0])))
                    : Texts.Format($"elig.{kind}.{ContractNames<RuleResult>.Name(rule.Result)}", SafeText.ForText(Rule(rule.Rule)), SafeText.ForText(rule.Because)));
                said.UnionWith(missing);
                separator = "; ";
            }
        }

        if (trace.MissingFacts.Where(f => !said.Contains(f)).ToList() is { Count: > 0 } unsaid)
        {
            text.Append(Texts.Format("elig.settled-by", string.Join(", ", unsaid.Select(f => DisplayNames.WithId(DisplayNames.Fact, EligibilityFactNames.Name(f))))));
        }

        _output.WriteLine(text.ToString());
    }

    /// <inheritdoc />
    public void Malformed(long line, string error) => _output.WriteLine(Texts.Format("text.malformed", TextTable.Line(line), Reason(error)));

    /// <inheritdoc />
    /// <remarks>Said as what it is, not as "malformed" (the line is well formed; its program cannot assess it), and counted apart in the summary line.</remarks>
    public void CannotAssess(long line, string error)
    {
        _cannotAssess++;
        _output.WriteLine(Texts.Format("text.cannot-assess", TextTable.Line(line), Reason(error)));
    }

    private static string Reason(string error) => SafeText.ForText(error[(error.IndexOf(": ", StringComparison.Ordinal) + 2)..]);

    /// <inheritdoc />
    public void Complete(EligibilitySummary summary)
    {
        Preconditions.CheckNotNull(summary);
        if (!summary.SpecialCategoryPrograms.IsEmpty)
        {
            _target.WriteLine(SpecialCategoryData.AssessmentTextLine(summary.SpecialCategoryPrograms));
        }

        _output.Flush();
        using (var held = new StreamReader(_spool.OpenRead(), Encoding.UTF8))
        {
            char[] buffer = new char[1 << 14];
            int read;
            while ((read = held.Read(buffer, 0, buffer.Length)) > 0)
            {
                _target.Write(buffer, 0, read);
            }
        }

        _target.WriteLine(Texts.Format(
            "elig.summary",
            summary.Records == 1 ? Texts.Get("text.record") : Texts.Format("text.records", summary.Records),
            summary.Eligible,
            summary.NotEligible,
            summary.Undetermined,
            _cannotAssess == 0
                ? Texts.Count(summary.Malformed, "count.malformed-one", "count.malformed")
                : Texts.Format("elig.malformed-and-cannot-assess", Texts.Count(summary.Malformed - _cannotAssess, "count.malformed-one", "count.malformed"), Texts.Count(_cannotAssess, "count.cannot-assess-one", "count.cannot-assess"))));
        _target.Flush();
    }
}
