namespace InclusionModel.IO;

/// <summary>
/// The input of a two-pass run was not the same in both passes: a file truncated, extended or rewritten
/// while it was read. No summary is given, because it would mix two files.
/// </summary>
public sealed class InputChangedException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="line">The first line (1-based) at or after which the passes read different bytes.</param>
    public InputChangedException(long line)
        : base(Texts.Format("input-changed", TextTable.Line(line)))
        => Line = line;

    /// <summary>The first line at or after which the two passes differ.</summary>
    public long Line { get; }
}
