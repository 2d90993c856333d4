using InclusionModel.Histories;
using NodaTime;

namespace InclusionModel.Validation;

/// <summary>Which pass of a run is reading, and how far it has come (for progress displays).</summary>
/// <param name="Pass">1 (counting enrolments for capacity) or 2 (validating).</param>
/// <param name="BytesRead">Bytes of input read in this pass so far.</param>
/// <param name="Lines">Lines read in this pass so far.</param>
public readonly record struct ValidationProgress(int Pass, long BytesRead, long Lines);

/// <summary>
/// Validates an NDJSON file of participant histories (FORMATS.md §1–4) in bounded memory, one line at a
/// time. <c>capacity-exceeded</c> counts enrolments across the whole run in date order, so no record's
/// verdict is known before the whole input has been seen: a first pass reads the records of programs
/// with places (and only the program id of the others) into an <see cref="EnrolmentLedger"/>, and the
/// second pass validates every line.
/// </summary>
/// <remarks>
/// Memory is bounded by the longest line and by the programs' places, never by the number of records.
/// A malformed line is reported to the sink and every other line is still validated.
/// </remarks>
public sealed class NdjsonValidation
{
    private readonly HistoryValidator _validator;

    /// <summary>Creates a run over <paramref name="validator"/>'s programs.</summary>
    /// <param name="validator">The validator to use.</param>
    /// <exception cref="ArgumentNullException"><paramref name="validator"/> is null.</exception>
    public NdjsonValidation(HistoryValidator validator) => _validator = Preconditions.CheckNotNull(validator);

    /// <summary>The longest line accepted; a longer one is malformed. Default 64 MiB.</summary>
    public int MaxLineBytes { get; init; } = NdjsonLineReader.DefaultMaxLineBytes;

    /// <summary>Called now and then while the input is read; default none.</summary>
    public Action<ValidationProgress>? Progress { get; init; }

    /// <summary>Runs the validation.</summary>
    /// <param name="openInput">Opens the input from its start; it is called twice, once per pass, and the run disposes what it returns (standard input must be kept for the second call, as the command line does).</param>
    /// <param name="asOf">The as-of date.</param>
    /// <param name="sink">Receives each line's outcome in line order, then the summary.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="IOException">The input cannot be read.</exception>
    public ValidationSummary Run(Func<Stream> openInput, LocalDate asOf, IValidationSink sink)
    {
        Preconditions.CheckNotNull(openInput);
        Preconditions.CheckNotNull(sink);
        var reader = new HistoryReader(_validator.Programs);

        // Pass 1 only needs the records of programs with places; the others are passed over after
        // their program id (malformed lines too: pass 2 reports them).
        var ledger = _validator.CreateLedger();
        ForEachLine(openInput, 1, (line, number, tooLong) =>
        {
            if (tooLong || (reader.TryPeekProgram(line, out string? id) && (!_validator.Programs.TryGet(id, out var program) || program.Places is null)))
            {
                return;
            }

            if (reader.Read(line, number).Value is { } history)
            {
                ledger.Observe(history, number);
            }
        });

        var plan = ledger.ToPlan();
        long records = 0, valid = 0, invalid = 0, malformed = 0;
        ForEachLine(openInput, 2, (line, number, tooLong) =>
        {
            records++;
            var result = tooLong ? TooLong(number) : reader.Read(line, number);
            if (result.Value is { } history)
            {
                var verdict = _validator.Validate(history, asOf, plan, result.Line);
                if (verdict.IsValid)
                {
                    valid++;
                }
                else
                {
                    invalid++;
                }

                sink.Record(result.Line, verdict);
            }
            else
            {
                malformed++;
                sink.Malformed(result.Line, result.Reason!);
            }
        });

        var summary = new ValidationSummary(asOf, records, valid, invalid, malformed);
        sink.Complete(summary);
        return summary;
    }

    /// <summary>Calls <paramref name="onLine"/> with each line that is not blank, its number, and whether it was too long (then it comes empty).</summary>
    private void ForEachLine(Func<Stream> openInput, int pass, LineAction onLine)
    {
        using var stream = openInput();
        using var lines = new NdjsonLineReader(stream, MaxLineBytes);
        long count = 0;
        while (lines.TryReadLine(out var line, out bool tooLong))
        {
            onLine(line, lines.LineNumber, tooLong);
            if (Progress is { } progress && (++count & 0x3FFF) == 0)
            {
                progress(new ValidationProgress(pass, lines.BytesRead, lines.LineNumber));
            }
        }

        Progress?.Invoke(new ValidationProgress(pass, lines.BytesRead, lines.LineNumber));
    }

    private delegate void LineAction(ReadOnlySpan<byte> line, long number, bool tooLong);

    private HistoryParseResult TooLong(long line) => HistoryParseResult.Fail($"the line is longer than {MaxLineBytes} bytes", line);
}
