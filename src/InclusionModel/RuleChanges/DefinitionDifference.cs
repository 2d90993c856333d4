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
            : Texts.Format("field.from-to", words, Path, Value(Baseline, program), Value(Candidate, program));
    }

    /// <summary>
    /// A value a definition leaves out: a rule's parameter that has a default is that default, not unknown; a phase's
    /// limit (its least or most months, its study days a week) left out is no limit (issue 24), not unknown.
    /// </summary>
    private string Value(string? json, ProgramDefinition program)
        => json is null && DefaultOf(program) is { } standard ? Texts.Format("field.default", standard)
            : json is null && IsLimit(Path) ? Texts.Get("field.no-limit")
            : Value(json);

    /// <summary>Whether <paramref name="path"/> is a phase's limit, which a definition leaves out to set none: <c>internship.maxStudyDaysPerWeek</c>.</summary>
    private static bool IsLimit(string path)
        => path.EndsWith(".maxStudyDaysPerWeek", StringComparison.Ordinal) || path.EndsWith(".maximumMonths", StringComparison.Ordinal) || path.EndsWith(".minimumMonths", StringComparison.Ordinal);

    /// <summary>The default of the target-group rule parameter at <see cref="Path"/> (<c>targetGroup.required[1].maximumAge</c>), or <c>null</c>.</summary>
    private int? DefaultOf(ProgramDefinition program)
    {
        var match = System.Text.RegularExpressions.Regex.Match(Path, @"^targetGroup\.(required|exceptions)\[(\d+)\]\.(\w+)$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
        if (!match.Success || program.TargetGroup is not { } group
            || !int.TryParse(match.Groups[2].ValueSpan, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int index))
        {
            return null;
        }

        var rules = match.Groups[1].Value == "required" ? group.Required : group.Exceptions;
        string? rule = index < rules.Length ? rules[index].Rule : null;
        return (rule, match.Groups[3].Value) switch
        {
            (TargetGroupRules.WorkingAge, "minimumAge") => TargetGroupRules.DefaultMinimumAge,
            (TargetGroupRules.WorkingAge, "maximumAge") => TargetGroupRules.DefaultMaximumAge,
            (TargetGroupRules.ReceivesSocialAssistance, "months") => TargetGroupRules.DefaultAssistanceMonths,
            (TargetGroupRules.LongTermSocialAssistance, "months") => TargetGroupRules.DefaultLongTermMonths,
            (TargetGroupRules.LongTermSocialAssistance, "ofMonths") => TargetGroupRules.DefaultLongTermOfMonths,
            (TargetGroupRules.NewlyArrived, "withinMonths") => TargetGroupRules.DefaultNewlyArrivedWithinMonths,
            (TargetGroupRules.LongTermUnemployed, "months") => TargetGroupRules.DefaultUnemployedMonths,
            _ => null,
        };
    }

    private static string Value(string? json) => json switch
    {
        null => Texts.Get("programs.unknown"),
        "true" => Texts.Get("field.true"),
        "false" => Texts.Get("field.false"),
        _ => json,
    };
}
