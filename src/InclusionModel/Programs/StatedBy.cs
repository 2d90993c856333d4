namespace InclusionModel.Programs;

/// <summary>
/// A fact a source states: the value at <paramref name="Path"/> (and everything under it) is what the
/// source says in <paramref name="Says"/>, quoted word for word. Every fact of a built-in definition is
/// either stated (here) or a reading (<see cref="TakenAs"/>).
/// </summary>
/// <param name="Path">The JSON path of the value, for example <c>$.places</c> or <c>$.phases[1]</c>.</param>
/// <param name="Source">The file name of the source; one of the definition's <see cref="ProgramDefinition.Sources"/>.</param>
/// <param name="Says">The source's own words.</param>
public sealed record StatedBy(string Path, string Source, string Says);
