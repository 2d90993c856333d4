using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace InclusionModel.Workbooks;

/// <summary>
/// Writes sheets as an Office Open XML workbook: each worksheet streamed with DocumentFormat.OpenXml's
/// <see cref="OpenXmlWriter"/> (so memory does not grow with its rows), the workbook and the style sheet as the
/// SDK's typed elements, and the package's parts straight into a ZIP in a fixed order with fixed times and ids,
/// so that the same sheets give the same bytes whatever stream they are written to.
/// </summary>
internal static class XlsxPackage
{
    /// <summary>The time every entry of the package carries: the earliest a ZIP file can say (no clock).</summary>
    private static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const string Declaration = "<?xml version=\"1.0\" encoding=\"utf-8\"?>";

    /// <summary>The style index of each kind of cell (<see cref="Styles"/> holds them in this order).</summary>
    private static uint StyleOf(SheetCellKind kind) => kind switch
    {
        SheetCellKind.Heading => 1,
        SheetCellKind.Percent => 2,
        SheetCellKind.Date => 3,
        SheetCellKind.Indented => 4,
        SheetCellKind.Whole => 5,
        _ => 0,
    };

    internal static void Write(IReadOnlyList<Sheet> sheets, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);

        // Written as to a stream that cannot seek, whatever the caller's: the entries' sizes follow their data
        // (ZIP data descriptors) in every case, so a file, a pipe and a buffer get the same bytes.
        using (var zip = new ZipArchive(new ForwardOnlyOutput(output), ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", Declaration
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
                + string.Concat(sheets.Select((_, i) => $"<Override PartName=\"/xl/worksheets/sheet{Number(i + 1)}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"))
                + "</Types>");
            Part(zip, "_rels/.rels", Declaration
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                + "</Relationships>");
            var list = new Sheets();
            for (int i = 0; i < sheets.Count; i++)
            {
                list.Append(new DocumentFormat.OpenXml.Spreadsheet.Sheet { Name = SheetName(sheets[i].Name), SheetId = (uint)(i + 1), Id = $"rId{Number(i + 1)}" });
            }

            Part(zip, "xl/workbook.xml", Declaration + new Workbook(list).OuterXml);
            Part(zip, "xl/_rels/workbook.xml.rels", Declaration
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + string.Concat(sheets.Select((_, i) => $"<Relationship Id=\"rId{Number(i + 1)}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet{Number(i + 1)}.xml\"/>"))
                + $"<Relationship Id=\"rId{Number(sheets.Count + 1)}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
                + "</Relationships>");
            Part(zip, "xl/styles.xml", Declaration + Styles().OuterXml);
            for (int i = 0; i < sheets.Count; i++)
            {
                using var part = Entry(zip, $"xl/worksheets/sheet{Number(i + 1)}.xml");
                WriteWorksheet(sheets[i], part);
            }
        }

        output.Flush();
    }

    private static Stream Entry(ZipArchive zip, string name)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = EntryTime;
        return entry.Open();
    }

    private static void Part(ZipArchive zip, string name, string xml)
    {
        using var part = Entry(zip, name);
        part.Write(Encoding.UTF8.GetBytes(xml));
    }

    /// <summary>A worksheet, row by row: the rows are enumerated once, here.</summary>
    private static void WriteWorksheet(Sheet sheet, Stream part)
    {
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartDocument();
        writer.WriteStartElement(new Worksheet());
        if (sheet.Widths.Count > 0)
        {
            var columns = new Columns();
            for (int c = 0; c < sheet.Widths.Count; c++)
            {
                columns.Append(new Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = sheet.Widths[c], CustomWidth = true });
            }

            writer.WriteElement(columns);
        }

        writer.WriteStartElement(new SheetData());
        uint r = 1;
        foreach (var cells in sheet.Rows)
        {
            var row = new Row { RowIndex = r };
            for (int c = 0; c < cells.Length; c++)
            {
                if (Cell(cells[c], $"{ColumnName(c)}{Number(r)}") is { } cell)
                {
                    row.Append(cell);
                }
            }

            writer.WriteElement(row);
            r++;
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.Close();
    }

    private static Cell? Cell(SheetCell value, string reference)
    {
        uint style = StyleOf(value.Kind);
        return value.Kind switch
        {
            SheetCellKind.Empty => null,
            SheetCellKind.Number or SheetCellKind.Whole or SheetCellKind.Percent => new Cell(new CellValue(value.Number.ToString(CultureInfo.InvariantCulture)))
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

    /// <summary>The style sheet: 0 plain, 1 bold (titles, headings), 2 per cent with two decimals, 3 ISO date, 4 indented, 5 whole number (<c>0</c>: a projection of a count shown as the text shows it).</summary>
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
            new CellFormat(new Alignment { Indent = 1 }) { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, ApplyAlignment = true },
            new CellFormat { NumberFormatId = 1, FontId = 0, FillId = 0, BorderId = 0, ApplyNumberFormat = true })
        { Count = 6 });

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

    /// <summary>A text as XML 1.0 can hold it: a control character (which a program's name could carry) or a lone surrogate becomes U+FFFD.</summary>
    internal static string XmlSafe(string text)
    {
        var safe = new StringBuilder(text.Length);
        bool changed = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                safe.Append(c).Append(text[++i]);
            }
            else if ((c < ' ' && c is not '\t' and not '\n' and not '\r') || c is '\uFFFE' or '\uFFFF' || char.IsSurrogate(c))
            {
                safe.Append('\uFFFD');
                changed = true;
            }
            else
            {
                safe.Append(c);
            }
        }

        return changed ? safe.ToString() : text;
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

    private static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>A date as a workbook stores it: days since 1899-12-30 (the 1900 date system), shown by style 3 as <c>yyyy-mm-dd</c>.</summary>
    private static long Serial(NodaTime.LocalDate date) => NodaTime.Period.Between(new NodaTime.LocalDate(1899, 12, 30), date, NodaTime.PeriodUnits.Days).Days;
}
