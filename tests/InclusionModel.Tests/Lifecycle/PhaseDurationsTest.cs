using InclusionModel.Lifecycle;
using NodaTime;

namespace InclusionModel.Tests.Lifecycle;

/// <summary>The month arithmetic and the durations people read, at the edges Stryker found untested (issue 26).</summary>
public class PhaseDurationsTest
{
    [Theory]
    [InlineData(9999, 11, 30, 1, 9999, 12, 30)] // the last month the calendar has: an ordinary sum
    [InlineData(9999, 1, 31, 1, 9999, 2, 28)] // clamped to the month's end (9999 is no leap year)
    [InlineData(9999, 12, 1, 1, 9999, 12, 31)] // past the calendar: its last day
    [InlineData(9998, 12, 31, 12, 9999, 12, 31)]
    [InlineData(9999, 6, 15, 1200, 9999, 12, 31)]
    public void AddMonths_AtTheEndOfTheCalendar_IsTheSumOrTheLastDay(int y, int m, int d, int months, int ey, int em, int ed)
    {
        Assert.Equal(new LocalDate(ey, em, ed), PhaseDurations.AddMonths(new LocalDate(y, m, d), months));
    }

    [Theory]
    [InlineData("2020-01-01", "2020-01-01", "0 months")] // no time at all is not "less than no time"
    [InlineData("2020-01-01", "2020-01-06", "5 days")] // days alone, no "0 months and"
    [InlineData("2020-01-01", "2020-01-02", "1 day")]
    [InlineData("2020-01-01", "2020-03-01", "2 months")]
    [InlineData("2020-01-31", "2020-03-01", "1 month and 1 day")] // 31 January + 1 month = 29 February 2020, then a day
    [InlineData("2020-03-01", "2020-02-29", "less than no time (it ends before it starts)")]
    public void Describe_SaysMonthsAndDays_AsPeopleCountThem(string start, string end, string expected)
    {
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.InvariantCulture;
            Assert.Equal(expected, PhaseDurations.Describe(IsoDate(start), IsoDate(end)));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }
    }

    private static LocalDate IsoDate(string text) => IsoDates.TryParse(text, out var date) ? date : throw new ArgumentException(text);
}
