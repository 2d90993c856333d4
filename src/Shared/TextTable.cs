using System.Globalization;

namespace InclusionModel;

/// <summary>
/// A table of sentences in English and in Swedish, chosen at each call by
/// <see cref="CultureInfo.CurrentUICulture"/>: a culture whose name is <c>sv</c> or starts with <c>sv-</c> gives
/// Swedish, any other English (docs/interchange-contract.md §9). Never cached in the language of a first call.
/// </summary>
/// <remarks>
/// One source file compiled into each package (linked from <c>src/Shared</c>): every package keeps its own
/// sentences in a table of its own (the library's, the command's, the HTTP service's), and no package reaches
/// into another's internals for them. Numbers in sentences are written as the language writes them.
/// </remarks>
internal sealed class TextTable(Dictionary<string, (string En, string Sv)> table)
{
    /// <summary>Whether the current UI culture asks for Swedish.</summary>
    internal static bool Swedish => CultureInfo.CurrentUICulture.Name is var name && (name == "sv" || name.StartsWith("sv-", StringComparison.OrdinalIgnoreCase));

    /// <summary>Every key with both languages, for the tests that read the whole table.</summary>
    internal IEnumerable<(string Key, string En, string Sv)> All => table.Select(e => (e.Key, e.Value.En, e.Value.Sv));

    /// <summary>The text of <paramref name="key"/> in the current language.</summary>
    internal string Get(string key) => Swedish ? table[key].Sv : table[key].En;

    /// <summary>The text of <paramref name="key"/> in the current language with its placeholders filled (whole numbers as the language writes them).</summary>
    internal string Format(string key, params object?[] args)
    {
        bool swedish = Swedish;
        var entry = table[key];
        for (int i = 0; i < args.Length; i++)
        {
            // The params array is this call's own: whole numbers are written as the language writes them.
            args[i] = args[i] switch { int n => Number(n, swedish), long n => Number(n, swedish), var other => other };
        }

        return string.Format(CultureInfo.InvariantCulture, swedish ? entry.Sv : entry.En, args);
    }

    /// <summary>The text of <paramref name="key"/> in the current language, when the table has it.</summary>
    internal bool TryGet(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? text)
    {
        text = table.TryGetValue(key, out var entry) ? (Swedish ? entry.Sv : entry.En) : null;
        return text is not null;
    }

    /// <summary>
    /// Items as a sentence lists them: <c>A</c>, <c>A eller B</c>, <c>A, B eller C</c>, the last two joined by the
    /// text of <paramref name="conjunction"/> (a key whose texts are <c>" or "</c>/<c>" eller "</c> or the like).
    /// </summary>
    internal string List(IReadOnlyList<string> items, string conjunction)
        => items.Count < 2 ? string.Concat(items) : string.Join(", ", items.Take(items.Count - 1)) + Get(conjunction) + items[^1];

    /// <summary>A count with its noun in agreement: <paramref name="one"/> (no placeholder, or <c>{0}</c>) for 1, <paramref name="many"/> with <c>{0}</c> otherwise.</summary>
    internal string Count(long n, string one, string many) => n == 1 ? Format(one, n) : Format(many, n);

    /// <summary>A decimal as the current language writes it, at most <paramref name="decimals"/> decimals: <c>2,5</c> in Swedish, <c>2.5</c> in English.</summary>
    internal static string Decimal(decimal value, int decimals = 1)
    {
        decimal rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        string text = Math.Abs(rounded).ToString("0." + new string('#', decimals), CultureInfo.InvariantCulture);
        int point = text.IndexOf('.', StringComparison.Ordinal);
        string whole = Number(long.Parse(point < 0 ? text : text[..point], CultureInfo.InvariantCulture));
        string fraction = point < 0 ? "" : (Swedish ? "," : ".") + text[(point + 1)..];
        return (rounded < 0 ? "-" : "") + whole + fraction;
    }

    /// <summary>A share (a fraction, 0.2319) as per cent: <c>23,2 %</c> in Swedish (a no-break space before the sign), <c>23.2%</c> in English.</summary>
    internal static string Percent(decimal fraction) => Decimal(fraction * 100) + (Swedish ? "\u00A0%" : "%");

    /// <summary>
    /// A whole number as the current language writes it: from 1 000 on grouped in threes, <c>1,008</c> and
    /// <c>50,000,000</c> in English, <c>1 008</c> and <c>50 000 000</c> in Swedish (a no-break space), as the issue asks
    /// (issue 24). Years, ids and dates are never written through this (they are not counts).
    /// </summary>
    internal static string Number(long value) => Number(value, Swedish);

    /// <summary>
    /// A line number as a sentence writes it: never grouped (<c>rad 1008</c>, <c>line 12345</c>), as page numbers
    /// are not, so that a reader can type it into an editor and a program can read it back from <c>line N:</c>.
    /// </summary>
    internal static Position Line(long value) => new(value);

    private static string Number(long value, bool swedish)
        => Math.Abs(value) < 1_000 ? value.ToString(CultureInfo.InvariantCulture)
            : swedish ? value.ToString("#,0", CultureInfo.InvariantCulture).Replace(",", "\u00A0", StringComparison.Ordinal)
            : value.ToString("#,0", CultureInfo.InvariantCulture);
}

/// <summary>A position (a line number) for <see cref="TextTable.Format"/>: written as digits only, never grouped like a count.</summary>
/// <param name="Value">The number.</param>
internal readonly record struct Position(long Value)
{
    /// <inheritdoc />
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
