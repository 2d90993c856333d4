using InclusionModel.Privacy;

namespace InclusionModel.Programs;

/// <summary>
/// The marking every output about the people of a program whose participation reveals special-category
/// personal data carries (GDPR art. 9; <see cref="ProgramDefinition.SpecialCategoryData"/>): in
/// JSON <c>"specialCategoryData": true</c> at the top of the document, in text this first line.
/// </summary>
public static class SpecialCategoryData
{
    /// <summary>The JSON property that marks a document.</summary>
    public const string JsonProperty = "specialCategoryData";

    /// <summary>The first line of a text output about the people of <paramref name="programs"/>.</summary>
    /// <param name="programs">The marked programs the output is about.</param>
    /// <returns>The line, without a line end.</returns>
    public static string TextLine(IEnumerable<string> programs) => Texts.Format("special-category", Names(programs, "list.and"));

    /// <summary>
    /// The first line of a text output that assesses people against the target group of <paramref name="programs"/>
    /// (<c>eligibility</c>, <c>compare --people</c>): the people are assessed, not taking part, and an assessment for
    /// any one of the programs shows the person's own statement (issue 24).
    /// </summary>
    /// <param name="programs">The marked programs the output assesses people for.</param>
    /// <returns>The line, without a line end.</returns>
    public static string AssessmentTextLine(IEnumerable<string> programs) => Texts.Format("special-category.assessment", Names(programs, "list.or"));

    /// <summary>The programs by the names people know them by (a program of a definition file by its id): "Romane Bucha och Romane Droma".</summary>
    private static string Names(IEnumerable<string> programs, string conjunction)
    {
        var names = Preconditions.CheckNotNull(programs).Select(id => SafeText.ForText(ProgramCatalogue.BuiltIn.TryGet(id, out var p) ? p.Name : id)).ToList();
        return Texts.List(names, conjunction);
    }
}
