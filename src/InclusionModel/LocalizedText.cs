using System.Collections.Immutable;
using System.Globalization;

namespace InclusionModel;

/// <summary>
/// A text people read, in the languages the library speaks (docs/interchange-contract.md §9): Swedish
/// (<c>sv</c>), English (<c>en</c>), or one text the same in every language (a plain string in a definition
/// file). A program's description, purpose, target group, readings and findings are such texts, as are the
/// names a definition gives its phases, goals and rules.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="For(CultureInfo)"/> picks the text for a culture: a culture whose name is <c>sv</c> or starts
/// with <c>sv-</c> asks for Swedish, any other for English. A text without the language asked for falls back
/// to English, then to Swedish, so a reader always gets the text there is. A plain text is the same in every
/// language. <see cref="ToString"/> reads <see cref="CultureInfo.CurrentUICulture"/> on every call; nothing
/// is cached in the language of an earlier call.
/// </para>
/// <para>Instances are immutable and compare by value (<c>Plain("x")</c> is not equal to <c>Create(sv: "x", en: "x")</c>: the first says nothing of language).</para>
/// </remarks>
public sealed class LocalizedText : IEquatable<LocalizedText>
{
    private LocalizedText(string? plain, string? swedish, string? english)
    {
        PlainText = plain;
        Swedish = swedish;
        English = english;
    }

    /// <summary>The language codes a text may be given in, Swedish first: <c>sv</c>, <c>en</c>.</summary>
    public static ImmutableArray<string> Languages { get; } = ["sv", "en"];

    /// <summary>The text when it is the same in every language (a plain string), else <c>null</c>.</summary>
    public string? PlainText { get; }

    /// <summary>The Swedish text given, or <c>null</c> (also <c>null</c> for a plain text: see <see cref="PlainText"/>).</summary>
    public string? Swedish { get; }

    /// <summary>The English text given, or <c>null</c> (also <c>null</c> for a plain text: see <see cref="PlainText"/>).</summary>
    public string? English { get; }

    /// <summary>Whether the text is one text for every language rather than a text per language.</summary>
    public bool IsPlain => PlainText is not null;

    /// <summary>Creates one text that is the same in every language.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static LocalizedText Plain(string text) => new(Preconditions.CheckNotNull(text), null, null);

    /// <summary>Creates a text per language; a language left <c>null</c> is not given.</summary>
    /// <param name="sv">The Swedish text, or <c>null</c>.</param>
    /// <param name="en">The English text, or <c>null</c>.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentException">Both are null: a text needs at least one language.</exception>
    public static LocalizedText Create(string? sv, string? en)
    {
        Preconditions.CheckArgument(sv is not null || en is not null, nameof(sv), "A text needs at least one language.");
        return new(null, sv, en);
    }

    /// <summary>A plain text from a string: <c>null</c> stays <c>null</c>.</summary>
    /// <param name="text">The text, the same in every language.</param>
    public static implicit operator LocalizedText?(string? text) => text is null ? null : Plain(text);

    /// <summary>The text given for <paramref name="language"/> exactly (<c>sv</c> or <c>en</c>), without falling back; a plain text for any language.</summary>
    /// <param name="language">A language code.</param>
    /// <returns>The text, or <c>null</c> when none is given in that language.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="language"/> is null.</exception>
    public string? In(string language)
        => PlainText ?? Preconditions.CheckNotNull(language) switch
        {
            "sv" => Swedish,
            "en" => English,
            _ => null,
        };

    /// <summary>
    /// The text for <paramref name="culture"/>: Swedish for a culture named <c>sv</c> or <c>sv-…</c>, English for
    /// any other; without that language, English, then Swedish.
    /// </summary>
    /// <param name="culture">The culture of the reader.</param>
    /// <returns>The text; never <c>null</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is null.</exception>
    public string For(CultureInfo culture)
    {
        Preconditions.CheckNotNull(culture);
        if (PlainText is { } plain)
        {
            return plain;
        }

        bool swedish = culture.Name == "sv" || culture.Name.StartsWith("sv-", StringComparison.OrdinalIgnoreCase);
        return (swedish ? Swedish : English) ?? English ?? Swedish!;
    }

    /// <summary>The text in <see cref="CultureInfo.CurrentUICulture"/> (see <see cref="For(CultureInfo)"/>).</summary>
    /// <returns>The text.</returns>
    public override string ToString() => For(CultureInfo.CurrentUICulture);

    /// <summary>Whether <paramref name="other"/> holds the same texts in the same languages.</summary>
    /// <param name="other">Another text.</param>
    /// <returns><c>true</c> when equal.</returns>
    public bool Equals(LocalizedText? other)
        => other is not null && PlainText == other.PlainText && Swedish == other.Swedish && English == other.English;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as LocalizedText);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(PlainText, Swedish, English);
}
