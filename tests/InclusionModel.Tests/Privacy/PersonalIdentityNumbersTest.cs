using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InclusionModel.Privacy;

namespace InclusionModel.Tests.Privacy;

public class PersonalIdentityNumbersTest
{
    /// <summary>Ten-digit personal identity or coordination numbers with a correct check digit.</summary>
    public static Arbitrary<string> ValidNumbers()
        => Arb.From(
            from year in Gen.Choose(0, 99)
            from month in Gen.Choose(1, 12)
            from day in Gen.Choose(1, 28)
            from coordination in Gen.Elements(0, 60)
            from serial in Gen.Choose(0, 999)
            let nine = $"{year:D2}{month:D2}{day + coordination:D2}{serial:D3}"
            select nine + Luhn(nine));

    private static int Luhn(string nine)
    {
        int sum = 0;
        for (int i = 0; i < 9; i++)
        {
            int d = (nine[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
        }

        return (10 - (sum % 10)) % 10;
    }

    [Theory]
    [InlineData("8804021239", true)]
    [InlineData("880402-1239", true)]
    [InlineData("880402+1239", true)]   // a person of 100 or more
    [InlineData("198804021239", true)]
    [InlineData("19880402-1239", true)]
    [InlineData("880462-1236", true)]   // coordination number: day + 60
    [InlineData("8804021238", false)]   // wrong check digit
    [InlineData("8813021239", false)]   // month 13
    [InlineData("8804321239", false)]   // day 32
    [InlineData("880402/1239", false)]
    [InlineData("88040-21239", false)]
    [InlineData("p-8804021239", false)]
    [InlineData("880402123", false)]
    [InlineData("", false)]
    public void LooksLikeOne_FollowsTheContractShape(string id, bool expected)
    {
        Assert.Equal(expected, PersonalIdentityNumbers.LooksLikeOne(id));
    }

    [Property(Arbitrary = [typeof(PersonalIdentityNumbersTest)], MaxTest = 500)]
    public bool LooksLikeOne_EveryValidNumberInEveryForm_IsRecognised(string ten)
        => PersonalIdentityNumbers.LooksLikeOne(ten)
            && PersonalIdentityNumbers.LooksLikeOne(ten[..6] + "-" + ten[6..])
            && PersonalIdentityNumbers.LooksLikeOne("19" + ten)
            && PersonalIdentityNumbers.LooksLikeOne("20" + ten[..6] + "-" + ten[6..]);

    [Property(Arbitrary = [typeof(PersonalIdentityNumbersTest)], MaxTest = 500)]
    public bool LooksLikeOne_AnyOtherCheckDigit_IsNotRecognised(string ten)
        => Enumerable.Range(1, 9).All(shift => !PersonalIdentityNumbers.LooksLikeOne(ten[..9] + (char)('0' + ((ten[9] - '0' + shift) % 10))));

    [Property(Arbitrary = [typeof(PersonalIdentityNumbersTest)], MaxTest = 300)]
    public bool SafeToQuote_TextHoldingANumber_NeverContainsIt(string ten)
        => !PersonalIdentityNumbers.SafeToQuote($"id {ten[..6]}-{ten[6..]} here").Contains(ten[6..], StringComparison.Ordinal);

    [Fact]
    public void SafeToQuote_LongText_IsShortened()
    {
        Assert.Equal(new string('a', 40) + "…", PersonalIdentityNumbers.SafeToQuote(new string('a', 100)));
    }
}
