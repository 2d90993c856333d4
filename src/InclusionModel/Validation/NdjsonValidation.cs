using System.Buffers;
using InclusionModel.Histories;
using InclusionModel.Programs;
using NodaTime;

namespace InclusionModel.Validation;

/// <summary>Which pass of a run is reading, and how far it has come (for progress displays).</summary>
/// <param name="Pass">1 (counting enrolments for capacity) or 2 (validating).</param>
/// <param name="BytesRead">Bytes of input read in this pass so far.</param>
/// <param name="Lines">Lines read in this pass so far.</param>
public readonly record struct ValidationProgress(int Pass, long BytesRead, long Lines);

/// <summary>
/// Validates an NDJSON file of participant histories (FORMATS.md §1–4) in bounded memory.
/// <c>capacity-exceeded</c> counts enrolments across the whole run in date order, so no record's verdict
/// is known before the whole input has been seen: a first pass reads the records of programs with places
/// (and only the program id of the others) into an <see cref="EnrolmentLedger"/>, and the second pass
/// validates every line.
/// </summary>
/// <remarks>
/// Lines are read in chunks of about a megabyte; chunks are parsed and validated on up to
/// <see cref="MaxDegreeOfParallelism"/> threads, and their outcomes reach the sink in line order, from the
/// calling thread. Memory is bounded by the chunks in flight, the longest line and the programs' places,
/// never by the number of records. A malformed line is reported and every other line is still validated.
/// </remarks>
public sealed class NdjsonValidation
{
    private const int ChunkBytes = 1 << 20;

    private readonly HistoryValidator _validator;

    /// <summary>Creates a run over <paramref name="validator"/>'s programs.</summary>
    /// <param name="validator">The validator to use.</param>
    /// <exception cref="ArgumentNullException"><paramref name="validator"/> is null.</exception>
    public NdjsonValidation(HistoryValidator validator) => _validator = Preconditions.CheckNotNull(validator);

    /// <summary>The longest line accepted; a longer one is malformed. Default 64 MiB.</summary>
    public int MaxLineBytes { get; init; } = NdjsonLineReader.DefaultMaxLineBytes;

    /// <summary>How many threads parse and validate at once; default the number of processors; 1 runs everything on the calling thread.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Called now and then, from the calling thread, while the input is read; default none.</summary>
    public Action<ValidationProgress>? Progress { get; init; }

    /// <summary>Runs the validation.</summary>
    /// <param name="openInput">Opens the input from its start; it is called twice, once per pass, and the run disposes what it returns (standard input must be kept for the second call, as the command line does).</param>
    /// <param name="asOf">The as-of date.</param>
    /// <param name="sink">Receives each line's outcome in line order, then the summary, on the calling thread.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="IOException">The input cannot be read.</exception>
    public ValidationSummary Run(Func<Stream> openInput, LocalDate asOf, IValidationSink sink)
    {
        Preconditions.CheckNotNull(openInput);
        Preconditions.CheckNotNull(sink);

        // Pass 1 reads the records of programs with places — validates them without places, keeps the
        // verdicts, feeds their enrolments to the ledger in line order — and only the program id of the
        // others.
        var ledger = _validator.CreateLedger();
        using var kept = new VerdictSpool();
        Pipeline(openInput, 1, (reader, chunk) => FirstPass(reader, chunk, asOf), pass =>
        {
            foreach (var (program, enrolments) in pass.Enrolments)
            {
                ledger.Record(program, enrolments);
            }

            kept.Append(pass.Chunk, pass.Kept);
        });

        // Pass 2 validates every other record and completes the kept verdicts with the run's capacity plan.
        var plan = ledger.ToPlan();
        var rendering = sink as IBatchRenderingSink;
        long records = 0, valid = 0, invalid = 0, malformed = 0;
        Pipeline(openInput, 2, (reader, chunk) => SecondPass(reader, chunk, asOf, plan, kept, rendering), pass =>
        {
            foreach (var (line, verdict, reason) in pass.Outcomes)
            {
                records++;
                if (verdict is null)
                {
                    malformed++;
                    sink.Malformed(line, reason!);
                    continue;
                }

                if (verdict.IsValid)
                {
                    valid++;
                }
                else
                {
                    invalid++;
                }

                if (rendering is null)
                {
                    sink.Record(line, verdict);
                }
            }

            rendering?.AppendRendered(pass.Rendered);
        });

        var summary = new ValidationSummary(asOf, records, valid, invalid, malformed);
        sink.Complete(summary);
        return summary;
    }

    /// <summary>
    /// Whether a quick look finds the line's program id (<paramref name="found"/>) and it names a program with
    /// places: then pass 1 keeps the line's outcome and pass 2 takes it from there. Both passes ask this of
    /// the same bytes, so they always agree.
    /// </summary>
    private bool IsKept(HistoryReader reader, ReadOnlySpan<byte> line, out bool found, out ProgramDefinition? program)
    {
        program = null;
        found = reader.TryPeekProgram(line, out string? id);
        return found && _validator.Programs.TryGet(id, out program) && program.Places is not null;
    }

    private FirstPassOutcome FirstPass(HistoryReader reader, Chunk chunk, LocalDate asOf)
    {
        var enrolmentsByRecord = new List<(ProgramDefinition, List<EnrolmentKey>)>();
        var kept = new VerdictSpool.ChunkWriter();
        for (int i = 0; i < chunk.Count; i++)
        {
            var line = chunk.Line(i);
            long number = chunk.Number(i);
            if (chunk.TooLong(i))
            {
                continue;
            }

            if (IsKept(reader, line, out bool found, out var program))
            {
                var parsed = reader.Read(line, number);
                if (parsed.Value is { } history)
                {
                    var enrolments = new List<EnrolmentKey>();
                    kept.Write(number, program!, _validator.ValidateCollecting(history, asOf, number, enrolments), enrolments);
                    enrolmentsByRecord.Add((program!, enrolments));
                }
                else
                {
                    kept.WriteMalformed(number, parsed.Reason!);
                }
            }
            else if (!found && reader.Read(line, number).Value is { } odd && _validator.Programs.TryGet(odd.Program, out var oddProgram) && oddProgram.Places is not null)
            {
                // A record whose program id the quick look did not find (an escaped field name, say): its
                // enrolments count here, and pass 2 reads it again like any other record.
                var enrolments = new List<EnrolmentKey>();
                _validator.CollectEnrolments(odd, number, enrolments);
                enrolmentsByRecord.Add((oddProgram, enrolments));
            }
        }

        return new FirstPassOutcome(chunk.Index, enrolmentsByRecord, kept);
    }

    private SecondPassOutcome SecondPass(HistoryReader reader, Chunk chunk, LocalDate asOf, CapacityPlan plan, VerdictSpool kept, IBatchRenderingSink? rendering)
    {
        var outcomes = new List<(long, HistoryValidationResult?, string?)>(chunk.Count);
        using var keptVerdicts = kept.OpenChunk(chunk.Index, _validator.Programs, plan, asOf);
        for (int i = 0; i < chunk.Count; i++)
        {
            long number = chunk.Number(i);
            if (chunk.TooLong(i))
            {
                outcomes.Add((number, null, $"the line is longer than {MaxLineBytes} bytes"));
            }
            else if (IsKept(reader, chunk.Line(i), out _, out _))
            {
                var (verdict, reason) = keptVerdicts!.Take(number);
                outcomes.Add((number, verdict, reason));
            }
            else
            {
                var parsed = reader.Read(chunk.Line(i), number);
                outcomes.Add(parsed.Value is { } history
                    ? (number, _validator.Validate(history, asOf, plan, number), null)
                    : (number, null, parsed.Reason));
            }
        }

        // A sink that renders in batches does the per-record writing here, on the worker.
        var rendered = rendering?.RenderRecords([.. outcomes.Where(o => o.Item2 is not null).Select(o => (o.Item1, o.Item2!))]) ?? default;
        return new SecondPassOutcome(outcomes, rendered);
    }

    /// <summary>A chunk's outcomes in line order and, for a sink that renders in batches, its rendered records.</summary>
    private sealed record SecondPassOutcome(List<(long Line, HistoryValidationResult? Verdict, string? Reason)> Outcomes, ReadOnlyMemory<byte> Rendered);

    /// <summary>What pass 1 learns of a chunk: the applied enrolments of its records of programs with places, and their kept outcomes.</summary>
    private sealed record FirstPassOutcome(long Chunk, List<(ProgramDefinition Program, List<EnrolmentKey> Enrolments)> Enrolments, VerdictSpool.ChunkWriter Kept);

    /// <summary>
    /// Reads the input in chunks, runs <paramref name="work"/> on each (in parallel, each worker with a
    /// reader of its own), and hands the results to <paramref name="consume"/> in chunk order on this thread.
    /// </summary>
    private void Pipeline<T>(Func<Stream> openInput, int pass, Func<HistoryReader, Chunk, T> work, Action<T> consume)
    {
        using var stream = openInput();
        using var lines = new NdjsonLineReader(stream, MaxLineBytes);
        int parallelism = Math.Max(1, MaxDegreeOfParallelism);
        var readers = new System.Collections.Concurrent.ConcurrentBag<HistoryReader>();
        var pending = new Queue<Task<T>>();
        T Work(Chunk chunk)
        {
            var reader = readers.TryTake(out var r) ? r : new HistoryReader(_validator.Programs);
            try
            {
                return work(reader, chunk);
            }
            finally
            {
                readers.Add(reader);
                chunk.Dispose();
            }
        }

        try
        {
            long index = 0;
            while (Chunk.Read(lines, index++) is { } chunk)
            {
                if (parallelism == 1)
                {
                    consume(Work(chunk));
                }
                else
                {
                    pending.Enqueue(Task.Run(() => Work(chunk)));
                    if (pending.Count >= parallelism * 2)
                    {
                        consume(pending.Dequeue().GetAwaiter().GetResult());
                    }
                }

                Progress?.Invoke(new ValidationProgress(pass, lines.BytesRead, lines.LineNumber));
            }

            while (pending.Count > 0)
            {
                consume(pending.Dequeue().GetAwaiter().GetResult());
            }
        }
        finally
        {
            // On failure, let the workers finish before their chunks' buffers go back to the pool.
            foreach (var task in pending)
            {
                task.ContinueWith(static _ => { }, TaskScheduler.Default).Wait();
            }
        }
    }

    /// <summary>About a megabyte of consecutive lines, copied out of the line reader into a pooled buffer.</summary>
    private sealed class Chunk : IDisposable
    {
        private readonly List<(int Start, int Length, long Number, bool TooLong)> _lines = [];
        private byte[] _buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        private int _used;

        private Chunk(long index) => Index = index;

        /// <summary>The chunk's position in the input; both passes cut the same input into the same chunks.</summary>
        internal long Index { get; }

        internal int Count => _lines.Count;

        internal static Chunk? Read(NdjsonLineReader lines, long index)
        {
            Chunk? chunk = null;
            while ((chunk is null || chunk._used < ChunkBytes) && lines.TryReadLine(out var line, out bool tooLong))
            {
                chunk ??= new Chunk(index);
                chunk.Add(line, lines.LineNumber, tooLong);
            }

            return chunk;
        }

        internal ReadOnlySpan<byte> Line(int i) => _buffer.AsSpan(_lines[i].Start, _lines[i].Length);

        internal long Number(int i) => _lines[i].Number;

        internal bool TooLong(int i) => _lines[i].TooLong;

        public void Dispose()
        {
            if (_buffer.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = [];
            }
        }

        private void Add(ReadOnlySpan<byte> line, long number, bool tooLong)
        {
            if (_used + line.Length > _buffer.Length)
            {
                var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _used + line.Length));
                _buffer.AsSpan(0, _used).CopyTo(bigger);
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = bigger;
            }

            line.CopyTo(_buffer.AsSpan(_used));
            _lines.Add((_used, line.Length, number, tooLong));
            _used += line.Length;
        }
    }
}
