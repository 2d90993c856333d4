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
}
