using System.Runtime.CompilerServices;

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
    public static bool LooksLikeOne(ReadOnlySpan<char> value) => LooksLikeOne<char>(value);

    /// <summary>The shape test of <see cref="LooksLikeOne(ReadOnlySpan{char})"/> over UTF-16 or UTF-8 code units.</summary>
    internal static bool LooksLikeOne<T>(ReadOnlySpan<T> value)
        where T : unmanaged, System.Numerics.IBinaryInteger<T>
    {
        int length = value.Length;
        bool hasSeparator = length is 11 or 13 && (Is(value[length - 5], '-') || Is(value[length - 5], '+'));
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

            if (!IsDigit(value[i]))
            {
                return false;
            }

            digits[n++] = int.CreateTruncating(value[i]) - '0';
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

    /// <summary>The text that stands in printed output where an identity number was found inside a longer text.</summary>
    public const string RedactedNumber = "[withheld]";

    /// <summary>
    /// Whether <paramref name="text"/> is, or holds as a run of digits not joined to other digits, a personal
    /// identity or coordination number: the contract's reading of <c>pii-in-identifier</c>. <c>p-19811218-9876</c>
    /// holds one; <c>p-198112189876123</c> does not (its digits run on).
    /// </summary>
    /// <param name="text">Any text, for example a participant id.</param>
    /// <returns><c>true</c> when the text holds such a number.</returns>
    public static bool HoldsOne(ReadOnlySpan<char> text) => NextNumber(text, 0, out _) >= 0;

    /// <summary>
    /// Returns <paramref name="text"/> with every identity or coordination number it holds (as
    /// <see cref="HoldsOne"/> finds them) replaced by <see cref="RedactedNumber"/>; the same instance when it holds none.
    /// Every text the library and the command print goes through this.
    /// </summary>
    /// <param name="text">Any text, or <c>null</c>.</param>
    /// <returns>The redacted text, or <c>null</c> for <c>null</c>.</returns>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string? Redact(string? text)
    {
        if (text is null || text.Length < 10)
        {
            return text;
        }

        int at = NextNumber(text.AsSpan(), 0, out int length);
        if (at < 0)
        {
            return text;
        }

        var result = new System.Text.StringBuilder(text.Length);
        int from = 0;
        while (at >= 0)
        {
            result.Append(text, from, at - from).Append(RedactedNumber);
            from = at + length;
            at = NextNumber(text.AsSpan(), from, out length);
        }

        return result.Append(text, from, text.Length - from).ToString();
    }

    /// <summary>
    /// UTF-8 text with every identity number replaced by <see cref="RedactedNumber"/>, as <see cref="Redact"/>
    /// does for a string; <c>null</c> when it holds none (the text stands as it is).
    /// </summary>
    /// <param name="utf8">The text: whole, so that no number runs on beyond either end.</param>
    /// <returns>The redacted bytes, or <c>null</c>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static byte[]? RedactUtf8(ReadOnlySpan<byte> utf8)
    {
        int at = NextNumber(utf8, 0, out int length);
        if (at < 0)
        {
            return null;
        }

        var result = new System.Buffers.ArrayBufferWriter<byte>(utf8.Length);
        int from = 0;
        while (at >= 0)
        {
            System.Buffers.BuffersExtensions.Write(result, utf8[from..at]);
            System.Buffers.BuffersExtensions.Write(result, RedactedNumberUtf8);
            from = at + length;
            at = NextNumber(utf8, from, out length);
        }

        System.Buffers.BuffersExtensions.Write(result, utf8[from..]);
        return result.WrittenSpan.ToArray();
    }

    private static ReadOnlySpan<byte> RedactedNumberUtf8 => "[withheld]"u8;

    /// <summary>
    /// Finds the next identity number in <paramref name="text"/> at or after <paramref name="from"/>: a digit
    /// run of 10 or 12, or of 6 or 8 followed by <c>-</c> or <c>+</c> and a run of exactly 4, not joined to
    /// other digits, that <see cref="LooksLikeOne"/>.
    /// </summary>
    /// <returns>Its start, or -1; <paramref name="length"/> is its length.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int NextNumber<T>(ReadOnlySpan<T> text, int from, out int length)
        where T : unmanaged, System.Numerics.IBinaryInteger<T>
    {
        int i = from;
        while (i < text.Length)
        {
            int offset = text[i..].IndexOfAnyInRange(T.CreateTruncating('0'), T.CreateTruncating('9'));
            if (offset < 0)
            {
                break;
            }

            int start = i + offset;
            int end = start;
            while (end < text.Length && IsDigit(text[end]))
            {
                end++;
            }

            int run = end - start;
            if (run is 10 or 12 && LooksLikeOne(text[start..end]))
            {
                length = run;
                return start;
            }

            if (run is 6 or 8 && end + 5 <= text.Length && (Is(text[end], '-') || Is(text[end], '+'))
                && IsDigit(text[end + 1]) && IsDigit(text[end + 2]) && IsDigit(text[end + 3]) && IsDigit(text[end + 4])
                && (end + 5 == text.Length || !IsDigit(text[end + 5]))
                && LooksLikeOne(text[start..(end + 5)]))
            {
                length = run + 5;
                return start;
            }

            i = end;
        }

        length = 0;
        return -1;
    }

    private static bool IsDigit<T>(T c)
        where T : unmanaged, System.Numerics.IBinaryInteger<T>
        => c >= T.CreateTruncating('0') && c <= T.CreateTruncating('9');

    private static bool Is<T>(T c, char ascii)
        where T : unmanaged, System.Numerics.IBinaryInteger<T>
        => c == T.CreateTruncating(ascii);

    /// <summary>
    /// Returns <paramref name="text"/> fit to quote in a message: shortened to at most
    /// <paramref name="maxLength"/> characters, replaced by <see cref="Redacted"/> when it contains
    /// something that looks like a personal identity number, and with control characters escaped
    /// (<see cref="SafeText.ForText"/>).
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

        return SafeText.ForText(text.Length <= maxLength ? text.ToString() : string.Concat(text[..maxLength], "…"));
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
