namespace InclusionModel.Privacy;

/// <summary>
/// The marking every output about the people of a program whose participation reveals special-category
/// personal data carries (GDPR art. 9; <see cref="Programs.ProgramDefinition.SpecialCategoryData"/>): in
/// JSON <c>"specialCategoryData": true</c> at the top of the document, in text this first line.
/// </summary>
public static class SpecialCategoryData
{
    /// <summary>The JSON property that marks a document.</summary>
    public const string JsonProperty = "specialCategoryData";

    /// <summary>The first line of a text output about the people of <paramref name="programs"/>.</summary>
    /// <param name="programs">The marked programs the output is about.</param>
    /// <returns>The line, without a line end.</returns>
    public static string TextLine(IEnumerable<string> programs)
        => Texts.Format("special-category", string.Join(", ", Preconditions.CheckNotNull(programs).Select(SafeText.ForText)));
}
