using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace InclusionModel.Workbooks;

/// <summary>
/// Writes sheets as an Office Open XML workbook with DocumentFormat.OpenXml, then stores the package again with
/// fixed entry times, so that the same sheets give the same bytes (no creation date, no clock).
/// </summary>
internal static class XlsxPackage
{
    /// <summary>The time every entry of the package carries: the earliest a ZIP file can say.</summary>
    private static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The style index of each kind of cell (<see cref="Styles"/> holds them in this order).</summary>
    private static uint StyleOf(SheetCellKind kind) => kind switch
    {
        SheetCellKind.Heading => 1,
        SheetCellKind.Percent => 2,
        SheetCellKind.Date => 3,
        SheetCellKind.Indented => 4,
        _ => 0,
    };

    internal static void Write(IReadOnlyList<Sheet> sheets, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var built = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(built, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddNewPart<WorkbookPart>("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "rIdWorkbook"); // a fixed id: the default is random
            var sheetList = new Sheets();
            workbookPart.Workbook = new Workbook(sheetList);
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>("rIdStyles");
            styles.Stylesheet = Styles();
            uint number = 1;
            foreach (var sheet in sheets)
            {
                string id = $"rIdSheet{number}";
                var part = workbookPart.AddNewPart<WorksheetPart>(id);
                part.Worksheet = Worksheet(sheet);
                sheetList.Append(new DocumentFormat.OpenXml.Spreadsheet.Sheet { Name = SheetName(sheet.Name), SheetId = number, Id = id });
                number++;
            }
        }

        built.Position = 0;
        Restore(built, output);
    }

    /// <summary>Copies the package entry by entry, in the same order, with fixed times: the bytes depend on the content alone.</summary>
    private static void Restore(Stream package, Stream output)
    {
        using var final = new MemoryStream();
        using (var source = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true))
        using (var target = new ZipArchive(final, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = EntryTime;
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        }

        final.Position = 0;
        final.CopyTo(output);
        output.Flush();
    }

    private static Worksheet Worksheet(Sheet sheet)
    {
        var columns = new Columns();
        for (int c = 0; c < sheet.Widths.Count; c++)
        {
            columns.Append(new Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = sheet.Widths[c], CustomWidth = true });
        }

        var data = new SheetData();
        uint r = 1;
        foreach (var cells in sheet.Rows)
        {
            var row = new Row { RowIndex = r };
            for (int c = 0; c < cells.Length; c++)
            {
                if (Cell(cells[c], $"{ColumnName(c)}{r.ToString(CultureInfo.InvariantCulture)}") is { } cell)
                {
                    row.Append(cell);
                }
            }

            data.Append(row);
            r++;
        }

        return sheet.Widths.Count > 0 ? new Worksheet(columns, data) : new Worksheet(data);
    }

    private static Cell? Cell(SheetCell value, string reference)
    {
        uint style = StyleOf(value.Kind);
        return value.Kind switch
        {
            SheetCellKind.Empty => null,
            SheetCellKind.Number or SheetCellKind.Percent => new Cell(new CellValue(value.Number.ToString(CultureInfo.InvariantCulture)))
            {
                CellReference = reference, DataType = CellValues.Number, StyleIndex = style,
            },
            SheetCellKind.Date => new Cell(new CellValue(Serial(value.Date).ToString(CultureInfo.InvariantCulture)))
            {
                CellReference = reference, DataType = CellValues.Number, StyleIndex = style,
            },
            _ => new Cell(new InlineString(new Text(XmlSafe(value.Text)) { Space = SpaceProcessingModeValues.Preserve }))
            {
                CellReference = reference, DataType = CellValues.InlineString, StyleIndex = style == 0 ? null : style,
            },
        };
    }

    /// <summary>The style sheet: 0 plain, 1 bold (titles, headings), 2 per cent with two decimals, 3 ISO date, 4 indented.</summary>
    private static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy\\-mm\\-dd" }) { Count = 1 },
        new Fonts(new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }), new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" })) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 },
            new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, ApplyFont = true },
            new CellFormat { NumberFormatId = 10, FontId = 0, FillId = 0, BorderId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 164, FontId = 0, FillId = 0, BorderId = 0, ApplyNumberFormat = true },
            new CellFormat(new Alignment { Indent = 1 }) { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, ApplyAlignment = true })
        { Count = 5 });

    /// <summary>A sheet's name as a workbook allows it: at most 31 characters, none of <c>[]:*?/\</c>.</summary>
    private static string SheetName(string name)
    {
        var safe = new StringBuilder(name.Length);
        foreach (char c in name)
        {
            safe.Append(c is '[' or ']' or ':' or '*' or '?' or '/' or '\\' ? '-' : c);
        }

        return XmlSafe(safe.Length > 31 ? safe.ToString(0, 31) : safe.ToString());
    }

    /// <summary>A text as XML 1.0 can hold it: a control character (which a program's name could carry) becomes U+FFFD.</summary>
    internal static string XmlSafe(string text)
    {
        if (!text.Any(c => (c < ' ' && c is not '\t' and not '\n' and not '\r') || c is '\uFFFE' or '\uFFFF' || char.IsSurrogate(c)))
        {
            return text;
        }

        var safe = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                safe.Append(c).Append(text[++i]);
            }
            else
            {
                safe.Append((c < ' ' && c is not '\t' and not '\n' and not '\r') || c is '\uFFFE' or '\uFFFF' || char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }

        return safe.ToString();
    }

    /// <summary>A column's letters: 0 is A, 25 Z, 26 AA.</summary>
    private static string ColumnName(int column)
    {
        string name = "";
        for (int n = column + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>A date as a workbook stores it: days since 1899-12-30 (the 1900 date system), shown by style 3 as <c>yyyy-mm-dd</c>.</summary>
    private static long Serial(NodaTime.LocalDate date) => NodaTime.Period.Between(new NodaTime.LocalDate(1899, 12, 30), date, NodaTime.PeriodUnits.Days).Days;
}
