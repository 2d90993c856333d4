namespace InclusionModel.Programs;

/// <summary>
/// A "taken as" reading: a vague statement of a source that the definition fixes so that rules can be
/// checked (docs/domain.md), marked as such in the data with the source it reads.
/// </summary>
/// <param name="Path">The JSON path of the value the reading fixes, for example <c>$.period.implementation.end</c>.</param>
/// <param name="Source">The file name of the source read; one of the definition's <see cref="ProgramDefinition.Sources"/>.</param>
/// <param name="Says">What the source says, in its own words where short, or <c>null</c>.</param>
/// <param name="Reading">How the definition reads it: a plain text, the same in every language (see <see cref="LocalizedReading"/>).</param>
public sealed record TakenAs(string Path, string Source, string? Says, string Reading)
{
    /// <summary>How the definition reads the source, in every language given; set a text per language with <c>with { LocalizedReading = … }</c>.</summary>
    public LocalizedText LocalizedReading { get; init; } = LocalizedText.Plain(Reading ?? "");

    /// <summary>How the definition reads the source, in <see cref="System.Globalization.CultureInfo.CurrentUICulture"/>.</summary>
    public string Reading
    {
        get => LocalizedReading.ToString();
        init => LocalizedReading = LocalizedText.Plain(value ?? "");
    }
}
