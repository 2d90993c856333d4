using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace InclusionModel.Tests.Workbooks;

/// <summary>A cell read back from a workbook with DocumentFormat.OpenXml: its text or number, and its number format.</summary>
internal sealed record WorkbookCell(string Reference, bool IsNumber, string Text, decimal Number, uint NumberFormat);

/// <summary>Reads a workbook back: each sheet's name and its cells by reference (<c>B4</c>).</summary>
internal static class WorkbookCells
{
    internal static IReadOnlyList<(string Name, IReadOnlyDictionary<string, WorkbookCell> Cells)> Read(byte[] workbook)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(workbook), false);
        var part = document.WorkbookPart!;
        var formats = part.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().Select(f => f.NumberFormatId?.Value ?? 0).ToList();
        var sheets = new List<(string, IReadOnlyDictionary<string, WorkbookCell>)>();
        foreach (var sheet in part.Workbook.Sheets!.Elements<Sheet>())
        {
            var worksheet = ((WorksheetPart)part.GetPartById(sheet.Id!)).Worksheet;
            var cells = new Dictionary<string, WorkbookCell>(StringComparer.Ordinal);
            foreach (var cell in worksheet.Descendants<Cell>())
            {
                bool number = cell.DataType is null || cell.DataType.Value == CellValues.Number;
                string text = number ? cell.CellValue!.Text : cell.InnerText;
                cells[cell.CellReference!] = new WorkbookCell(cell.CellReference!, number, text, number ? decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : 0, formats[(int)(cell.StyleIndex?.Value ?? 0)]);
            }

            sheets.Add((sheet.Name!, cells));
        }

        return sheets;
    }

    /// <summary>The workbook as text, a line per row, cells by tabs: numbers as stored, per cent marked with <c>%</c>, dates with <c>date:</c>.</summary>
    internal static string Dump(byte[] workbook)
    {
        var text = new System.Text.StringBuilder();
        foreach (var (name, cells) in Read(workbook))
        {
            text.Append("== ").Append(name).Append('\n');
            foreach (var row in cells.Values.GroupBy(c => int.Parse(new string(c.Reference.SkipWhile(char.IsLetter).ToArray()), System.Globalization.CultureInfo.InvariantCulture)).OrderBy(g => g.Key))
            {
                text.Append(row.Key).Append(": ").Append(string.Join(" | ", row.OrderBy(c => c.Reference.Length).ThenBy(c => c.Reference, StringComparer.Ordinal).Select(Shown))).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Shown(WorkbookCell cell) => !cell.IsNumber ? cell.Text
        : cell.NumberFormat == 10 ? $"{cell.Text}%"
        : cell.NumberFormat == 164 ? $"date:{cell.Text}"
        : $"#{cell.Text}";
}
