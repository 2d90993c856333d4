using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using InclusionModel.Contract;
using InclusionModel.Privacy;
using InclusionModel.Programs;
using NodaTime;

namespace InclusionModel.Histories;

/// <summary>
/// Reads participant histories from NDJSON lines (docs/interchange-contract.md §1), strictly: a missing required field,
/// a wrong JSON type, a date that is not a real <c>YYYY-MM-DD</c> date, a value outside the listed ones,
/// or a field the contract does not name makes the line malformed, with a located reason.
/// </summary>
/// <remarks>
/// An unknown event <c>type</c> or <c>phase</c> is not malformed: it is kept, and the validator reports it.
/// <c>null</c> for an optional field means the field is absent. A reader reuses buffers and caches
/// repeated strings (program and phase ids), so one instance must not be used from two threads at once;
/// create one per thread.
/// </remarks>
public sealed class HistoryReader
{
    private const int MaxCachedStrings = 4096;
    private const int MaxCachedLength = 64;
    private const int RecentSlots = 64;

    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _stringLookup;
    private readonly ImmutableArray<HistoryEvent>.Builder _events = ImmutableArray.CreateBuilder<HistoryEvent>();
    private readonly (byte[]? Utf8, string Text)[] _recent = new (byte[]?, string)[RecentSlots];
    private readonly HistoryEvent[]?[] _reused = new HistoryEvent[]?[64];

    /// <summary>Creates a reader.</summary>
    /// <param name="programs">
    /// The programs the histories will be validated against (default the built-in catalogue): their
    /// program and phase ids are shared with the histories read, which makes lookups cheaper.
    /// </param>
    public HistoryReader(ProgramSet? programs = null)
    {
        _stringLookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (string name in (programs ?? ProgramCatalogue.BuiltIn).Names)
        {
            _strings.Add(name);
        }
    }

    /// <summary>Reads one line (without its line end) of UTF-8 NDJSON.</summary>
    /// <param name="utf8Line">The line's bytes.</param>
    /// <param name="lineNumber">The 1-based line number, used in the error.</param>
    /// <returns>The history, or the located reason the line is malformed.</returns>
    // The methods a run calls for every line, event or chunk carry AggressiveOptimization, here and on the
    // validation path: a command is a short-lived process, and such a method otherwise spends the run's first
    // second in unoptimised code and is then compiled a second time (issue 11, benchmarks/README.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public HistoryParseResult Read(ReadOnlySpan<byte> utf8Line, long lineNumber)
    {
        if (ReadsCanonicalLinesDirectly && TryReadCanonical(utf8Line, out var canonical))
        {
            return HistoryParseResult.Ok(canonical, lineNumber);
        }

        var reader = new Utf8JsonReader(utf8Line, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 16, AllowMultipleValues = true });
        try
        {
            string? error = ReadRecord(ref reader, out var history);
            return error is null ? HistoryParseResult.Ok(history!, lineNumber) : HistoryParseResult.Fail(error, lineNumber);
        }
        catch (JsonException e)
        {
            return HistoryParseResult.Fail(Texts.Format("reader.not-json", (e.BytePositionInLine ?? reader.BytesConsumed) + 1), lineNumber);
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json reports text it cannot decode (invalid UTF-8, a bad escape) this way.
            return HistoryParseResult.Fail(Texts.Format("reader.not-utf8", reader.BytesConsumed + 1), lineNumber);
        }
    }

    /// <summary>
    /// Reads a line written the way exports and <see cref="HistoryWriter"/> write one — no whitespace, the record's
    /// fields in the contract's order (participant, program, gender, birthDate, educationLevel, events), each
    /// event's <c>on</c> and <c>type</c> first, strings of printable ASCII without escapes, no <c>null</c> — straight
    /// from its bytes, without a general JSON reader. Anything else, and any line it would find malformed, it
    /// leaves to the general reader (<c>false</c>): it accepts only what that reader accepts, and gives the same
    /// history (a differential property checks both on written and damaged lines).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryReadCanonical(ReadOnlySpan<byte> line, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ParticipantHistory? history)
    {
        history = null;
        int at = 0;
        if (!Expect(line, ref at, "{\"participant\":\""u8) || !PlainString(line, ref at, out var participantUtf8)
            || participantUtf8.Length is 0 or > ParticipantHistory.MaxParticipantLength
            || !Expect(line, ref at, ",\"program\":\""u8) || !PlainString(line, ref at, out var programUtf8))
        {
            return false;
        }

        var gender = Gender.Unspecified;
        LocalDate? birthDate = null;
        EducationLevel? education = null;
        if (Expect(line, ref at, ",\"gender\":\""u8) && !(PlainString(line, ref at, out var g) && ContractNames<Gender>.TryParse(g, out gender)))
        {
            return false;
        }

        if (Expect(line, ref at, ",\"birthDate\":\""u8))
        {
            if (!PlainString(line, ref at, out var b) || !IsoDates.TryParse(b, out var born))
            {
                return false;
            }

            birthDate = born;
        }

        if (Expect(line, ref at, ",\"educationLevel\":\""u8))
        {
            if (!PlainString(line, ref at, out var e) || !ContractNames<EducationLevel>.TryParse(e, out var level))
            {
                return false;
            }

            education = level;
        }

        if (!Expect(line, ref at, ",\"events\":["u8))
        {
            return false;
        }

        _events.Clear();
        if (!Expect(line, ref at, "]"u8))
        {
            do
            {
                if (!TryReadCanonicalEvent(line, ref at, out var e))
                {
                    return false;
                }

                _events.Add(e);
            }
            while (Expect(line, ref at, ","u8));

            if (!Expect(line, ref at, "]"u8))
            {
                return false;
            }
        }

        if (!Expect(line, ref at, "}"u8) || at != line.Length)
        {
            return false;
        }

        CachedString(programUtf8, "program", out string? program); // printable ASCII: always a string
        history = ParticipantHistory.CreateTrusted(Encoding.ASCII.GetString(participantUtf8), program!, gender, birthDate, education, TakeEvents());
        return true;
    }

    /// <summary>Whether <see cref="TryReadCanonical"/> reads the line itself (for tests).</summary>
    internal bool TryReadCanonicalForTest(ReadOnlySpan<byte> line) => TryReadCanonical(line, out _);

    /// <summary>One event of a canonical line (see <see cref="TryReadCanonical"/>); <c>false</c> for anything the general reader should judge.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryReadCanonicalEvent(ReadOnlySpan<byte> line, ref int at, out HistoryEvent result)
    {
        result = default;
        if (!Expect(line, ref at, "{\"on\":\""u8) || !PlainString(line, ref at, out var onUtf8) || !IsoDates.TryParse(onUtf8, out var on, out int onDay)
            || !Expect(line, ref at, ",\"type\":\""u8) || !PlainString(line, ref at, out var typeUtf8) || !ContractNames<EventType>.TryParse(typeUtf8, out var type))
        {
            return false;
        }

        var fields = EventFields.On | EventFields.Type;
        ReferralSource? from = null;
        bool? eligible = null, selfSupporting = null;
        string? phase = null;
        int? studyDays = null;
        ReadOnlySpan<byte> rawReason = default;
        int rawReasonLength = -1;
        ActivityKind? kind = null;
        InterviewResult? interviewResult = null;
        Outcome? outcome = null;
        EmploymentForm? employmentForm = null;
        Subsidy? subsidy = null;
        while (Expect(line, ref at, ",\""u8))
        {
            if (!PlainString(line, ref at, out var name) || !Expect(line, ref at, ":"u8))
            {
                return false;
            }

            var field = EventFieldNamed(name);
            if (field == EventFields.None || (fields & field) != 0)
            {
                return false; // an unknown or repeated field (on and type come first): the general reader says which
            }

            fields |= field;
            if (field == EventFields.Reason)
            {
                // Kept raw until the type says whether it is a pause or an exit reason, as ReadEvent keeps it.
                if (!Expect(line, ref at, "\""u8) || !PlainString(line, ref at, out rawReason) || rawReason.Length > 32)
                {
                    return false;
                }

                rawReasonLength = rawReason.Length;
                continue;
            }

            bool ok = field switch
            {
                EventFields.From => Expect(line, ref at, "\""u8) && PlainString(line, ref at, out var v) && ContractNames<ReferralSource>.TryParse(v, out var x) && Set(ref from, x),
                EventFields.Eligible => Boolean(line, ref at, ref eligible),
                EventFields.Phase => Expect(line, ref at, "\""u8) && PlainString(line, ref at, out var v) && CachedString(v, "phase", out phase) is null,
                EventFields.StudyDays => at < line.Length && line[at] is >= (byte)'0' and <= (byte)'5' && Set(ref studyDays, line[at++] - '0'),
                EventFields.Kind => Expect(line, ref at, "\""u8) && PlainString(line, ref at, out var v) && ContractNames<ActivityKind>.TryParse(v, out var x) && Set(ref kind, x),
                EventFields.Result => Expect(line, ref at, "\""u8) && PlainString(line, ref at, out var v) && ContractNames<InterviewResult>.TryParse(v, out var x) && Set(ref interviewResult, x),
                EventFields.Outcome => Expect(line, ref at, "\""u8) && PlainString(line, ref at, out var v) && ContractNames<Outcome>.TryParse(v, out var x) && Set(ref outcome, x),
                EventFields.EmploymentForm => Expect(line, ref at, "\""u8) && PlainString(line, ref at, out var v) && ContractNames<EmploymentForm>.TryParse(v, out var x) && Set(ref employmentForm, x),
                EventFields.Subsidy => Expect(line, ref at, "\""u8) && PlainString(line, ref at, out var v) && ContractNames<Subsidy>.TryParse(v, out var x) && Set(ref subsidy, x),
                EventFields.SelfSupporting => Boolean(line, ref at, ref selfSupporting),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        return Expect(line, ref at, "}"u8)
            && BuildEvent(fields, on, onDay, ContractNames<EventType>.Name(type), type, from, eligible, phase, studyDays, rawReason, rawReasonLength, kind, interviewResult, outcome, employmentForm, subsidy, selfSupporting, out result) is null;
    }

    private static bool Set<T>(ref T? target, T value)
        where T : struct
    {
        target = value;
        return true;
    }

    private static bool Boolean(ReadOnlySpan<byte> line, scoped ref int at, ref bool? target)
    {
        if (Expect(line, ref at, "true"u8))
        {
            target = true;
            return true;
        }

        if (Expect(line, ref at, "false"u8))
        {
            target = false;
            return true;
        }

        return false;
    }

    /// <summary>Moves past <paramref name="expected"/> when the line continues with exactly it.</summary>
    private static bool Expect(ReadOnlySpan<byte> line, scoped ref int at, scoped ReadOnlySpan<byte> expected)
    {
        if (line[at..].StartsWith(expected))
        {
            at += expected.Length;
            return true;
        }

        return false;
    }

    /// <summary>
    /// The rest of a string whose opening quote has been read, up to its closing quote, when every byte between
    /// is printable ASCII other than the quote and the backslash (nothing to unescape, nothing to decode).
    /// </summary>
    private static bool PlainString(ReadOnlySpan<byte> line, scoped ref int at, out ReadOnlySpan<byte> value)
    {
        var rest = line[at..];
        int end = rest.IndexOfAnyExcept(PlainStringBytes);
        if (end < 0 || rest[end] != (byte)'"')
        {
            value = default;
            return false;
        }

        value = rest[..end];
        at += end + 1;
        return true;
    }

    private static readonly SearchValues<byte> PlainStringBytes = SearchValues.Create(
        [.. Enumerable.Range(0x20, 0x7F - 0x20).Select(b => (byte)b).Where(b => b is not ((byte)'"' or (byte)'\\'))]);

    /// <summary>
    /// A program, phase or type id from its unescaped UTF-8, through the reader's caches: the ids repeat from line
    /// to line, so most are found by their bytes without decoding them. Or the reason the bytes are not UTF-8.
    /// </summary>
    private string? CachedString(ReadOnlySpan<byte> utf8, string name, out string? value)
    {
        ref var slot = ref _recent[utf8.IsEmpty ? 0 : (utf8.Length + (utf8[^1] * 7) + (utf8[utf8.Length / 2] * 31)) & (RecentSlots - 1)];
        if (slot.Utf8 is { } known && utf8.SequenceEqual(known))
        {
            value = slot.Text;
            return null;
        }

        string? error = ReadCachedString(utf8, name, out value);
        if (value is not null && utf8.Length <= MaxCachedLength)
        {
            slot = (utf8.ToArray(), value);
        }

        return error;
    }

    /// <summary>
    /// Finds a record's <c>program</c> without reading the rest of the line where the field comes early
    /// (as exports write it): for a first pass that only needs the records of some programs.
    /// </summary>
    /// <param name="utf8Line">The line's bytes.</param>
    /// <param name="programId">The program id, when the line is an object with a string <c>program</c>.</param>
    /// <returns><c>true</c> when the program id was found; <c>false</c> for any line that is not so shaped.</returns>
    internal bool TryPeekProgram(ReadOnlySpan<byte> utf8Line, out string? programId)
    {
        programId = null;
        var reader = new Utf8JsonReader(utf8Line, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 16 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isProgram = !reader.ValueIsEscaped && reader.ValueSpan.SequenceEqual("program"u8);
                reader.Read();
                if (isProgram)
                {
                    return reader.TokenType == JsonTokenType.String && ReadString(ref reader, "program", out programId, cache: true) is null;
                }

                reader.Skip();
            }

            return false;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// Finds a record's <c>program</c> and <c>participant</c>, stopping as soon as both are read, and gives the
    /// 128-bit fingerprint of the pair (of their unescaped text) that <c>duplicate-participant</c>
    /// compares across a run without holding the ids.
    /// </summary>
    /// <param name="utf8Line">The line's bytes.</param>
    /// <param name="programId">The program id, when found as a string.</param>
    /// <param name="key">The fingerprint, when both ids were found as strings.</param>
    /// <returns><c>true</c> when the program id was found.</returns>
    internal bool TryPeekIds(ReadOnlySpan<byte> utf8Line, out string? programId, out UInt128? key)
    {
        programId = null;
        key = null;
        var reader = new Utf8JsonReader(utf8Line, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 16 });
        byte[]? rented = null;
        Span<byte> participant = stackalloc byte[256];
        int participantLength = -1;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isProgram = !reader.ValueIsEscaped && reader.ValueSpan.SequenceEqual("program"u8);
                bool isParticipant = !isProgram && !reader.ValueIsEscaped && reader.ValueSpan.SequenceEqual("participant"u8);
                reader.Read();
                if (isProgram && programId is null)
                {
                    if (reader.TokenType != JsonTokenType.String || ReadString(ref reader, "program", out programId, cache: true) is not null)
                    {
                        programId = null;
                        return false;
                    }
                }
                else if (isParticipant && participantLength < 0 && reader.TokenType == JsonTokenType.String)
                {
                    int needed = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
                    if (needed > participant.Length)
                    {
                        rented = ArrayPool<byte>.Shared.Rent(needed);
                        participant = rented;
                    }

                    participantLength = reader.CopyString(participant);
                }
                else
                {
                    reader.Skip();
                }

                if (programId is not null && participantLength >= 0)
                {
                    break;
                }
            }

            if (programId is not null && participantLength >= 0)
            {
                key = DuplicateKey(participant[..participantLength], programId);
            }

            return programId is not null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Found as TryPeekProgram finds it, whatever follows: every reading of the line must agree on it.
            key = null;
            return programId is not null;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The fingerprint of a record's participant and program that <c>duplicate-participant</c> compares.</summary>
    /// <param name="history">The record.</param>
    /// <returns>The same fingerprint <see cref="TryPeekIds"/> gives for the record's line.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static UInt128 DuplicateKey(ParticipantHistory history)
    {
        // Participant ids are at most 64 characters: their UTF-8 fits on the stack.
        Span<byte> participant = stackalloc byte[Encoding.UTF8.GetMaxByteCount(ParticipantHistory.MaxParticipantLength)];
        int length = Encoding.UTF8.GetBytes(history.Participant, participant);
        return DuplicateKey(participant[..length], history.Program);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static UInt128 DuplicateKey(ReadOnlySpan<byte> participantUtf8, string program)
    {
        // One-shot hashing of participant, 0xFF (never a byte of UTF-8 text, so the parts cannot run into
        // each other) and the program id: no hasher object per record.
        var programBytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(program.AsSpan());
        int length = participantUtf8.Length + 1 + programBytes.Length;
        byte[]? rented = length > 512 ? ArrayPool<byte>.Shared.Rent(length) : null;
        Span<byte> pair = rented ?? stackalloc byte[512];
        participantUtf8.CopyTo(pair);
        pair[participantUtf8.Length] = 0xFF;
        programBytes.CopyTo(pair[(participantUtf8.Length + 1)..]);
        var key = System.IO.Hashing.XxHash128.HashToUInt128(pair[..length]);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return key;
    }

    /// <summary>Reads one line of NDJSON text.</summary>
    /// <param name="line">The line.</param>
    /// <param name="lineNumber">The 1-based line number, used in the error.</param>
    /// <returns>The history, or the located reason the line is malformed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="line"/> is null.</exception>
    public HistoryParseResult Read(string line, long lineNumber = 1)
        => Read(Encoding.UTF8.GetBytes(Preconditions.CheckNotNull(line)), lineNumber);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string? ReadRecord(ref Utf8JsonReader reader, out ParticipantHistory? history)
    {
        history = null;
        if (!reader.Read())
        {
            return Texts.Get("reader.empty");
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return Texts.Format("reader.not-object", Describe(reader.TokenType));
        }

        string? participant = null, program = null;
        Gender gender = Gender.Unspecified;
        LocalDate? birthDate = null;
        EducationLevel? education = null;
        var seen = RecordFields.None;
        _events.Clear();

        while (true)
        {
            reader.Read();
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            RecordFields field = RecordField(ref reader);
            if (field == RecordFields.None)
            {
                string unknown = PropertyName(ref reader);
                return Texts.Format("reader.not-record-field", PersonalIdentityNumbers.SafeToQuote(unknown));
            }

            if ((seen & field) != 0)
            {
                return Texts.Format("reader.repeated-field", RecordFieldName(field));
            }

            seen |= field;
            reader.Read();
            string? error;
            switch (field)
            {
                case RecordFields.Participant:
                    error = ReadRequiredString(ref reader, "participant", out participant, cache: false);
                    if (error is null && participant!.Length is 0 or > ParticipantHistory.MaxParticipantLength)
                    {
                        error = Texts.Format("reader.participant-length", ParticipantHistory.MaxParticipantLength, participant.Length);
                    }

                    break;
                case RecordFields.Program:
                    error = ReadRequiredString(ref reader, "program", out program, cache: true);
                    break;
                case RecordFields.Gender:
                    error = ReadOptionalEnum(ref reader, "gender", out Gender? g);
                    gender = g ?? Gender.Unspecified;
                    break;
                case RecordFields.BirthDate:
                    error = ReadOptionalDate(ref reader, "birthDate", out birthDate);
                    break;
                case RecordFields.EducationLevel:
                    error = ReadOptionalEnum(ref reader, "educationLevel", out education);
                    break;
                default:
                    error = ReadEvents(ref reader);
                    break;
            }

            if (error is not null)
            {
                return error;
            }
        }

        if (reader.Read())
        {
            return Texts.Get("reader.trailing-text");
        }

        string? missing = participant is null ? "participant" : program is null ? "program" : (seen & RecordFields.Events) == 0 ? "events" : null;
        if (missing is not null)
        {
            return Texts.Format("reader.missing-field", missing);
        }

        // An id that looks like a personal identity number is kept: the validator reports it as
        // pii-in-identifier without ever repeating it.
        history = ParticipantHistory.CreateTrusted(participant!, program!, gender, birthDate, education, TakeEvents());
        return null;
    }

    /// <summary>
    /// Whether a line written the canonical way is read straight from its bytes (see <see cref="TryReadCanonical"/>);
    /// default <c>true</c>. Tests turn it off to compare the two ways of reading.
    /// </summary>
    internal bool ReadsCanonicalLinesDirectly { get; init; } = true;

    /// <summary>
    /// Whether a history's events are copied into an array that the next read of the same length reuses:
    /// for a caller that is done with each history before it reads the next line (a run that validates each
    /// record at once), so that a record costs no event array. Default <c>false</c>: every history keeps its own.
    /// </summary>
    internal bool ReusesEventArrays { get; init; }

    private ImmutableArray<HistoryEvent> TakeEvents()
    {
        int count = _events.Count;
        if (!ReusesEventArrays || count == 0 || count >= _reused.Length)
        {
            return _events.ToImmutable();
        }

        var array = _reused[count] ??= new HistoryEvent[count];
        _events.CopyTo(array);
        return ImmutableCollectionsMarshal.AsImmutableArray(array);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string? ReadEvents(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return Texts.Format("reader.events-not-array", Describe(reader.TokenType));
        }

        int index = 0;
        while (true)
        {
            reader.Read();
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return null;
            }

            string? error = ReadEvent(ref reader, out var e);
            if (error is not null)
            {
                return error.StartsWith(NotADate, StringComparison.Ordinal) // the event's date: said with its path, events[0].on
                    ? Texts.Format("reader.event-not-date", index.ToString(CultureInfo.InvariantCulture), "on", error[NotADate.Length..])
                    : Texts.Format("reader.event-at", index.ToString(CultureInfo.InvariantCulture), error); // a JSON index, never grouped
            }

            _events.Add(e);
            index++;
        }
    }

    [Flags]
    private enum RecordFields
    {
        None = 0, Participant = 1, Program = 2, Gender = 4, BirthDate = 8, EducationLevel = 16, Events = 32,
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static RecordFields RecordField(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped)
        {
            return reader.GetString() switch
            {
                "participant" => RecordFields.Participant, "program" => RecordFields.Program, "gender" => RecordFields.Gender,
                "birthDate" => RecordFields.BirthDate, "educationLevel" => RecordFields.EducationLevel, "events" => RecordFields.Events,
                _ => RecordFields.None,
            };
        }

        return reader.ValueSpan switch
        {
            var s when s.SequenceEqual("participant"u8) => RecordFields.Participant,
            var s when s.SequenceEqual("program"u8) => RecordFields.Program,
            var s when s.SequenceEqual("events"u8) => RecordFields.Events,
            var s when s.SequenceEqual("gender"u8) => RecordFields.Gender,
            var s when s.SequenceEqual("birthDate"u8) => RecordFields.BirthDate,
            var s when s.SequenceEqual("educationLevel"u8) => RecordFields.EducationLevel,
            _ => RecordFields.None,
        };
    }

    private static string RecordFieldName(RecordFields field) => field switch
    {
        RecordFields.Participant => "participant", RecordFields.Program => "program", RecordFields.Gender => "gender",
        RecordFields.BirthDate => "birthDate", RecordFields.EducationLevel => "educationLevel", _ => "events",
    };

    [Flags]
    private enum EventFields
    {
        None = 0, On = 1, Type = 2, From = 4, Eligible = 8, Phase = 16, StudyDays = 32, Reason = 64, Kind = 128,
        Result = 256, Outcome = 512, EmploymentForm = 1024, Subsidy = 2048, SelfSupporting = 4096,
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string? ReadEvent(ref Utf8JsonReader reader, out HistoryEvent result)
    {
        result = default;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return Texts.Format("reader.event-not-object", Describe(reader.TokenType));
        }

        var fields = EventFields.None;
        LocalDate on = default;
        int onDay = 0;
        string? typeName = null, phase = null;
        EventType? type = null;
        bool? eligible = null;
        int? studyDays = null;
        ReferralSource? from = null;
        ActivityKind? kind = null;
        InterviewResult? interviewResult = null;
        Outcome? outcome = null;
        EmploymentForm? employmentForm = null;
        Subsidy? subsidy = null;
        bool? selfSupporting = null;
        string? error = null;
        ReadOnlySpan<byte> rawReason = default; // a slice of the line itself: the reader reads one span
        int rawReasonLength = -1;

        while (true)
        {
            reader.Read();
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            EventFields field = EventField(ref reader);
            if (field == EventFields.None)
            {
                string unknown = PropertyName(ref reader);
                return Texts.Format("reader.not-event-field", PersonalIdentityNumbers.SafeToQuote(unknown));
            }

            if ((fields & field) != 0)
            {
                return Texts.Format("reader.repeated-field", FieldName(field));
            }

            fields |= field;
            reader.Read();
            bool isNull = reader.TokenType == JsonTokenType.Null;
            switch (field)
            {
                case EventFields.On:
                    error = ReadDate(ref reader, "on", out on, out onDay);
                    if (error is not null && reader.TokenType == JsonTokenType.String)
                    {
                        error = NotADate + Quote(ref reader); // ReadEvents says it with the event's index
                    }

                    break;
                case EventFields.Type:
                    if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && ContractNames<EventType>.TryParse(reader.ValueSpan, out var known))
                    {
                        (type, typeName) = (known, ContractNames<EventType>.Name(known));
                        break;
                    }

                    error = ReadRequiredString(ref reader, "type", out typeName, cache: true);
                    if (error is null && ContractNames<EventType>.TryParse(typeName.AsSpan(), out var t))
                    {
                        type = t;
                    }

                    break;
                case EventFields.From:
                    error = ReadOptionalEnum(ref reader, "from", out from);
                    break;
                case EventFields.Eligible:
                    error = ReadOptionalBool(ref reader, "eligible", out eligible);
                    break;
                case EventFields.Phase:
                    error = ReadRequiredString(ref reader, "phase", out phase, cache: true);
                    break;
                case EventFields.StudyDays:
                    if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int days) && days is >= 0 and <= 5)
                    {
                        studyDays = days;
                    }
                    else if (!isNull)
                    {
                        error = reader.TokenType == JsonTokenType.Number
                            ? Texts.Format("reader.study-days-whole", Quote(ref reader))
                            : Texts.Format("reader.study-days-number", Describe(reader.TokenType));
                    }

                    break;
                case EventFields.Reason:
                    // 'reason' means a pause reason on 'paused' and an exit reason on 'exited': keep it raw until the type is known.
                    if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && !reader.HasValueSequence && reader.ValueSpan.Length <= 32)
                    {
                        rawReason = reader.ValueSpan;
                        rawReasonLength = rawReason.Length;
                    }
                    else if (reader.TokenType == JsonTokenType.String)
                    {
                        rawReasonLength = -2; // too long or escaped: never a listed value
                    }
                    else if (!isNull)
                    {
                        error = Texts.Format("reader.reason-not-string", Describe(reader.TokenType));
                    }
                    else
                    {
                        fields &= ~EventFields.Reason;
                    }

                    break;
                case EventFields.Kind:
                    error = ReadOptionalEnum(ref reader, "kind", out kind);
                    break;
                case EventFields.Result:
                    error = ReadOptionalEnum(ref reader, "result", out interviewResult);
                    break;
                case EventFields.Outcome:
                    error = ReadOptionalEnum(ref reader, "outcome", out outcome);
                    break;
                case EventFields.EmploymentForm:
                    error = ReadOptionalEnum(ref reader, "employmentForm", out employmentForm);
                    break;
                case EventFields.Subsidy:
                    error = ReadOptionalEnum(ref reader, "subsidy", out subsidy);
                    break;
                case EventFields.SelfSupporting:
                    error = ReadOptionalBool(ref reader, "selfSupporting", out selfSupporting);
                    break;
            }

            if (error is not null)
            {
                return error;
            }

            if (isNull && field is not (EventFields.On or EventFields.Type or EventFields.Reason))
            {
                fields &= ~field; // null stands for an absent optional field
            }
        }

        return BuildEvent(fields, on, onDay, typeName, type, from, eligible, phase, studyDays, rawReason, rawReasonLength, kind, interviewResult, outcome, employmentForm, subsidy, selfSupporting, out result);
    }

    /// <summary>
    /// An event from its fields as read (by <see cref="ReadEvent"/> or the canonical fast path): the checks of
    /// the contract that span fields (required, allowed, listed reasons), then the event; or the reason it is malformed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string? BuildEvent(
        EventFields fields,
        LocalDate on,
        int onDay,
        string? typeName,
        EventType? type,
        ReferralSource? from,
        bool? eligible,
        string? phase,
        int? studyDays,
        ReadOnlySpan<byte> rawReason,
        int rawReasonLength,
        ActivityKind? kind,
        InterviewResult? interviewResult,
        Outcome? outcome,
        EmploymentForm? employmentForm,
        Subsidy? subsidy,
        bool? selfSupporting,
        out HistoryEvent result)
    {
        result = default;
        bool reasonIsPause;
        PauseReason? pauseReason = null;
        ExitReason? exitReason = null;
        if ((fields & EventFields.On) == 0)
        {
            return Texts.Format("reader.missing-field", "on");
        }

        if (typeName is null)
        {
            return Texts.Format("reader.missing-field", "type");
        }

        // Which extra fields each type names (docs/interchange-contract.md §1); an unknown type may carry any of them.
        var allowed = type switch
        {
            EventType.Referred => EventFields.From,
            EventType.Assessed => EventFields.Eligible,
            EventType.PhaseStarted => EventFields.Phase | EventFields.StudyDays,
            EventType.Paused => EventFields.Reason,
            EventType.Activity => EventFields.Kind | EventFields.Result,
            EventType.Exited => EventFields.Reason | EventFields.Outcome | EventFields.EmploymentForm | EventFields.Subsidy | EventFields.SelfSupporting,
            EventType.FollowedUp => EventFields.Outcome | EventFields.EmploymentForm | EventFields.Subsidy | EventFields.SelfSupporting,
            null => ~EventFields.None,
            _ => EventFields.None,
        } | EventFields.On | EventFields.Type;

        var extra = fields & ~allowed;
        if (extra != 0)
        {
            return Texts.Format("reader.field-not-allowed", FieldName(LowestFlag(extra)), typeName);
        }

        if (rawReasonLength != -1)
        {
            ReadOnlySpan<byte> raw = rawReasonLength >= 0 ? rawReason[..rawReasonLength] : default;
            reasonIsPause = type == EventType.Paused;
            bool known = false;
            if (rawReasonLength >= 0 && reasonIsPause && ContractNames<PauseReason>.TryParse(raw, out var pr))
            {
                (pauseReason, known) = (pr, true);
            }
            else if (rawReasonLength >= 0 && !reasonIsPause && ContractNames<ExitReason>.TryParse(raw, out var xr))
            {
                (exitReason, known) = (xr, true);
            }
            else if (rawReasonLength >= 0 && type is null && ContractNames<PauseReason>.TryParse(raw, out _))
            {
                known = true; // an unknown event type may carry either kind of reason
            }

            if (!known)
            {
                string listed = string.Join(", ", reasonIsPause ? ContractNames<PauseReason>.All : ContractNames<ExitReason>.All);
                string shown = rawReasonLength >= 0 ? PersonalIdentityNumbers.SafeToQuote(Encoding.UTF8.GetString(raw)) : Texts.Get("reader.long-value");
                return Texts.Format("reader.reason-not-listed", listed, shown);
            }
        }

        // Each type's rules as its factory has them (HistoryEvent.Referred, …), the event built in one step:
        // the fields a type does not name were refused above, and an unknown type keeps none of them.
        var trigger = HistoryEvent.NoTrigger;
        bool lacksOutcome = false;
        switch (type)
        {
            case EventType.Referred:
                trigger = TriggerKind.Referred;
                break;
            case EventType.Assessed:
                if (eligible is not { } isEligible)
                {
                    return Texts.Get("reader.needs-eligible");
                }

                trigger = isEligible ? TriggerKind.AssessedEligible : TriggerKind.AssessedIneligible;
                break;
            case EventType.Waitlisted:
                trigger = TriggerKind.Waitlisted;
                break;
            case EventType.Enrolled:
                trigger = TriggerKind.Enrolled;
                break;
            case EventType.PhaseStarted:
                if (phase is null)
                {
                    return Texts.Get("reader.needs-phase");
                }

                trigger = TriggerKind.PhaseStarted;
                break;
            case EventType.Paused:
                trigger = TriggerKind.Paused;
                break;
            case EventType.Resumed:
                trigger = TriggerKind.Resumed;
                break;
            case EventType.Activity:
                if (kind is not { } activityKind)
                {
                    return Texts.Get("reader.needs-kind");
                }

                if (interviewResult is not null && activityKind != ActivityKind.JobInterview)
                {
                    return Texts.Get("reader.result-only-interview");
                }

                trigger = TriggerKind.Activity;
                break;
            case EventType.Exited:
                if (exitReason is not { } reason)
                {
                    return Texts.Get("reader.needs-reason");
                }

                if (employmentForm is not null && outcome != Outcome.Work)
                {
                    return Texts.Get("reader.form-only-work");
                }

                if (subsidy is not null && employmentForm != EmploymentForm.Subsidised)
                {
                    return Texts.Get("reader.subsidy-only-subsidised");
                }

                trigger = reason == ExitReason.Completed ? TriggerKind.ExitedCompleted : TriggerKind.Exited;
                lacksOutcome = outcome is null && reason is ExitReason.Completed or ExitReason.EarlyExit;
                break;
            case EventType.FollowedUp:
                if (outcome is not { } followUpOutcome)
                {
                    return Texts.Get("reader.needs-outcome");
                }

                if (employmentForm is not null && followUpOutcome != Outcome.Work)
                {
                    return Texts.Get("reader.form-only-work");
                }

                if (subsidy is not null && employmentForm != EmploymentForm.Subsidised)
                {
                    return Texts.Get("reader.subsidy-only-subsidised");
                }

                trigger = TriggerKind.FollowedUp;
                break;
        }

        result = type is null
            ? HistoryEvent.Unrecognised(on, typeName)
            : new HistoryEvent(on, onDay, type, typeName, trigger, lacksOutcome, from, eligible, phase, studyDays, pauseReason, kind, interviewResult, exitReason, outcome, employmentForm, subsidy, selfSupporting);
        return null;
    }

    /// <summary>Reads <c>true</c>, <c>false</c> or <c>null</c> (absent); anything else is the located reason.</summary>
    private static string? ReadOptionalBool(ref Utf8JsonReader reader, string name, out bool? value)
    {
        value = reader.TokenType is JsonTokenType.True or JsonTokenType.False ? reader.GetBoolean() : null;
        return value is not null || reader.TokenType == JsonTokenType.Null ? null : Texts.Format("reader.not-bool", name, Describe(reader.TokenType));
    }

    private static EventFields LowestFlag(EventFields flags) => (EventFields)((int)flags & -(int)flags);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static EventFields EventField(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped)
        {
            return reader.GetString() switch
            {
                "on" => EventFields.On, "type" => EventFields.Type, "from" => EventFields.From, "eligible" => EventFields.Eligible,
                "phase" => EventFields.Phase, "studyDaysPerWeek" => EventFields.StudyDays, "reason" => EventFields.Reason,
                "kind" => EventFields.Kind, "result" => EventFields.Result, "outcome" => EventFields.Outcome,
                "employmentForm" => EventFields.EmploymentForm, "subsidy" => EventFields.Subsidy, "selfSupporting" => EventFields.SelfSupporting,
                _ => EventFields.None,
            };
        }

        return EventFieldNamed(reader.ValueSpan);
    }

    /// <summary>The event field an unescaped name names; by length first, so that most are settled by one comparison.</summary>
    private static EventFields EventFieldNamed(ReadOnlySpan<byte> name)
    {
        return name.Length switch
        {
            2 when name.SequenceEqual("on"u8) => EventFields.On,
            4 when name.SequenceEqual("type"u8) => EventFields.Type,
            4 when name.SequenceEqual("from"u8) => EventFields.From,
            4 when name.SequenceEqual("kind"u8) => EventFields.Kind,
            5 when name.SequenceEqual("phase"u8) => EventFields.Phase,
            6 when name.SequenceEqual("reason"u8) => EventFields.Reason,
            6 when name.SequenceEqual("result"u8) => EventFields.Result,
            7 when name.SequenceEqual("outcome"u8) => EventFields.Outcome,
            7 when name.SequenceEqual("subsidy"u8) => EventFields.Subsidy,
            8 when name.SequenceEqual("eligible"u8) => EventFields.Eligible,
            14 when name.SequenceEqual("employmentForm"u8) => EventFields.EmploymentForm,
            14 when name.SequenceEqual("selfSupporting"u8) => EventFields.SelfSupporting,
            16 when name.SequenceEqual("studyDaysPerWeek"u8) => EventFields.StudyDays,
            _ => EventFields.None,
        };
    }

    private static string FieldName(EventFields field) => field switch
    {
        EventFields.On => "on", EventFields.Type => "type", EventFields.From => "from", EventFields.Eligible => "eligible",
        EventFields.Phase => "phase", EventFields.StudyDays => "studyDaysPerWeek", EventFields.Reason => "reason",
        EventFields.Kind => "kind", EventFields.Result => "result", EventFields.Outcome => "outcome",
        EventFields.EmploymentForm => "employmentForm", EventFields.Subsidy => "subsidy", EventFields.SelfSupporting => "selfSupporting",
        _ => field.ToString(),
    };

    private static string PropertyName(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new JsonException("invalid UTF-8 in a field name", null, 0, reader.BytesConsumed);
        }
    }

    private string? ReadRequiredString(ref Utf8JsonReader reader, string name, out string? value, bool cache)
    {
        value = null;
        if (reader.TokenType != JsonTokenType.String)
        {
            return reader.TokenType == JsonTokenType.Null
                ? Texts.Format("reader.required-null", name)
                : Texts.Format("reader.not-string", name, Describe(reader.TokenType));
        }

        return ReadString(ref reader, name, out value, cache);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string? ReadString(ref Utf8JsonReader reader, string name, out string? value, bool cache)
    {
        value = null;
        if (cache && !reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            return CachedString(reader.ValueSpan, name, out value);
        }

        try
        {
            value = reader.GetString();
            return null;
        }
        catch (InvalidOperationException)
        {
            return Texts.Format("reader.field-not-utf8", name);
        }
    }

    private string? ReadCachedString(ReadOnlySpan<byte> utf8, string name, out string? value)
    {
        value = null;
        if (utf8.Length <= MaxCachedLength)
        {
            Span<char> chars = stackalloc char[MaxCachedLength];
            if (Utf8.ToUtf16(utf8, chars, out _, out int written, replaceInvalidSequences: false) != OperationStatus.Done)
            {
                return Texts.Format("reader.field-not-utf8", name);
            }

            var span = chars[..written];
            if (_stringLookup.TryGetValue(span, out value))
            {
                return null;
            }

            value = span.ToString();
            if (_strings.Count < MaxCachedStrings)
            {
                _strings.Add(value);
            }

            return null;
        }

        if (!Utf8.IsValid(utf8))
        {
            return Texts.Format("reader.field-not-utf8", name);
        }

        value = Encoding.UTF8.GetString(utf8);
        return null;
    }

    private static string? ReadDate(ref Utf8JsonReader reader, string name, out LocalDate date) => ReadDate(ref reader, name, out date, out _);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string? ReadDate(ref Utf8JsonReader reader, string name, out LocalDate date, out int dayNumber)
    {
        date = default;
        dayNumber = 0;
        if (reader.TokenType != JsonTokenType.String)
        {
            return Texts.Format("reader.date-not-string", name, Describe(reader.TokenType));
        }

        if (!reader.ValueIsEscaped && IsoDates.TryParse(reader.ValueSpan, out date, out dayNumber))
        {
            return null;
        }

        return Texts.Format("reader.not-date", name, Quote(ref reader));
    }

    /// <summary>Marks an event's date that is no date, with the value after it, for <see cref="ReadEvents"/> to say with its path.</summary>
    private const string NotADate = "\u0001";

    private static string? ReadOptionalDate(ref Utf8JsonReader reader, string name, out LocalDate? date)
    {
        date = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        string? error = ReadDate(ref reader, name, out var value);
        date = error is null ? value : null;
        return error;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string? ReadOptionalEnum<T>(ref Utf8JsonReader reader, string name, out T? value)
        where T : struct, Enum
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            return Texts.Format("reader.not-string", name, Describe(reader.TokenType));
        }

        if (!reader.ValueIsEscaped && ContractNames<T>.TryParse(reader.ValueSpan, out T parsed))
        {
            value = parsed;
            return null;
        }

        return Texts.Format("reader.not-listed", name, string.Join(", ", ContractNames<T>.All), Quote(ref reader));
    }

    private static string Quote(ref Utf8JsonReader reader)
    {
        try
        {
            string text = reader.TokenType == JsonTokenType.String ? reader.GetString()! : Encoding.UTF8.GetString(reader.ValueSpan);
            return PersonalIdentityNumbers.SafeToQuote(text);
        }
        catch (InvalidOperationException)
        {
            return Texts.Get("reader.value-not-utf8");
        }
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => Texts.Get("json.object"),
        JsonTokenType.StartArray => Texts.Get("json.array"),
        JsonTokenType.String => Texts.Get("json.string"),
        JsonTokenType.Number => Texts.Get("json.number"),
        JsonTokenType.True or JsonTokenType.False => Texts.Get("json.boolean"),
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
