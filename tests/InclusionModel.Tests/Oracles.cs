using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace InclusionModel.Tests;

/// <summary>
/// Expectations worked out apart from the production code: month arithmetic by NodaTime's <see cref="Period"/>
/// (the contract's "calendar months that clamp to the month's end", §3), never by <c>PhaseDurations</c> or
/// <c>IsoDates</c>; and dates that sit where date arithmetic goes wrong.
/// </summary>
internal static class Oracles
{
    /// <summary><c>start + months</c> as the contract reads it, or <c>null</c> when it falls after 9999-12-31.</summary>
    internal static LocalDate? PlusMonths(LocalDate start, int months)
        => (start.Year * 12L) + start.Month - 1 + months >= 10000 * 12L ? null : start.Plus(Period.FromMonths(months));

    /// <summary>Days from <paramref name="from"/> to <paramref name="to"/>, by NodaTime's <see cref="Period"/>.</summary>
    internal static int Days(LocalDate from, LocalDate to) => Period.Between(from, to, PeriodUnits.Days).Days;

    /// <summary>
    /// Dates from 1990 to 2040 where month arithmetic bites, each with its kind for <c>Collect</c>: month ends
    /// (the 31st, the 30th of a short month), 29 February, 28 February of a common year, 30 and 31 January
    /// (a month later is February), and any day.
    /// </summary>
    internal static Gen<(LocalDate Date, string Kind)> EdgeDates
        => from kind in Gen.Choose(0, 6)
           from year in Gen.Choose(1990, 2040)
           from month in Gen.Choose(1, 12)
           from day in Gen.Choose(1, 28)
           select kind switch
           {
               0 => (new LocalDate(year, month, DateTime.DaysInMonth(year, month)), "month end"),
               1 => (new LocalDate(year - (year % 4), 2, 29), "29 February"), // every fourth year from 1988 to 2040 is a leap year
               2 => (new LocalDate(year % 4 == 0 ? year + 1 : year, 2, 28), "28 February, common year"),
               3 => (new LocalDate(year, 1, 30 + (day % 2)), "30 or 31 January"),
               4 => (new LocalDate(year, new[] { 3, 5, 8, 10 }[month % 4], 31), "31st before a 30-day month"),
               _ => (new LocalDate(year, month, day), "any day"),
           };
}
