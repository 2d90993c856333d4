using System.Text;

namespace InclusionModel.Privacy;

/// <summary>
/// Makes a value from input or from a definition safe to print in text for people: every identity number
/// it holds is withheld (<see cref="PersonalIdentityNumbers.Redact"/>), and every control character, and
/// every character that reorders text on a terminal, is written as an escape (<c>\n</c>, <c>\u001b</c>), so
/// that an id can neither forge an output line nor send codes to a terminal. JSON output needs only the
/// redaction: its encoder escapes control characters already.
/// </summary>
public static class SafeText
{
    /// <summary>Returns <paramref name="value"/> fit for text output; the same instance when nothing needed changing.</summary>
    /// <param name="value">Any text, or <c>null</c>.</param>
    /// <returns>The text with identity numbers withheld and control characters escaped; <c>null</c> for <c>null</c>.</returns>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(value))]
    public static string? ForText(string? value)
    {
        string? redacted = PersonalIdentityNumbers.Redact(value);
        if (redacted is null || redacted.AsSpan().IndexOfAny(Unsafe) < 0)
        {
            return redacted;
        }

        var text = new StringBuilder(redacted.Length + 16);
        foreach (char c in redacted)
        {
            switch (c)
            {
                case '\n':
                    text.Append("\\n");
                    break;
                case '\r':
                    text.Append("\\r");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                default:
                    if (Unsafe.Contains(c))
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        return text.ToString();
    }

    // C0 and C1 controls, DEL, and the bidirectional embedding, override and isolate marks.
    private static readonly System.Buffers.SearchValues<char> Unsafe = System.Buffers.SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0x20).Select(i => (char)i))
        + string.Concat(Enumerable.Range(0x7F, 0x21).Select(i => (char)i))
        + "\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069");
}
