using InclusionModel.Programs;

namespace InclusionModel.RuleChanges;

/// <summary>A field that differs between a baseline and a candidate definition: <c>places 30 → 40</c>.</summary>
/// <param name="Path">Where, in words a rule author reads: <c>places</c>, <c>employment.maximumMonths</c> (a phase by its id), <c>goals.places.target</c>.</param>
/// <param name="Baseline">The baseline's value as JSON, or <c>null</c> when the baseline does not state it.</param>
/// <param name="Candidate">The candidate's value as JSON, or <c>null</c> when the candidate does not state it.</param>
public sealed record DefinitionDifference(string Path, string? Baseline, string? Candidate)
{
    /// <summary>The difference in words: <c>places 30 → 40</c>; a long text (a description) as <c>description changed</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
        => (Baseline?.Length ?? 0) > 40 || (Candidate?.Length ?? 0) > 40
            ? Texts.Format("compare.field-changed", Path)
            : $"{Path} {Baseline ?? Texts.Get("programs.unknown")} → {Candidate ?? Texts.Get("programs.unknown")}";

    /// <summary>
    /// The difference in the words a program owner reads, the path in brackets (issue 24):
    /// <c>Fasen ”Anställning”, längsta tid i månader (employment.maximumMonths): 12 → 14</c>; a long text as
    /// <c>Beskrivningen (description) ändras</c>. Phases, goals and rules by their names in <paramref name="program"/>.
    /// </summary>
    /// <param name="program">The definition the path is read in (the candidate, as a rule author wrote it).</param>
    /// <returns>The text, in <see cref="System.Globalization.CultureInfo.CurrentUICulture"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="program"/> is null.</exception>
    public string ToString(ProgramDefinition program)
    {
        string words = DefinitionFields.Capitalised(DefinitionFields.Words(Preconditions.CheckNotNull(program), Path));
        if (words == Path)
        {
            return ToString();
        }

        return (Baseline?.Length ?? 0) > 40 || (Candidate?.Length ?? 0) > 40
            ? Texts.Format("field.changed", words, Path)
            : Texts.Format("field.from-to", words, Path, Value(Baseline), Value(Candidate));
    }

    private static string Value(string? json) => json switch
    {
        null => Texts.Get("programs.unknown"),
        "true" => Texts.Get("field.true"),
        "false" => Texts.Get("field.false"),
        _ => json,
    };
}
