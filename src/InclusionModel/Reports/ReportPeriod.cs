using NodaTime;

namespace InclusionModel.Reports;

/// <summary>The days a report covers, both ends included: a month, a half-year, a program's whole period, or any span.</summary>
public sealed record ReportPeriod
{
    private ReportPeriod(LocalDate from, LocalDate to, string kind)
    {
        From = from;
        To = to;
        Kind = kind;
    }

    /// <summary>The first day.</summary>
    public LocalDate From { get; }

    /// <summary>The last day.</summary>
    public LocalDate To { get; }

    /// <summary>What the period is: <c>month</c>, <c>half-year</c>, <c>final</c> or <c>period</c>.</summary>
    public string Kind { get; }

    /// <summary>A calendar month (the monthly summary).</summary>
    /// <param name="month">The month.</param>
    /// <returns>The period.</returns>
    public static ReportPeriod Month(YearMonth month) => new(month.OnDayOfMonth(1), month.OnDayOfMonth(month.Calendar.GetDaysInMonth(month.Year, month.Month)), "month");

    /// <summary>A calendar half-year (the half-year report): January–June or July–December.</summary>
    /// <param name="year">The year.</param>
    /// <param name="half">1 or 2.</param>
    /// <returns>The period.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="half"/> is not 1 or 2.</exception>
    public static ReportPeriod HalfYear(int year, int half)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(half, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(half, 2);
        return new(new LocalDate(year, half == 1 ? 1 : 7, 1), new LocalDate(year, half == 1 ? 6 : 12, half == 1 ? 30 : 31), "half-year");
    }

    /// <summary>
    /// Reads a month as the command's <c>--month</c> and the service's <c>month</c> give it: exactly <c>YYYY-MM</c>,
    /// a year from 0001 (the calendar has no year 0000) and a month 01–12. One reading for both, so they agree.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="period">The month's period, or <c>null</c>.</param>
    /// <returns>Whether <paramref name="text"/> is such a month.</returns>
    public static bool TryParseMonth(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ReportPeriod? period)
    {
        period = text is not null && Eligibility.EligibilityReader.TryParseMonth(text, out var month) ? Month(month) : null;
        return period is not null;
    }

    /// <summary>
    /// Reads a half-year as the command's <c>--half-year</c> and the service's <c>halfYear</c> give it: exactly
    /// <c>YYYY-H1</c> (January–June) or <c>YYYY-H2</c> (July–December), a year from 0001.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="period">The half-year's period, or <c>null</c>.</param>
    /// <returns>Whether <paramref name="text"/> is such a half-year.</returns>
    public static bool TryParseHalfYear(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ReportPeriod? period)
    {
        period = text is { Length: 7 } && text[4] == '-' && text[5] == 'H' && text[6] is '1' or '2'
                 && int.TryParse(text.AsSpan(0, 4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int year) && year > 0
            ? HalfYear(year, text[6] - '0')
            : null;
        return period is not null;
    }

    /// <summary>Any span, both ends included.</summary>
    /// <param name="from">The first day.</param>
    /// <param name="to">The last day.</param>
    /// <returns>The period.</returns>
    /// <exception cref="ArgumentException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    public static ReportPeriod Between(LocalDate from, LocalDate to)
    {
        Preconditions.CheckArgument(to >= from, nameof(to), $"The period ends ({IsoDates.Format(to)}) before it starts ({IsoDates.Format(from)}).");
        return new(from, to, "period");
    }

    /// <summary>The whole program, for the final report: from the start of planning (or implementation) to the end of closing (or implementation).</summary>
    /// <param name="program">The program.</param>
    /// <returns>The period.</returns>
    /// <exception cref="ArgumentException">The program's start or end is not stated.</exception>
    public static ReportPeriod Final(Programs.ProgramDefinition program)
    {
        Preconditions.CheckNotNull(program);
        var whole = program.Schedule.WholePeriod;
        Preconditions.CheckArgument(whole.Start is not null && whole.End is not null, nameof(program), $"The period of {program.Id} is not stated, so its final report has no period; report on a period given by its dates (ReportPeriod.Between).");
        return new(whole.Start!.Value, whole.End!.Value, "final");
    }

    /// <summary>Whether <paramref name="date"/> is in the period.</summary>
    /// <param name="date">A date.</param>
    /// <returns><c>true</c> when From ≤ date ≤ To.</returns>
    public bool Contains(LocalDate date) => date >= From && date <= To;

    /// <inheritdoc />
    public override string ToString() => Texts.Format("window", IsoDates.Format(From), IsoDates.Format(To));
}
