namespace InclusionModel.Reports;

/// <summary>What a <see cref="ReportValue"/> holds, so that a writer can give it the right type (a workbook: a number, a per cent, a date, a text).</summary>
public enum ReportValueKind
{
    /// <summary>No value (a goal without a projection): shown as nothing.</summary>
    None,

    /// <summary>A count of people or lines: <see cref="ReportValue.Number"/> is a whole number.</summary>
    Count,

    /// <summary>A share, as a fraction from 0 to 1 in <see cref="ReportValue.Number"/> (shown as per cent).</summary>
    Share,

    /// <summary>A number that is not a count: a goal's target, actual value or projection of a count (one decimal at most).</summary>
    Number,

    /// <summary>A date, in <see cref="ReportValue.Date"/>.</summary>
    Date,

    /// <summary>Words: a goal's status as people read it.</summary>
    Text,

    /// <summary>A figure suppressed in publication mode: <see cref="ReportValue.Text"/> is the mark <c>..</c>.</summary>
    Masked,
}
