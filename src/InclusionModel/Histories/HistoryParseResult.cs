namespace InclusionModel.Histories;

/// <summary>
/// The result of reading one NDJSON line: a history, or the reason the line is malformed (the NodaTime
/// <c>ParseResult</c> pattern: an expected failure is a value, not an exception).
/// </summary>
public readonly struct HistoryParseResult
{
    private readonly ParticipantHistory? _value;

    private HistoryParseResult(ParticipantHistory? value, string? reason, long line)
    {
        _value = value;
        Reason = reason;
        Line = line;
    }

    /// <summary>The 1-based line number the result is for.</summary>
    public long Line { get; }

    /// <summary>Whether the line held a well-formed history: then <see cref="Value"/> is not null and <see cref="Reason"/> is.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Value))]
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(false, nameof(Reason))]
    public bool Success => _value is not null;

    /// <summary>The history; <c>null</c> when the line is malformed.</summary>
    public ParticipantHistory? Value => _value;

    /// <summary>
    /// Why the line is malformed, located inside the line (<c>events[4]: 'on' is not a date (YYYY-MM-DD): '2013-13-01'</c>),
    /// as a validation report's <c>malformed</c> entry gives it beside <see cref="Line"/>; <c>null</c> on success.
    /// It never quotes a value that looks like a personal identity number.
    /// </summary>
    public string? Reason { get; }

    /// <summary>Returns the history, or throws when the line is malformed.</summary>
    /// <returns>The history.</returns>
    /// <exception cref="FormatException">The line is malformed; the message names the line and says why (<c>line 3: events[4]: …</c>).</exception>
    public ParticipantHistory GetValueOrThrow() => _value ?? throw new FormatException(Texts.Format("line", TextTable.Line(Line), Reason));

    internal static HistoryParseResult Ok(ParticipantHistory value, long line) => new(value, null, line);

    internal static HistoryParseResult Fail(string reason, long line) => new(null, reason, line);
}
