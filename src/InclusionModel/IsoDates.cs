using NodaTime;
using NodaTime.Text;

namespace InclusionModel;

/// <summary>The one place that formats and parses the contract's <c>YYYY-MM-DD</c> dates.</summary>
internal static class IsoDates
{
    private static readonly LocalDatePattern Pattern = LocalDatePattern.Iso;

    internal static string Format(LocalDate date) => Pattern.Format(date);

    /// <summary>Parses exactly <c>YYYY-MM-DD</c> with a real calendar date; no allocation on success.</summary>
    internal static bool TryParse(ReadOnlySpan<byte> utf8, out LocalDate date)
    {
        date = default;
        if (utf8.Length != 10 || utf8[4] != (byte)'-' || utf8[7] != (byte)'-')
        {
            return false;
        }

        if (!TryDigits(utf8[..4], out int year) || !TryDigits(utf8.Slice(5, 2), out int month) || !TryDigits(utf8.Slice(8, 2), out int day))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            return false;
        }

        date = new LocalDate(year, month, day);
        return true;
    }

    internal static bool TryParse(ReadOnlySpan<char> text, out LocalDate date)
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

    private static bool TryDigits(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        foreach (byte b in digits)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return true;
    }
}
