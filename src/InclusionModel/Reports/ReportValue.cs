using InclusionModel.Contract;
using NodaTime;

namespace InclusionModel.Reports;

/// <summary>
/// One value of a <see cref="ReportTable"/>: what it is (<see cref="Kind"/>), its number or date for a program
/// that wants the value itself (a spreadsheet), and its text as people read it in the current UI language
/// (<c>12 345</c>, <c>23,2 %</c>, <c>enligt plan</c> in Swedish).
/// </summary>
public readonly record struct ReportValue
{
    /// <summary>What the value is.</summary>
    public ReportValueKind Kind { get; init; }

    /// <summary>The number, for <see cref="ReportValueKind.Count"/>, <see cref="ReportValueKind.Share"/> (a fraction from 0 to 1) and <see cref="ReportValueKind.Number"/>; 0 otherwise.</summary>
    public decimal Number { get; init; }

    /// <summary>The date, for <see cref="ReportValueKind.Date"/>; the default date otherwise.</summary>
    public LocalDate Date { get; init; }

    /// <summary>The value as people read it in the language of <see cref="System.Globalization.CultureInfo.CurrentUICulture"/> when it was made (the mark <c>..</c> when masked, empty for none).</summary>
    public string Text { get; init; }

    /// <summary>The id behind a value in words (a goal status's contract name, <c>on-track</c>), or <c>null</c>.</summary>
    public string? Id { get; init; }

    internal static ReportValue None => new() { Kind = ReportValueKind.None, Text = "" };

    internal static ReportValue Masked => new() { Kind = ReportValueKind.Masked, Text = ReportMasking.Mark };

    internal static ReportValue Count(long count) => new() { Kind = ReportValueKind.Count, Number = count, Text = Texts.Number(count) };

    internal static ReportValue Of(GoalProgress goal, decimal value)
        => new() { Kind = goal.Quantity == Programs.GoalQuantity.WomenShare ? ReportValueKind.Share : ReportValueKind.Number, Number = value, Text = ReportWriter.GoalValue(goal, value) };

    internal static ReportValue Status(GoalProgress goal)
    {
        string id = Contract.ContractNames<GoalStatus>.Name(goal.Status);
        return new() { Kind = ReportValueKind.Text, Text = ReportWriter.StatusName(goal), Id = id };
    }

    internal static ReportValue On(LocalDate date) => new() { Kind = ReportValueKind.Date, Date = date, Text = IsoDates.Format(date) };
}
