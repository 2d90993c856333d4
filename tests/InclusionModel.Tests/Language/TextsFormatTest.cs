using System.Globalization;
using NodaTime;

namespace InclusionModel.Tests.Language;

/// <summary>Numbers and dates as each language writes them (issue 24).</summary>
public sealed class TextsFormatTest
{
    private static T In<T>(string culture, Func<T> f)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(culture);
            return f();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Theory]
    [InlineData("sv-SE", 0.2319, "23,2\u00A0%")]
    [InlineData("en-GB", 0.2319, "23.2%")]
    [InlineData("sv-SE", 0.5, "50\u00A0%")]
    [InlineData("sv-SE", 123.456, "12\u00A0345,6\u00A0%")]
    [InlineData("en-GB", 123.456, "12,345.6%")]
    public void Percent_WritesTheShareAsTheLanguageDoes(string culture, double share, string expected)
        => Assert.Equal(expected, In(culture, () => Texts.Percent((decimal)share)));

    [Theory]
    [InlineData("sv-SE", 41.6, 0, "42")]
    [InlineData("sv-SE", 12345.25, 1, "12\u00A0345,3")]
    [InlineData("en-GB", 12345.25, 1, "12,345.3")]
    [InlineData("sv-SE", -0.5, 1, "-0,5")]
    public void Decimal_RoundsAndWritesTheLanguagesMarks(string culture, double value, int decimals, string expected)
        => Assert.Equal(expected, In(culture, () => Texts.Decimal((decimal)value, decimals)));

    [Theory]
    [InlineData("sv-SE", "2018-07-01", "2018-07-31", "1–31 juli 2018")]
    [InlineData("sv-SE", "2019-01-01", "2019-06-30", "1 januari – 30 juni 2019")]
    [InlineData("sv-SE", "2017-09-01", "2020-05-31", "1 september 2017 – 31 maj 2020")] // reader round 3, finding 2: across years written out too
    [InlineData("en-GB", "2018-07-01", "2018-07-31", "1–31 July 2018")]
    [InlineData("en-GB", "2017-09-01", "2020-05-31", "1 September 2017 – 31 May 2020")]
    public void Period_IsWrittenAsAHeadingSaysIt(string culture, string from, string to, string expected)
        => Assert.Equal(expected, In(culture, () => Texts.Period(LocalDate.FromDateTime(DateTime.Parse(from, CultureInfo.InvariantCulture)), LocalDate.FromDateTime(DateTime.Parse(to, CultureInfo.InvariantCulture)))));
}
