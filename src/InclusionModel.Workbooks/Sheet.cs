namespace InclusionModel.Workbooks;

/// <summary>A sheet to write: its name, its column widths (in characters) and its rows.</summary>
internal sealed class Sheet(string name, params double[] widths)
{
    /// <summary>The most rows a sheet holds (Excel's and LibreOffice's limit).</summary>
    internal const int MaxRows = 1_048_576;

    internal string Name { get; } = name;

    internal IReadOnlyList<double> Widths { get; } = widths;

    internal List<SheetCell[]> Rows { get; } = [];

    internal void Add(params SheetCell[] cells) => Rows.Add(cells);

    /// <summary>The special-category notice (when it applies), the title, and an empty row: how every sheet begins.</summary>
    internal void Begin(string? notice, string title)
    {
        if (notice is not null)
        {
            Add(SheetCell.Heading(notice));
        }

        Add(SheetCell.Heading(title));
        Add();
    }
}
