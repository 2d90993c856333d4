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
    public static string TextLine(IEnumerable<string> programs)
    {
        // The programs by the names people know them by (a program of a definition file by its id): "Romane Bucha och Romane Droma".
        var names = Preconditions.CheckNotNull(programs).Select(id => SafeText.ForText(ProgramCatalogue.BuiltIn.TryGet(id, out var p) ? p.Name : id)).ToList();
        string list = names.Count <= 1 ? string.Concat(names) : string.Join(", ", names.Take(names.Count - 1)) + Texts.Get("list.and") + names[^1];
        return Texts.Format("special-category", list);
    }
}
