using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using InclusionModel.Contract;
using InclusionModel.IO;
using InclusionModel.Privacy;

namespace InclusionModel.Validation;

/// <summary>
/// Writes a validation run as the JSON document of docs/interchange-contract.md §4. The summary comes first
/// in the document: an <see cref="Runs.NdjsonValidation"/> run knows it before its first entry and the entries go
/// straight to the output; fed record by record through <see cref="IValidationSink"/>, the entries are held
/// in a spool (memory, then an owner-only, unlinked temporary file past 1 MiB) until the run completes.
/// Memory stays bounded either way. Every string from the input or a definition
/// has its identity numbers withheld (<see cref="PersonalIdentityNumbers.Redact"/>).
/// </summary>
public sealed class JsonValidationReportWriter : IBatchRenderingSink, IDisposable
{
    private readonly Stream _output;
    private readonly JsonArraySpool _participants = new();
    private readonly JsonArraySpool _malformed = new(chunkBytes: 1024);
    private readonly Action<Violation>? _violationWritten;
    private ValidationSummary? _begun;

    /// <summary>Creates the writer.</summary>
    /// <param name="output">Where the document goes: as the run goes when it renders in batches, otherwise when it completes.</param>
    public JsonValidationReportWriter(Stream output)
        : this(output, null)
    {
    }

    /// <summary>Creates the writer, telling <paramref name="violationWritten"/> of every violation it writes.</summary>
    /// <param name="output">Where the document goes: as the run goes when it renders in batches, otherwise when it completes.</param>
    /// <param name="violationWritten">
    /// Told of each violation as its record's entry is written (the HTTP service counts them by rule on a meter);
    /// <c>null</c> for none. A parallel run renders entries on several workers, so it may be called from several
    /// threads at once and must be thread-safe; it must not throw.
    /// </param>
    public JsonValidationReportWriter(Stream output, Action<Violation>? violationWritten)
    {
        _output = Preconditions.CheckNotNull(output);
        _violationWritten = violationWritten;
    }

    /// <summary>
    /// Nothing to write yet: the document is marked (<c>"specialCategoryData": true</c> first) from the summary's
    /// <see cref="ValidationSummary.SpecialCategoryPrograms"/>, which the document's head waits for.
    /// </summary>
    /// <param name="programs">The marked programs among the run's records.</param>
    public void SpecialCategoryData(IReadOnlyList<string> programs) => Preconditions.CheckNotNull(programs);

    /// <inheritdoc />
    public void Record(long line, HistoryValidationResult result)
    {
        Preconditions.CheckNotNull(result);
        Tell(_violationWritten, result);
        var names = new EncodedNames();
        WriteParticipant(_participants.BeginItem(), line, result, ref names);
        _participants.EndItem();
    }

    /// <inheritdoc />
    EntryBatch IBatchRenderingSink.StartBatch(int records) => new(records, _output is IPreRedactedOutput) { Observe = _violationWritten };

    private static void Tell(Action<Violation>? violationWritten, HistoryValidationResult verdict)
    {
        if (violationWritten is not null)
        {
            foreach (var v in verdict.Violations)
            {
                violationWritten(v);
            }
        }
    }

    /// <summary>
    /// One chunk's entries, rendered on a worker in line order into pooled memory: a verdict as
    /// <see cref="Record"/> writes it, or a valid record straight from its parts (most records of a run, with
    /// no verdict object built for them). Touches no state of the writer.
    /// </summary>
    internal sealed class EntryBatch
    {
        private readonly PooledBufferWriter _buffer;
        private readonly Utf8JsonWriter _writer;
        private readonly bool _redact;
        private EncodedNames _names;

        internal EntryBatch(int records, bool redact)
        {
            _buffer = new PooledBufferWriter(records * 200);
            _writer = new Utf8JsonWriter(_buffer, JsonArraySpool.WriterOptions);
            _redact = redact;
        }

        /// <summary>Told each violation of the verdicts added (the writer's <c>violationWritten</c>); default none.</summary>
        internal Action<Violation>? Observe { get; init; }

        /// <summary>Adds a well-formed record's entry.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        internal void Add(long line, HistoryValidationResult verdict)
        {
            Tell(Observe, verdict);
            _buffer.Write(",\n"u8);
            WriteParticipant(_writer, line, verdict, ref _names);
            _writer.Flush();
            _writer.Reset(_buffer);
        }

        /// <summary>
        /// Adds the entry of a valid record with no violation: the bytes <see cref="Add"/> writes for such a
        /// verdict, from the participant's UTF-8 (empty when withheld), the program id and the state's name.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        internal void AddValid(long line, ReadOnlySpan<byte> participantUtf8, bool participantWithheld, string program, string? state)
        {
            _buffer.Write(",\n"u8);
            var w = _writer;
            w.WriteStartObject();
            w.WriteNumber(LineName, line);
            if (participantWithheld)
            {
                w.WriteNull(ParticipantName);
            }
            else
            {
                w.WriteString(ParticipantName, participantUtf8);
            }

            w.WriteString(ProgramName, _names.Program(program));
            w.WriteBoolean(ValidName, true);
            if (state is null)
            {
                w.WriteNull(StateName);
            }
            else
            {
                w.WriteString(StateName, _names.State(state));
            }

            w.WriteStartArray(ViolationsName);
            w.WriteEndArray();
            w.WriteEndObject();
            w.Flush();
            w.Reset(_buffer);
        }

        /// <summary>
        /// The rendered entries, which the caller disposes once appended. An output that redacts everything it
        /// is given (the command's) would scan every byte again on the one thread that writes: the batch is
        /// scanned here instead, whole, by the same redaction.
        /// </summary>
        internal PooledBufferWriter Finish()
        {
            _writer.Dispose();
            if (_redact && PersonalIdentityNumbers.RedactUtf8(_buffer.WrittenSpan) is { } redacted)
            {
                _buffer.Dispose();
                var replaced = new PooledBufferWriter(redacted.Length);
                replaced.Write(redacted);
                return replaced;
            }

            return _buffer;
        }
    }

    /// <summary>
    /// A batch's program and state names, redacted and JSON-encoded once: records of one chunk share a few of
    /// them, and a pre-encoded value is copied rather than checked for escaping again.
    /// </summary>
    private struct EncodedNames
    {
        private string? _program, _state;
        private JsonEncodedText _programText, _stateText;

        internal JsonEncodedText Program(string program)
        {
            if (!ReferenceEquals(program, _program))
            {
                (_program, _programText) = (program, JsonEncodedText.Encode(PersonalIdentityNumbers.Redact(program), JsonArraySpool.WriterOptions.Encoder));
            }

            return _programText;
        }

        internal JsonEncodedText State(string state)
        {
            if (!ReferenceEquals(state, _state))
            {
                (_state, _stateText) = (state, JsonEncodedText.Encode(PersonalIdentityNumbers.Redact(state), JsonArraySpool.WriterOptions.Encoder));
            }

            return _stateText;
        }
    }

    private static readonly JsonEncodedText LineName = JsonEncodedText.Encode("line");
    private static readonly JsonEncodedText ParticipantName = JsonEncodedText.Encode("participant");
    private static readonly JsonEncodedText ProgramName = JsonEncodedText.Encode("program");
    private static readonly JsonEncodedText ValidName = JsonEncodedText.Encode("valid");
    private static readonly JsonEncodedText StateName = JsonEncodedText.Encode("state");
    private static readonly JsonEncodedText ViolationsName = JsonEncodedText.Encode("violations");

    /// <inheritdoc />
    void IBatchRenderingSink.AppendRendered(ReadOnlySpan<byte> rendered) => _participants.AppendRendered(rendered, preRedacted: _output is IPreRedactedOutput);

    /// <inheritdoc />
    void IBatchRenderingSink.Begin(ValidationSummary summary)
    {
        Preconditions.CheckNotNull(summary);
        if (_begun is not null)
        {
            throw new InvalidOperationException("The document has begun.");
        }

        _begun = summary;
        WriteHead(summary);
        _participants.StartArray(_output, "participants"u8);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteParticipant(Utf8JsonWriter w, long line, HistoryValidationResult result, ref EncodedNames names)
    {
        w.WriteStartObject();
        w.WriteNumber(LineName, line);
        if (result.Participant is null)
        {
            w.WriteNull(ParticipantName);
        }
        else
        {
            w.WriteString(ParticipantName, result.Participant);
        }

        w.WriteString(ProgramName, names.Program(result.Program));
        w.WriteBoolean(ValidName, result.IsValid);
        if (result.FinalState.Name is { } state)
        {
            w.WriteString(StateName, names.State(state));
        }
        else
        {
            w.WriteNull(StateName);
        }

        w.WriteStartArray(ViolationsName);
        foreach (var v in result.Violations)
        {
            WriteViolation(w, v);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>
    /// Writes one violation in the shape of docs/interchange-contract.md §4 (<c>rule</c>, <c>event</c>, <c>on</c>,
    /// <c>message</c>, identity numbers withheld), as every JSON document of the library writes it: for a document
    /// of your own that carries violations (the HTTP service's transition check does).
    /// </summary>
    /// <param name="w">The writer, where a value may stand.</param>
    /// <param name="v">The violation.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void WriteViolation(Utf8JsonWriter w, Violation v)
    {
        Preconditions.CheckNotNull(w);
        w.WriteStartObject();
        w.WriteString("rule"u8, v.RuleId);
        if (v.EventIndex is { } index)
        {
            w.WriteNumber("event"u8, index);
        }
        else
        {
            w.WriteNull("event"u8);
        }

        if (v.On is { } on)
        {
            w.WriteString("on"u8, IsoDates.Format(on));
        }
        else
        {
            w.WriteNull("on"u8);
        }

        w.WriteString("message"u8, PersonalIdentityNumbers.Redact(v.Message));
        w.WriteEndObject();
    }

    /// <inheritdoc />
    public void Malformed(long line, string reason)
    {
        var w = _malformed.BeginItem();
        w.WriteStartObject();
        w.WriteNumber("line"u8, line);
        w.WriteString("error"u8, PersonalIdentityNumbers.Redact(Texts.Format("line", TextTable.Line(line), reason)));
        w.WriteEndObject();
        _malformed.EndItem();
    }

    /// <inheritdoc />
    public void Complete(ValidationSummary summary)
    {
        Preconditions.CheckNotNull(summary);
        if (_begun is null)
        {
            WriteHead(summary);
        }
        else if (!_begun.Equals(summary))
        {
            throw new InvalidOperationException("The summary differs from the one the document began with.");
        }

        _participants.WriteArray(_output, "participants"u8);
        _output.WriteByte((byte)',');
        _malformed.WriteArray(_output, "malformed"u8);
        _output.Write("}\n"u8);
        _output.Flush();
    }

    /// <summary>The document up to its first array: the marking, the as-of date and the summary, then a comma.</summary>
    private void WriteHead(ValidationSummary summary)
    {
        using (var head = new Utf8JsonWriter(_output, JsonArraySpool.WriterOptions))
        {
            head.WriteStartObject();
            if (!summary.SpecialCategoryPrograms.IsEmpty)
            {
                head.WriteBoolean(Programs.SpecialCategoryData.JsonProperty, true);
            }

            head.WriteString("asOf"u8, IsoDates.Format(summary.AsOf));
            head.WriteStartObject("summary"u8);
            head.WriteNumber("records"u8, summary.Records);
            head.WriteNumber("valid"u8, summary.Valid);
            head.WriteNumber("invalid"u8, summary.Invalid);
            head.WriteNumber("malformed"u8, summary.Malformed);
            head.WriteEndObject();
            head.Flush();
        }

        _output.WriteByte((byte)',');
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _participants.Dispose();
        _malformed.Dispose();
    }
}
