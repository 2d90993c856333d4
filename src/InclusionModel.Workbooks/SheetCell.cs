using NodaTime;

namespace InclusionModel.Workbooks;

/// <summary>A cell as the workbook writes it: text, a number (plain, or per cent), a date, or nothing.</summary>
internal readonly record struct SheetCell(SheetCellKind Kind, string Text = "", decimal Number = 0, LocalDate Date = default)
{
    internal static SheetCell Empty => new(SheetCellKind.Empty);

    internal static SheetCell Of(string text) => new(SheetCellKind.Text, text);

    internal static SheetCell Heading(string text) => new(SheetCellKind.Heading, text);

    internal static SheetCell Indented(string text) => new(SheetCellKind.Indented, text);

    internal static SheetCell Count(long count) => new(SheetCellKind.Number, Number: count);

    /// <summary>A count or a projection of one: the exact number, shown whole (<c>0</c>) as the text report shows it (361.7 as 362).</summary>
    internal static SheetCell Whole(decimal number) => new(SheetCellKind.Whole, Number: number);

    internal static SheetCell Share(decimal fraction) => new(SheetCellKind.Percent, Number: fraction);

    internal static SheetCell On(LocalDate date) => new(SheetCellKind.Date, Date: date);
}

/// <summary>How a <see cref="SheetCell"/> is written: each kind is one style of the workbook's style sheet.</summary>
internal enum SheetCellKind
{
    Empty,
    Text,
    Heading,
    Indented,
    Number,
    Whole,
    Percent,
    Date,
}
