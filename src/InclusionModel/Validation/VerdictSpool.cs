using System.Collections.Immutable;
using System.Text;
using InclusionModel.Lifecycle;
using InclusionModel.Programs;
using NodaTime;

namespace InclusionModel.Validation;

/// <summary>
/// The first pass's verdicts on the records of programs with places, kept chunk by chunk (each chunk's in
/// line order) in a <see cref="Spool"/> (memory, then a temporary file), so that the second pass need not
/// read those records again: it adds <c>capacity-exceeded</c> where the run's plan says so.
/// </summary>
internal sealed class VerdictSpool : IDisposable
{
    private readonly Spool _spool = new();
    private readonly Dictionary<long, (long Offset, int Length)> _chunks = [];

    /// <summary>Keeps the outcomes of one chunk of lines, written by a <see cref="ChunkWriter"/>.</summary>
    internal void Append(long chunk, ChunkWriter outcomes)
    {
        var bytes = outcomes.Bytes;
        if (bytes.Length > 0)
        {
            _chunks[chunk] = (_spool.Length, bytes.Length);
            _spool.Write(bytes);
        }
    }

    /// <summary>Reads back the outcomes kept for a chunk, completed with the run's capacity verdicts; <c>null</c> when none were kept.</summary>
    internal Reader? OpenChunk(long chunk, ProgramSet programs, CapacityPlan plan, LocalDate asOf)
    {
        if (!_chunks.TryGetValue(chunk, out var range))
        {
            return null;
        }

        var stream = _spool.OpenRead();
        stream.Position = range.Offset;
        return new Reader(new ReadOnlyWindowStream(stream, range.Length), programs, plan, asOf);
    }

    public void Dispose() => _spool.Dispose();

    /// <summary>Writes one chunk's kept outcomes, on the worker thread that validated them.</summary>
    internal sealed class ChunkWriter
    {
        private readonly MemoryStream _bytes = new();
        private readonly BinaryWriter _writer;

        internal ChunkWriter() => _writer = new BinaryWriter(_bytes, Encoding.UTF8, leaveOpen: true);

        internal ReadOnlySpan<byte> Bytes
        {
            get
            {
                _writer.Flush();
                return _bytes.GetBuffer().AsSpan(0, (int)_bytes.Length);
            }
        }

        /// <summary>Keeps a well-formed record's verdict and the keys of its applied enrolments.</summary>
        internal void Write(long line, ProgramDefinition program, HistoryValidationResult verdict, List<EnrolmentKey> enrolments)
        {
            _writer.Write(line);
            _writer.Write(true);
            WriteString(verdict.Participant);
            _writer.Write(program.Id);
            var status = verdict.FinalStatus;
            _writer.Write(program.Lifecycle.StateIndex(status.State));
            WriteDate(status.PhaseStartedOn);
            _writer.Write(status.PausedDays);
            WriteDate(status.PausedOn);
            _writer.Write(verdict.Violations.Length);
            foreach (var v in verdict.Violations)
            {
                _writer.Write((byte)v.Rule);
                _writer.Write(v.EventIndex ?? -1);
                WriteDate(v.On);
                _writer.Write(v.Message);
            }

            _writer.Write(enrolments.Count);
            foreach (var key in enrolments)
            {
                _writer.Write(key.EventIndex);
                WriteDate(key.On);
            }
        }

        /// <summary>Keeps the reason a record of a program with places is malformed.</summary>
        internal void WriteMalformed(long line, string reason)
        {
            _writer.Write(line);
            _writer.Write(false);
            _writer.Write(reason);
        }

        private void WriteString(string? text)
        {
            _writer.Write(text is not null);
            if (text is not null)
            {
                _writer.Write(text);
            }
        }

        private void WriteDate(LocalDate? date)
        {
            _writer.Write(date.HasValue);
            if (date is { } d)
            {
                _writer.Write(d.Year);
                _writer.Write((byte)d.Month);
                _writer.Write((byte)d.Day);
            }
        }
    }

    /// <summary>Reads the kept outcomes back, in line order, completed with the run's capacity verdicts.</summary>
    internal sealed class Reader(Stream stream, ProgramSet programs, CapacityPlan plan, LocalDate asOf) : IDisposable
    {
        private readonly BinaryReader _reader = new(stream, Encoding.UTF8, leaveOpen: false);
        private long _next = -1;

        /// <summary>
        /// The kept outcome of line <paramref name="line"/>: a verdict, or the reason it is malformed.
        /// Outcomes of earlier lines that were not asked for are passed over.
        /// </summary>
        internal (HistoryValidationResult? Verdict, string? Reason) Take(long line)
        {
            while (true)
            {
                if (_next < 0)
                {
                    if (_reader.BaseStream.Position >= _reader.BaseStream.Length)
                    {
                        throw new InvalidOperationException($"No first-pass outcome was kept for line {line}.");
                    }

                    _next = _reader.ReadInt64();
                }

                if (_next > line)
                {
                    throw new InvalidOperationException($"No first-pass outcome was kept for line {line}.");
                }

                bool wellFormed = _reader.ReadBoolean();
                if (!wellFormed)
                {
                    string reason = _reader.ReadString();
                    if (Consume(line))
                    {
                        return (null, reason);
                    }

                    continue;
                }

                var verdict = ReadVerdict(_next);
                if (Consume(line))
                {
                    return (verdict, null);
                }
            }
        }

        public void Dispose() => _reader.Dispose();

        private bool Consume(long line)
        {
            bool match = _next == line;
            _next = -1;
            return match;
        }

        private HistoryValidationResult ReadVerdict(long line)
        {
            string? participant = _reader.ReadBoolean() ? _reader.ReadString() : null;
            var program = programs.Get(_reader.ReadString());
            var status = new ParticipantStatus(program.Lifecycle.StateAt(_reader.ReadInt32()), ReadDate(), _reader.ReadInt32(), ReadDate());
            int count = _reader.ReadInt32();
            var violations = ImmutableArray.CreateBuilder<Violation>(count);
            for (int i = 0; i < count; i++)
            {
                var rule = (ValidationRule)_reader.ReadByte();
                int index = _reader.ReadInt32();
                violations.Add(new Violation(rule, index < 0 ? null : index, ReadDate(), _reader.ReadString()));
            }

            int enrolments = _reader.ReadInt32();
            var exceeded = new List<(int, LocalDate)>();
            for (int i = 0; i < enrolments; i++)
            {
                int index = _reader.ReadInt32();
                var on = ReadDate()!.Value;
                if (plan.Exceeds(program, new EnrolmentKey(on, line, index)))
                {
                    exceeded.Add((index, on));
                }
            }

            var all = exceeded.Count == 0 ? violations.MoveToImmutable() : HistoryValidator.WithCapacity(violations.MoveToImmutable(), program, exceeded);
            return HistoryValidator.Result(participant, program.Id, program, status, all, asOf);
        }

        private LocalDate? ReadDate()
            => _reader.ReadBoolean() ? new LocalDate(_reader.ReadInt32(), _reader.ReadByte(), _reader.ReadByte()) : null;
    }
}
