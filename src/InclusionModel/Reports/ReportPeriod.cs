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
