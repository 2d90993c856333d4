using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using static InclusionModel.Tests.TestData;

namespace InclusionModel.Tests;

public class IsoDatesTest
{
    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 1000)]
    public bool DayNumber_Differences_AreNodaTimeDaysBetween(LocalDate a, LocalDate b)
        => IsoDates.DayNumber(b) - IsoDates.DayNumber(a) == Period.DaysBetween(a, b);

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 1000)]
    public Property AddMonths_IsNodaTimePlusMonths(LocalDate start, byte months)
        => (IsoDates.AddMonths(start, months) == IsoDates.DayNumber(start.PlusMonths(months))).Label($"{start} + {months}");

    [Property(MaxTest = 2000)]
    public Property FromDayNumber_IsTheEpochPlusThatManyDays_OverTheWholeIsoCalendar()
        => Prop.ForAll(
            Gen.Choose(IsoDates.DayNumber(LocalDate.MinIsoValue), IsoDates.DayNumber(LocalDate.MaxIsoValue)).ToArbitrary(),
            day => (IsoDates.FromDayNumber(day) == new LocalDate(1970, 1, 1).PlusDays(day) && IsoDates.DayNumber(IsoDates.FromDayNumber(day)) == day).Label($"{day}"));

    /// <summary>Any ten characters of digits, dashes and a few others: accepted exactly when NodaTime's strict ISO pattern reads a date of year 1 or later, and then the same date.</summary>
    [Property(MaxTest = 3000)]
    public Property TryParse_AgreesWithNodaTimesIsoPattern()
    {
        var text = Gen.Elements("0123456789-x/ ".ToCharArray()).ArrayOf(10).Select(chars => new string(chars));
        var dates = Gen.Choose(1, 9999).SelectMany(y => Gen.Choose(0, 13).SelectMany(m => Gen.Choose(0, 32).Select(d => $"{y:D4}-{m:D2}-{d:D2}")));
        return Prop.ForAll(Gen.OneOf(text, dates).ToArbitrary(), s =>
        {
            var noda = NodaTime.Text.LocalDatePattern.Iso.Parse(s);
            bool expected = noda.Success && noda.Value.Year >= 1;
            bool parsed = IsoDates.TryParse(System.Text.Encoding.ASCII.GetBytes(s), out var date);
            return (parsed == expected && (!parsed || date == noda.Value)).Label(s);
        });
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("2024-02-29")]
    [InlineData("1969-12-31")]
    [InlineData("1600-03-01")]
    public void FromDayNumber_AtTheEndsOfTheCalendarAndItsTurns_GivesTheDateBack(string date)
        => Assert.Equal(D(date), IsoDates.FromDayNumber(IsoDates.DayNumber(D(date))));

    [Theory]
    [InlineData("1970-01-01", 0)]
    [InlineData("2000-03-01", 11017)]
    [InlineData("1969-12-31", -1)]
    public void DayNumber_CountsDaysFromTheUnixEpoch(string date, int expected)
    {
        Assert.Equal(expected, IsoDates.DayNumber(D(date)));
    }

    [Theory]
    [InlineData("2013-01-31", 1, "2013-02-28")]
    [InlineData("2012-01-31", 1, "2012-02-29")]
    [InlineData("2012-02-29", 12, "2013-02-28")]
    [InlineData("2000-02-29", 48, "2004-02-29")]
    [InlineData("1900-01-31", 1, "1900-02-28")] // not a leap year
    public void AddMonths_ClampsToTheMonthEnd(string start, int months, string expected)
    {
        Assert.Equal(IsoDates.DayNumber(D(expected)), IsoDates.AddMonths(D(start), months));
    }

    [Theory]
    [InlineData("2013-02-28", true)]
    [InlineData("2012-02-29", true)]
    [InlineData("2013-02-29", false)]
    [InlineData("2013-13-01", false)]
    [InlineData("2013-00-10", false)]
    [InlineData("2013-1-10", false)]
    [InlineData("0000-01-01", false)]
    [InlineData("２０１３-01-01", false)]
    [InlineData("2013-01-01 ", false)]
    public void TryParse_AcceptsOnlyRealYyyyMmDdDates(string text, bool valid)
    {
        Assert.Equal(valid, IsoDates.TryParse(text.AsSpan(), out _));
    }
}
