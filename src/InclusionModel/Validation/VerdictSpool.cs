using System.Collections.Immutable;
using System.Text;
using InclusionModel.Lifecycle;
using InclusionModel.Programs;
using NodaTime;

namespace InclusionModel.Validation;

/// <summary>
/// The first pass's verdicts on the records of programs with places, kept in line order in a
/// <see cref="Spool"/> (memory, then a temporary file), so that the second pass need not read those
/// records again: it adds <c>capacity-exceeded</c> where the run's plan says so.
/// </summary>
internal sealed class VerdictSpool : IDisposable
{
    private readonly Spool _spool = new();
    private readonly BinaryWriter _writer;

    internal VerdictSpool() => _writer = new BinaryWriter(_spool, Encoding.UTF8, leaveOpen: true);

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

    /// <summary>Starts reading back what was written, in the same order.</summary>
    internal Reader OpenReader(ProgramSet programs, CapacityPlan plan, LocalDate asOf)
    {
        _writer.Flush();
        return new Reader(_spool.OpenRead(), programs, plan, asOf);
    }

    public void Dispose()
    {
        _writer.Dispose();
        _spool.Dispose();
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
