using InclusionModel.Privacy;

namespace InclusionModel.Validation;

/// <summary>
/// Writes a validation run as text for people (docs/interchange-contract.md §4): one line per invalid or
/// malformed record, in line order, then a summary line. Streams; holds nothing. Every value from the input
/// or a definition is printed through <see cref="SafeText.ForText"/>: identity numbers withheld, control
/// characters escaped, so that no value can forge a line or reach the terminal as a code.
/// </summary>
public sealed class TextValidationReportWriter : IValidationSink, IDisposable
{
    private readonly TextWriter _output;
    private readonly Programs.ProgramSet _programs;

    /// <summary>Creates a writer that names the built-in programs by name (<see cref="Programs.ProgramCatalogue.BuiltIn"/>).</summary>
    /// <param name="output">Where the lines go; not disposed by the writer.</param>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> is null.</exception>
    public TextValidationReportWriter(TextWriter output)
        : this(output, Programs.ProgramCatalogue.BuiltIn)
    {
    }

    /// <summary>Creates a writer that names each record's program by its name with its id, as <paramref name="programs"/> know it (<c>Romane Bucha (eskilstuna-romane-bucha)</c>); an unknown program by its id.</summary>
    /// <param name="output">Where the lines go; not disposed by the writer.</param>
    /// <param name="programs">The programs the run validates against.</param>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> or <paramref name="programs"/> is null.</exception>
    public TextValidationReportWriter(TextWriter output, Programs.ProgramSet programs)
    {
        _output = Preconditions.CheckNotNull(output);
        _programs = Preconditions.CheckNotNull(programs);
    }

    /// <inheritdoc />
    public void Record(long line, HistoryValidationResult result)
    {
        if (result.IsValid)
        {
            return;
        }

        _output.WriteLine(Texts.Format(
            "text.invalid",
            TextTable.Line(line),
            SafeText.ForText(result.Participant) ?? Texts.Get("text.withheld"),
            _programs.TryGet(result.Program, out var program) ? SafeText.ForText($"{program.Name} ({program.Id})") : PersonalIdentityNumbers.SafeToQuote(result.Program, 64),
            SafeText.ForText(result.FinalState.Name is { } state ? DisplayNames.StateWithId(state) : null) ?? Texts.Get("text.no-status"),
            string.Join(" | ", result.Violations.Select(v => SafeText.ForText(v.ToString())))));
    }

    /// <inheritdoc />
    public void Malformed(long line, string reason) => _output.WriteLine(Texts.Format("text.malformed", TextTable.Line(line), SafeText.ForText(reason)));

    /// <summary>Flushes what was written; the output itself stays open (it belongs to the caller), as with <see cref="JsonValidationReportWriter"/>.</summary>
    public void Dispose() => _output.Flush();

    /// <summary>Writes the special-category marking as the output's first line.</summary>
    /// <param name="programs">The marked programs among the run's records.</param>
    public void SpecialCategoryData(IReadOnlyList<string> programs) => _output.WriteLine(Programs.SpecialCategoryData.TextLine(programs));

    /// <inheritdoc />
    public void Complete(ValidationSummary summary)
    {
        Preconditions.CheckNotNull(summary);
        _output.WriteLine(summary.ToString());
        _output.Flush();
    }
}
