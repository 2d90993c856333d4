using System.Runtime.CompilerServices;
using NodaTime;
using NodaTime.Text;

namespace InclusionModel;

/// <summary>
/// The one place that formats and parses the contract's <c>YYYY-MM-DD</c> dates (docs/interchange-contract.md
/// §1): exactly ten characters, ISO calendar, years 0001–9999. The command, the HTTP service and an embedding
/// application read dates from people and programs with the same rule.
/// </summary>
public static class IsoDates
{

    /// <summary>Formats <c>YYYY-MM-DD</c>; years 0–9999 by hand (the traced eligibility path and messages format many dates), others by NodaTime's ISO pattern.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The date as <c>YYYY-MM-DD</c>.</returns>
    public static string Format(LocalDate date)
    {
        if (date.Year is < 0 or > 9999 || date.Calendar != CalendarSystem.Iso)
        {
            // NodaTime's pattern machinery loads only here: a field would load it with the first month length.
            return LocalDatePattern.Iso.Format(date);
        }

        return string.Create(10, (date.Year, date.Month, date.Day), static (span, d) =>
        {
            span[0] = (char)('0' + (d.Year / 1000));
            span[1] = (char)('0' + (d.Year / 100 % 10));
            span[2] = (char)('0' + (d.Year / 10 % 10));
            span[3] = (char)('0' + (d.Year % 10));
            span[4] = '-';
            span[5] = (char)('0' + (d.Month / 10));
            span[6] = (char)('0' + (d.Month % 10));
            span[7] = '-';
            span[8] = (char)('0' + (d.Day / 10));
            span[9] = (char)('0' + (d.Day % 10));
        });
    }

    /// <summary>
    /// The day number of an ISO date (days since 1970-01-01, proleptic Gregorian): dates compare and
    /// subtract as integers. Pure arithmetic, no allocation.
    /// </summary>
    internal static int DayNumber(LocalDate date) => DayNumber(date.Year, date.Month, date.Day);

    /// <summary>The day number of <paramref name="year"/>-<paramref name="month"/>-<paramref name="day"/> (H. Hinnant's days-from-civil).</summary>
    internal static int DayNumber(int year, int month, int day)
    {
        year -= month <= 2 ? 1 : 0;
        int era = (year >= 0 ? year : year - 399) / 400;
        int yearOfEra = year - (era * 400);
        int dayOfYear = ((153 * (month + (month > 2 ? -3 : 9))) + 2) / 5 + day - 1;
        int dayOfEra = (yearOfEra * 365) + (yearOfEra / 4) - (yearOfEra / 100) + dayOfYear;
        return (era * 146097) + dayOfEra - 719468;
    }

    /// <summary>The ISO date of a day number (<see cref="DayNumber(int, int, int)"/>'s inverse; H. Hinnant's civil-from-days).</summary>
    internal static LocalDate FromDayNumber(int dayNumber)
    {
        long z = dayNumber + 719468L;
        long era = (z >= 0 ? z : z - 146096) / 146097;
        long dayOfEra = z - (era * 146097);
        long yearOfEra = (dayOfEra - (dayOfEra / 1460) + (dayOfEra / 36524) - (dayOfEra / 146096)) / 365;
        long dayOfYear = dayOfEra - ((365 * yearOfEra) + (yearOfEra / 4) - (yearOfEra / 100));
        long mp = ((5 * dayOfYear) + 2) / 153;
        int day = (int)(dayOfYear - (((153 * mp) + 2) / 5) + 1);
        int month = (int)(mp < 10 ? mp + 3 : mp - 9);
        int year = (int)(yearOfEra + (era * 400) + (month <= 2 ? 1 : 0));
        return new LocalDate(year, month, day);
    }

    /// <summary>
    /// The day number of <paramref name="start"/> plus <paramref name="months"/> calendar months, clamped to
    /// the month's end (31 January + 1 month = 28 or 29 February), as docs/interchange-contract.md §3 counts durations.
    /// </summary>
    internal static int AddMonths(LocalDate start, int months)
    {
        long total = (start.Year * 12L) + (start.Month - 1) + months;
        int year = (int)Math.Min(total / 12, 1_000_000);
        int month = (int)(total % 12) + 1;
        int day = Math.Min(start.Day, month == 2 && IsLeapYear(year) ? 29 : DaysInMonth[month]);
        return DayNumber(year, month, day);
    }

    /// <summary>The number of days in a month of the ISO calendar.</summary>
    internal static int DaysIn(int year, int month) => month == 2 && IsLeapYear(year) ? 29 : DaysInMonth[month];

    /// <summary>
    /// Age in whole years on <paramref name="on"/> of a person born on <paramref name="birth"/>, as NodaTime
    /// counts it (<c>Period.Between(birth, on, PeriodUnits.Years)</c>): the birthday of someone born on
    /// 29 February is 28 February in a year that has no 29 February. No allocation.
    /// </summary>
    internal static int AgeInYears(LocalDate birth, LocalDate on)
    {
        int years = on.Year - birth.Year;
        int anniversaryDay = Math.Min(birth.Day, DaysIn(on.Year, birth.Month));
        if (on.Month < birth.Month || (on.Month == birth.Month && on.Day < anniversaryDay))
        {
            years--;
        }

        return years;
    }

    /// <summary>The months since year 0 of a date's month (<c>year * 12 + month - 1</c>), so that months compare and subtract as integers.</summary>
    internal static int MonthNumber(int year, int month) => (year * 12) + month - 1;

    private static bool IsLeapYear(int year) => year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);

    private static readonly int[] DaysInMonth = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

    /// <summary>Parses exactly <c>YYYY-MM-DD</c> with a real calendar date; no allocation on success.</summary>
    internal static bool TryParse(ReadOnlySpan<byte> utf8, out LocalDate date) => TryParse(utf8, out date, out _);

    /// <summary>Parses exactly <c>YYYY-MM-DD</c> with a real calendar date, and gives its <see cref="DayNumber(int, int, int)"/> as well.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool TryParse(ReadOnlySpan<byte> utf8, out LocalDate date, out int dayNumber)
    {
        date = default;
        dayNumber = 0;
        if (utf8.Length != 10 || utf8[4] != (byte)'-' || utf8[7] != (byte)'-')
        {
            return false;
        }

        // Each byte minus '0' must be a digit 0-9: as unsigned, one comparison per byte.
        uint y0 = (uint)(utf8[0] - '0'), y1 = (uint)(utf8[1] - '0'), y2 = (uint)(utf8[2] - '0'), y3 = (uint)(utf8[3] - '0');
        uint m0 = (uint)(utf8[5] - '0'), m1 = (uint)(utf8[6] - '0'), d0 = (uint)(utf8[8] - '0'), d1 = (uint)(utf8[9] - '0');
        if (y0 > 9 || y1 > 9 || y2 > 9 || y3 > 9 || m0 > 9 || m1 > 9 || d0 > 9 || d1 > 9)
        {
            return false;
        }

        int year = (int)((y0 * 1000) + (y1 * 100) + (y2 * 10) + y3);
        int month = (int)((m0 * 10) + m1);
        int day = (int)((d0 * 10) + d1);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DaysIn(year, month))
        {
            return false;
        }

        date = new LocalDate(year, month, day);
        dayNumber = DayNumber(year, month, day);
        return true;
    }

    /// <summary>Reads a contract date: exactly <c>YYYY-MM-DD</c>, a real day of the ISO calendar, year 0001 or later.</summary>
    /// <param name="text">The text; nothing before or after the date.</param>
    /// <param name="date">The date read, or <c>default</c>.</param>
    /// <returns>Whether <paramref name="text"/> is such a date.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out LocalDate date)
    {
        Span<byte> utf8 = stackalloc byte[10];
        date = default;
        if (text.Length != 10)
        {
            return false;
        }

        for (int i = 0; i < 10; i++)
        {
            if (text[i] > 127)
            {
                return false;
            }

            utf8[i] = (byte)text[i];
        }

        return TryParse(utf8, out date);
    }

    /// <summary>
    /// Why a text of the right form names a day, month or half-year that does not exist, in the current UI language
    /// (issue 24): <c>2021-02-30</c> gives "februari 2021 har 28 dagar", <c>2021-13</c> (or <c>2021-13-01</c>) "ett år
    /// har tolv månader, 01–12", <c>2021-H3</c> "ett år har två halvår, H1 och H2". The reason names no more of the
    /// text than the year and month it has read, so a service may show it.
    /// </summary>
    /// <param name="text">A date <c>YYYY-MM-DD</c>, a month <c>YYYY-MM</c> or a half-year <c>YYYY-Hn</c> as given.</param>
    /// <returns>The reason; <c>null</c> when the text exists, is not of one of these forms (a form error, said as such) or is of year 0000.</returns>
    public static string? DescribeNonexistent(string? text)
    {
        static bool Digits(string t, int start, int count) => t.Length >= start + count && t.AsSpan(start, count).ContainsAnyExceptInRange('0', '9') == false;
        static int Number(string t, int start, int count) => int.Parse(t.AsSpan(start, count), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture);
        if (text is null || !Digits(text, 0, 4) || text.Length < 7 || text[4] != '-' || Number(text, 0, 4) == 0)
        {
            return null;
        }

        if (text.Length == 7 && text[5] == 'H' && Digits(text, 6, 1))
        {
            return text[6] is '1' or '2' ? null : Texts.Get("date.no-such-half-year");
        }

        if (!Digits(text, 5, 2) || (text.Length != 7 && (text.Length != 10 || text[7] != '-' || !Digits(text, 8, 2))))
        {
            return null;
        }

        int year = Number(text, 0, 4), month = Number(text, 5, 2);
        if (month is < 1 or > 12)
        {
            return Texts.Get("date.no-such-month");
        }

        int days = CalendarSystem.Iso.GetDaysInMonth(year, month);
        return text.Length == 10 && Number(text, 8, 2) is var day && (day < 1 || day > days) ? Texts.Format("date.no-such-day", Texts.Month(year, month), days) : null;
    }
}
