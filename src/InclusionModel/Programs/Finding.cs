using NodaTime;

namespace InclusionModel.Programs;

/// <summary>
/// A result or a lesson of the program as a source reports it (not participant data): "of ten called to an
/// interview, half were hired", "the orientation course is a good start". Dated by the source where it
/// gives a date.
/// </summary>
/// <param name="On">The date the source gives for it (its publication, or the period it describes), or <c>null</c>.</param>
/// <param name="Text">The finding in the project's words: a plain text, the same in every language (see <see cref="LocalizedText"/>).</param>
/// <param name="Source">The file name of the source; one of the definition's <see cref="ProgramDefinition.Sources"/>.</param>
/// <param name="Says">The source's own words, quoted.</param>
public sealed record Finding(LocalDate? On, string Text, string Source, string Says)
{
    /// <summary>The finding in the project's words, in every language given; set a text per language with <c>with { LocalizedText = … }</c>.</summary>
    public LocalizedText LocalizedText { get; init; } = InclusionModel.LocalizedText.Plain(Text ?? "");

    /// <summary>The finding in the project's words, in <see cref="System.Globalization.CultureInfo.CurrentUICulture"/>.</summary>
    public string Text
    {
        get => LocalizedText.ToString();
        init => LocalizedText = InclusionModel.LocalizedText.Plain(value ?? "");
    }
}
