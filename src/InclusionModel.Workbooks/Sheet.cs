namespace InclusionModel.Workbooks;

/// <summary>A sheet to write: its name, its column widths (in characters), its first rows (held) and the rows after them (read once, as they are written).</summary>
internal sealed class Sheet(string name, params double[] widths)
{
    /// <summary>The most rows a sheet holds (Excel's and LibreOffice's limit).</summary>
    internal const int MaxRows = 1_048_576;

    private readonly List<SheetCell[]> _head = [];
    private IEnumerable<SheetCell[]> _body = [];

    internal string Name { get; } = name;

    internal IReadOnlyList<double> Widths { get; } = widths;

    /// <summary>The most rows this sheet writes: <see cref="MaxRows"/>, less in a test.</summary>
    internal int RowLimit { get; init; } = MaxRows;

    /// <summary>The rows, the held ones first: a body is enumerated once, while the sheet is written.</summary>
    internal IEnumerable<SheetCell[]> Rows => _head.Concat(_body);

    internal void Add(params SheetCell[] cells) => _head.Add(cells);

    /// <summary>
    /// Adds a row per item after the held rows, made as the sheet is written (memory does not grow with them), up to
    /// the sheet's last row; a last row then says how many more there were.
    /// </summary>
    internal void AddAll<T>(IEnumerable<T> items, Func<T, SheetCell[]> row) => _body = Limited(items, row, RowLimit - _head.Count, RowLimit);

    /// <summary>The special-category notice (when it applies), the title, and an empty row: how every sheet begins.</summary>
    internal void Begin(string? notice, string title, string? note = null)
    {
        if (notice is not null)
        {
            Add(SheetCell.Heading(notice));
        }

        Add(SheetCell.Heading(title));
        if (note is not null)
        {
            Add(SheetCell.Of(note));
        }

        Add();
    }

    private static IEnumerable<SheetCell[]> Limited<T>(IEnumerable<T> items, Func<T, SheetCell[]> row, int room, int limit)
    {
        long more = 0;
        foreach (var item in items)
        {
            if (room > 1)
            {
                room--;
                yield return row(item);
            }
            else
            {
                more++;
            }
        }

        if (more > 0)
        {
            yield return [SheetCell.Heading(WorkbookTexts.Format(more == 1 ? "too-many-one" : "too-many", more, limit))];
        }
    }
}
