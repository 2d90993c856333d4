namespace InclusionModel.Programs;

/// <summary>A source text a definition's facts come from.</summary>
/// <param name="File">The source's file name (for the built-in catalogue, a file of the project's source texts).</param>
/// <param name="Title">The source's title, or <c>null</c>.</param>
public sealed record SourceReference(string File, string? Title = null);
