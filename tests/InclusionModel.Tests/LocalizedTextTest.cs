using System.Globalization;

namespace InclusionModel.Tests;

public class LocalizedTextTest
{
    private static readonly CultureInfo Sv = CultureInfo.GetCultureInfo("sv-SE");
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-GB");

    [Theory]
    [InlineData("sv", "Förberedelse", "Preparation", "Förberedelse")]
    [InlineData("sv-SE", "Förberedelse", "Preparation", "Förberedelse")]
    [InlineData("sv-FI", "Förberedelse", "Preparation", "Förberedelse")]
    [InlineData("en-GB", "Förberedelse", "Preparation", "Preparation")]
    [InlineData("fi-FI", "Förberedelse", "Preparation", "Preparation")]
    [InlineData("", "Förberedelse", "Preparation", "Preparation")]
    [InlineData("sv-SE", null, "Preparation", "Preparation")] // no Swedish: English
    [InlineData("en-GB", "Förberedelse", null, "Förberedelse")] // no English: Swedish
    [InlineData("fi-FI", "Förberedelse", null, "Förberedelse")] // neither asked for nor English: Swedish
    public void For_Culture_GivesItsLanguageThenEnglishThenSwedish(string culture, string? sv, string? en, string expected)
    {
        Assert.Equal(expected, LocalizedText.Create(sv, en).For(CultureInfo.GetCultureInfo(culture)));
    }

    [Fact]
    public void Plain_IsTheSameInEveryLanguage()
    {
        var text = LocalizedText.Plain("Romane Bucha");

        Assert.True(text.IsPlain);
        Assert.Equal("Romane Bucha", text.For(Sv));
        Assert.Equal("Romane Bucha", text.For(En));
        Assert.Equal("Romane Bucha", text.In("sv"));
        Assert.Equal("Romane Bucha", text.In("en"));
        Assert.Null(text.Swedish);
    }

    [Fact]
    public void In_GivesOnlyTheLanguageGiven()
    {
        var text = LocalizedText.Create("Kartläggning", null);

        Assert.Equal("Kartläggning", text.In("sv"));
        Assert.Null(text.In("en"));
        Assert.Null(text.In("fr"));
    }

    [Fact]
    public void Create_WithNoLanguage_IsMisuse()
    {
        Assert.Throws<ArgumentException>(() => LocalizedText.Create(null, null));
        Assert.Throws<ArgumentNullException>(() => LocalizedText.Plain(null!));
    }

    [Fact]
    public void Equality_IsByLanguageAndText()
    {
        Assert.Equal(LocalizedText.Create("a", "b"), LocalizedText.Create("a", "b"));
        Assert.NotEqual(LocalizedText.Create("a", "b"), LocalizedText.Create("a", null));
        Assert.NotEqual(LocalizedText.Plain("a"), LocalizedText.Create("a", "a")); // a plain text says nothing of language
        Assert.Equal(LocalizedText.Create("a", "b").GetHashCode(), LocalizedText.Create("a", "b").GetHashCode());
    }

    [Fact]
    public void ImplicitConversion_MakesAPlainText_AndKeepsNull()
    {
        LocalizedText? text = "x";
        LocalizedText? none = (string?)null;

        Assert.Equal(LocalizedText.Plain("x"), text);
        Assert.Null(none);
    }

    [Fact]
    public void ToString_ReadsTheCurrentUICulture_OnEveryCall()
    {
        // Nothing is cached in the language of the first call: the same instance answers each call in its own.
        var text = LocalizedText.Create("Stöd inför avslut", "Exit support");
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = Sv;
            Assert.Equal("Stöd inför avslut", text.ToString());
            CultureInfo.CurrentUICulture = En;
            Assert.Equal("Exit support", text.ToString());
            CultureInfo.CurrentUICulture = Sv;
            Assert.Equal("Stöd inför avslut", text.ToString());
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
