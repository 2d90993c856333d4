namespace InclusionModel.Privacy;

/// <summary>
/// Recognises Swedish personal identity numbers (personnummer) and coordination numbers
/// (samordningsnummer) so that the library can refuse them as identifiers and keep them out of every
/// message. The library never needs such a number and never stores one.
/// </summary>
/// <remarks>
/// The recognised shape is the one of the interchange contract's rule <c>pii-in-identifier</c>:
/// 10 digits (<c>YYMMDD</c> + 4) or 12 digits (<c>YYYYMMDD</c> + 4), with an optional <c>-</c> or
/// <c>+</c> before the last four, a month from 1 to 12, a day from 1 to 31 (or 61 to 91 for a
/// coordination number), and a last digit that is the Luhn check digit of the ten-digit form.
/// </remarks>
public static class PersonalIdentityNumbers
{
    /// <summary>The text that stands in a message where a value that looks like an identity number was.</summary>
    public const string Redacted = "(withheld: looks like a personal identity number)";

    /// <summary>Whether <paramref name="value"/> as a whole looks like a personal identity or coordination number.</summary>
    /// <param name="value">The text to test, for example a participant id.</param>
    /// <returns><c>true</c> when the value has the shape and the valid check digit of such a number.</returns>
    public static bool LooksLikeOne(ReadOnlySpan<char> value)
    {
        int length = value.Length;
        bool hasSeparator = length is 11 or 13 && value[length - 5] is '-' or '+';
        int digitCount = hasSeparator ? length - 1 : length;
        if (digitCount is not (10 or 12))
        {
            return false;
        }

        Span<int> digits = stackalloc int[12];
        int n = 0;
        for (int i = 0; i < length; i++)
        {
            if (hasSeparator && i == length - 5)
            {
                continue;
            }

            char c = value[i];
            if (c is < '0' or > '9')
            {
                return false;
            }

            digits[n++] = c - '0';
        }

        // The ten-digit form: drop the century of the twelve-digit form.
        ReadOnlySpan<int> ten = n == 12 ? digits.Slice(2, 10) : digits[..10];
        int month = (ten[2] * 10) + ten[3];
        int day = (ten[4] * 10) + ten[5];
        if (month is < 1 or > 12 || !(day is >= 1 and <= 31 || day is >= 61 and <= 91))
        {
            return false;
        }

        return LuhnCheckDigit(ten[..9]) == ten[9];
    }

    /// <summary>
    /// Whether <paramref name="text"/> contains, anywhere inside it, a run that looks like a personal
    /// identity or coordination number. Used before any input value is quoted in a message.
    /// </summary>
    /// <param name="text">Any text.</param>
    /// <returns><c>true</c> when some substring of the text looks like such a number.</returns>
    public static bool ContainsOne(ReadOnlySpan<char> text)
    {
        // Candidates are 10..13 characters long; test every window that starts at a digit.
        for (int start = 0; start + 10 <= text.Length; start++)
        {
            if (text[start] is < '0' or > '9')
            {
                continue;
            }

            for (int length = 10; length <= 13 && start + length <= text.Length; length++)
            {
                if (LooksLikeOne(text.Slice(start, length)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Returns <paramref name="text"/> fit to quote in a message: shortened to at most
    /// <paramref name="maxLength"/> characters, and replaced by <see cref="Redacted"/> when it contains
    /// something that looks like a personal identity number.
    /// </summary>
    /// <param name="text">The input value to quote.</param>
    /// <param name="maxLength">The longest quotation; longer text is cut and ends with an ellipsis.</param>
    /// <returns>The text to put between quotes.</returns>
    public static string SafeToQuote(ReadOnlySpan<char> text, int maxLength = 40)
    {
        if (ContainsOne(text))
        {
            return Redacted;
        }

        return text.Length <= maxLength ? text.ToString() : string.Concat(text[..maxLength], "…");
    }

    private static int LuhnCheckDigit(ReadOnlySpan<int> nineDigits)
    {
        int sum = 0;
        for (int i = 0; i < nineDigits.Length; i++)
        {
            int d = nineDigits[i] * (i % 2 == 0 ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
        }

        return (10 - (sum % 10)) % 10;
    }
}
