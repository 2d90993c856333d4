using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text;
using InclusionModel.Contract;
using InclusionModel.IO;
using InclusionModel.Lifecycle;
using InclusionModel.Programs;
using InclusionModel.Reports;
using InclusionModel.Validation;
using NodaTime;

namespace InclusionModel.Runs;

/// <summary>
/// The outcome of every line of a run's one reading of its input — a verdict (with the applied enrolments
/// of a record of a program with places) or the reason the line is malformed — kept chunk by chunk, each
/// chunk's in line order, in a <see cref="Spool"/> (memory, then a temporary file). Once the run's capacity
/// plan and duplicates are known, each chunk is read back, the records of programs with places gain
/// <c>capacity-exceeded</c> where the plan says so, and no line is read or parsed twice.
/// </summary>
internal sealed class VerdictSpool : IDisposable
{
    private readonly Spool _spool = new();
    private readonly List<(long Offset, int Length)> _chunks = [];

    /// <summary>How many chunks have been kept.</summary>
    internal int Count => _chunks.Count;

    /// <summary>Keeps the outcomes of the next chunk of lines, written by a <see cref="ChunkWriter"/>; chunks come in order.</summary>
    internal void Append(ChunkWriter outcomes)
    {
        var bytes = outcomes.WrittenSpan;
        _chunks.Add((_spool.Length, bytes.Length));
        _spool.Write(bytes);
    }

    /// <summary>Reads back the outcomes kept for chunk <paramref name="chunk"/>, completed with the run's capacity verdicts.</summary>
    internal Reader OpenChunk(int chunk, ProgramSet programs, CapacityPlan plan, LocalDate asOf)
    {
        var (offset, length) = _chunks[chunk];
        var bytes = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        try
        {
            _spool.ReadAt(offset, bytes.AsSpan(0, length));
            return new Reader(bytes, length, programs, plan, asOf);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(bytes);
            throw;
        }
    }

    public void Dispose() => _spool.Dispose();

    /// <summary>Writes one chunk's outcomes, on the worker thread that validated them.</summary>
    internal sealed class ChunkWriter : IDisposable
    {
        private readonly PooledBufferWriter _bytes = new(256 * 1024); // a chunk of a megabyte keeps about 150 kB: no regrowth

        /// <summary>Everything written so far.</summary>
        internal ReadOnlySpan<byte> WrittenSpan => _bytes.WrittenSpan;

        /// <summary>Keeps a well-formed record's verdict and, for a program with places, the keys of its applied enrolments.</summary>
        /// <param name="line">The line number.</param>
        /// <param name="program">The record's program, or <c>null</c> when the run does not know it.</param>
        /// <param name="programId">The record's program id.</param>
        /// <param name="participant">The participant id, or <c>null</c> when it is withheld (<c>pii-in-identifier</c>).</param>
        /// <param name="status">Where the replay left the participant (not read when the program is unknown).</param>
        /// <param name="violations">The violations found, without places.</param>
        /// <param name="enrolments">The applied enrolments whose places the run's plan decides; <c>null</c> for none.</param>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        internal void Write(long line, ProgramDefinition? program, string programId, string? participant, ParticipantStatus status, List<Violation> violations, List<EnrolmentKey>? enrolments)
        {
            WriteInt64(line);
            WriteByte(program is null ? (byte)Kind.UnknownProgram : (byte)Kind.Verdict);
            WriteString(participant);
            WriteString(programId);
            if (program is not null)
            {
                WriteInt32(program.Lifecycle.StateIndex(status.State));
                WriteDate(status.PhaseStartedOn);
                WriteInt32(status.PausedDays);
                WriteDate(status.PausedOn);
            }

            WriteInt32(violations.Count);
            foreach (var v in violations)
            {
                WriteByte((byte)v.Rule);
                WriteInt32(v.EventIndex ?? -1);
                WriteDate(v.On);
                WriteString(v.Message);
            }

            int count = enrolments?.Count ?? 0;
            WriteInt32(count);
            for (int i = 0; i < count; i++)
            {
                WriteInt32(enrolments![i].EventIndex);
                WriteDate(enrolments[i].On);
            }
        }

        /// <summary>Keeps the reason a line is malformed.</summary>
        internal void WriteMalformed(long line, string reason)
        {
            WriteInt64(line);
            WriteByte((byte)Kind.Malformed);
            WriteString(reason);
        }

        public void Dispose() => _bytes.Dispose();

        private void WriteByte(byte value)
        {
            _bytes.GetSpan(1)[0] = value;
            _bytes.Advance(1);
        }

        private void WriteInt32(int value)
        {
            BinaryPrimitives.WriteInt32LittleEndian(_bytes.GetSpan(4), value);
            _bytes.Advance(4);
        }

        private void WriteInt64(long value)
        {
            BinaryPrimitives.WriteInt64LittleEndian(_bytes.GetSpan(8), value);
            _bytes.Advance(8);
        }

        /// <summary>A string as its UTF-16 length (-1 for <c>null</c>) and its UTF-8 bytes' length, then the bytes.</summary>
        private void WriteString(string? text)
        {
            if (text is null)
            {
                WriteInt32(-1);
                return;
            }

            int max = Encoding.UTF8.GetMaxByteCount(text.Length);
            var span = _bytes.GetSpan(8 + max);
            int written = Encoding.UTF8.GetBytes(text, span[8..]);
            BinaryPrimitives.WriteInt32LittleEndian(span, text.Length);
            BinaryPrimitives.WriteInt32LittleEndian(span[4..], written);
            _bytes.Advance(8 + written);
        }

        /// <summary>A date as its day number, or <see cref="int.MinValue"/> for none.</summary>
        private void WriteDate(LocalDate? date)
            => WriteInt32(date is { } d ? IsoDates.DayNumber(d) : int.MinValue);
    }

    private enum Kind : byte
    {
        Malformed,
        Verdict,
        UnknownProgram,
    }

    /// <summary>Reads one chunk's outcomes back, in line order, completed with the run's capacity verdicts.</summary>
    internal sealed class Reader : IDisposable
    {
        private readonly ProgramSet _programs;
        private readonly CapacityPlan _plan;
        private readonly LocalDate _asOf;
        private readonly int _length;
        private byte[]? _bytes;
        private int _at;
        private ProgramDefinition? _lastProgram;

        internal Reader(byte[] bytes, int length, ProgramSet programs, CapacityPlan plan, LocalDate asOf)
        {
            (_bytes, _length, _programs, _plan, _asOf) = (bytes, length, programs, plan, asOf);
        }

        /// <summary>The next line's outcome: a verdict, or the reason the line is malformed; <c>false</c> after the chunk's last line.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        internal bool TryRead(out long line, out HistoryValidationResult? verdict, out string? reason)
        {
            ObjectDisposedException.ThrowIf(_bytes is null, this);
            verdict = null;
            reason = null;
            if (_at >= _length)
            {
                line = 0;
                return false;
            }

            line = ReadInt64();
            var kind = (Kind)ReadByte();
            if (kind == Kind.Malformed)
            {
                reason = ReadString()!;
            }
            else
            {
                verdict = ReadVerdict(line, kind);
            }

            return true;
        }

        /// <summary>
        /// The next line's outcome when it is a valid record that stays valid — no violation, none of its
        /// enrolments over the plan's places, not a repeat of an earlier line's participant — in its parts, for a
        /// sink that renders it without a verdict object; otherwise <c>false</c>, and <see cref="TryRead"/> takes it.
        /// </summary>
        /// <param name="duplicates">The lines that repeat an earlier line's participant and program.</param>
        /// <param name="line">The line number.</param>
        /// <param name="participantUtf8">The participant id's UTF-8, valid until the next read; empty when withheld.</param>
        /// <param name="participantWithheld">Whether the id is withheld (<c>pii-in-identifier</c>; then the record is not valid, so never here).</param>
        /// <param name="program">The program.</param>
        /// <param name="state">Where the participant stands.</param>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        internal bool TryReadPlainValid(HashSet<long> duplicates, out long line, out ReadOnlySpan<byte> participantUtf8, out bool participantWithheld, out ProgramDefinition? program, out LifecycleState state)
        {
            ObjectDisposedException.ThrowIf(_bytes is null, this);
            participantUtf8 = default;
            (line, participantWithheld, program, state) = (0, false, null, default);
            int start = _at;
            if (_at >= _length)
            {
                return false;
            }

            line = ReadInt64();
            if ((Kind)ReadByte() != Kind.Verdict || duplicates.Contains(line))
            {
                _at = start;
                return false;
            }

            int chars = ReadInt32();
            if (chars >= 0)
            {
                int bytes = ReadInt32();
                participantUtf8 = _bytes.AsSpan(_at, bytes);
                _at += bytes;
            }

            participantWithheld = chars < 0;
            program = ReadProgram();
            state = program.Lifecycle.StateAt(ReadInt32());
            _at += 12; // the phase's start, the days paused and the pause's start: not in an entry
            if (ReadInt32() != 0)
            {
                _at = start;
                return false;
            }

            int enrolments = ReadInt32();
            for (int i = 0; i < enrolments; i++)
            {
                int index = ReadInt32();
                var on = IsoDates.FromDayNumber(ReadInt32());
                if (_plan.Exceeds(program, new EnrolmentKey(on, line, index)))
                {
                    _at = start;
                    return false;
                }
            }

            return true;
        }

        public void Dispose()
        {
            if (_bytes is { } bytes)
            {
                _bytes = null;
                ArrayPool<byte>.Shared.Return(bytes);
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private HistoryValidationResult ReadVerdict(long line, Kind kind)
        {
            string? participant = ReadString();
            ProgramDefinition? program = null;
            string programId;
            ParticipantStatus status;
            if (kind == Kind.UnknownProgram)
            {
                programId = ReadString()!;
                status = ParticipantStatus.Initial;
            }
            else
            {
                program = ReadProgram();
                programId = program.Id;
                status = new ParticipantStatus(program.Lifecycle.StateAt(ReadInt32()), ReadDate(), ReadInt32(), ReadDate());
            }

            int count = ReadInt32();
            var violations = ImmutableArray<Violation>.Empty;
            if (count > 0)
            {
                var builder = ImmutableArray.CreateBuilder<Violation>(count);
                for (int i = 0; i < count; i++)
                {
                    var rule = (ValidationRule)ReadByte();
                    int index = ReadInt32();
                    var on = ReadDate();
                    builder.Add(new Violation(rule, index < 0 ? null : index, on, ReadString()!));
                }

                violations = builder.MoveToImmutable();
            }

            int enrolments = ReadInt32();
            List<(int, LocalDate)>? exceeded = null;
            for (int i = 0; i < enrolments; i++)
            {
                int index = ReadInt32();
                var on = ReadDate()!.Value;
                if (_plan.Exceeds(program!, new EnrolmentKey(on, line, index)))
                {
                    (exceeded ??= []).Add((index, on));
                }
            }

            var all = exceeded is null ? violations : HistoryValidator.WithCapacity(violations, program!, exceeded);
            return HistoryValidator.Result(participant, programId, program, status, all, _asOf);
        }

        /// <summary>The program of a verdict: the previous record's, most of the time, without a new string.</summary>
        private ProgramDefinition ReadProgram()
        {
            int chars = ReadInt32();
            int bytes = ReadInt32();
            var utf8 = _bytes.AsSpan(_at, bytes);
            _at += bytes;
            if (_lastProgram is { } last && last.Id.Length == chars && Utf8Equals(utf8, last.Id))
            {
                return last;
            }

            return _lastProgram = _programs.Get(Encoding.UTF8.GetString(utf8));
        }

        private static bool Utf8Equals(ReadOnlySpan<byte> utf8, string text)
        {
            // Program ids the run knows are short; compare char by char when they are ASCII.
            if (utf8.Length != text.Length)
            {
                return Encoding.UTF8.GetString(utf8) == text;
            }

            for (int i = 0; i < utf8.Length; i++)
            {
                if (utf8[i] != text[i])
                {
                    return false;
                }
            }

            return true;
        }

        private byte ReadByte() => _bytes![_at++];

        private int ReadInt32()
        {
            int value = BinaryPrimitives.ReadInt32LittleEndian(_bytes.AsSpan(_at));
            _at += 4;
            return value;
        }

        private long ReadInt64()
        {
            long value = BinaryPrimitives.ReadInt64LittleEndian(_bytes.AsSpan(_at));
            _at += 8;
            return value;
        }

        private string? ReadString()
        {
            int chars = ReadInt32();
            if (chars < 0)
            {
                return null;
            }

            int bytes = ReadInt32();
            string text = chars == 0 ? string.Empty : Encoding.UTF8.GetString(_bytes.AsSpan(_at, bytes));
            _at += bytes;
            return text;
        }

        private LocalDate? ReadDate()
        {
            int day = ReadInt32();
            return day == int.MinValue ? null : IsoDates.FromDayNumber(day);
        }
    }
}
