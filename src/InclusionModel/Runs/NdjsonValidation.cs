using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using InclusionModel.Contract;
using InclusionModel.Histories;
using InclusionModel.IO;
using InclusionModel.Programs;
using InclusionModel.Reports;
using InclusionModel.Validation;
using NodaTime;

namespace InclusionModel.Runs;

/// <summary>
/// Validates an NDJSON file of participant histories (docs/interchange-contract.md §1–4) in bounded memory.
/// <c>capacity-exceeded</c> counts enrolments across the whole run in date order, so no record's verdict
/// is known before the whole input has been seen. The input is read once: every line is parsed and
/// validated (a record of a program with places without its places), its outcome kept in an owner-only
/// spool, the enrolments of programs with places go to an <see cref="EnrolmentLedger"/> in line order, and
/// the fingerprints of participant and program find <c>duplicate-participant</c>. Then the kept outcomes
/// are completed with the run's capacity plan and duplicates and reach the sink in line order.
/// </summary>
/// <remarks>
/// Lines are read in chunks of about a megabyte; chunks are parsed and validated, and their kept outcomes
/// completed, on up to <see cref="MaxDegreeOfParallelism"/> threads, and the outcomes reach the sink in line
/// order, from the calling thread. Memory is bounded by the chunks in flight, the longest line and the
/// programs' places, never by the number of records (the kept outcomes move to an unlinked temporary file
/// past a megabyte). A malformed line is reported and every other line is still validated.
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

    /// <summary>How many threads parse and validate at once; default the number of processors; 1 runs everything on the calling thread.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Called now and then, from the calling thread, while the input is read; default none.</summary>
    public Action<ValidationProgress>? Progress { get; init; }

    /// <summary>
    /// Runs the validation over <paramref name="input"/>, read once from where it stands: a pipe or any other
    /// stream that cannot seek is read as it comes, and nothing of it is copied.
    /// </summary>
    /// <param name="input">The NDJSON histories; not disposed.</param>
    /// <param name="asOf">The as-of date.</param>
    /// <param name="sink">Receives each line's outcome in line order, then the summary, on the calling thread.</param>
    /// <param name="cancellationToken">Stops the run between chunks (<see cref="OperationCanceledException"/>).</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="IOException">The input cannot be read.</exception>
    public ValidationSummary Run(Stream input, LocalDate asOf, IValidationSink sink, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(input);
        return Run(() => new ReadOnlyWindowStream(input, ownsInner: false), asOf, sink, cancellationToken);
    }

    /// <summary>
    /// Runs the validation over <paramref name="input"/> for a host that reads its streams asynchronously (a
    /// request body): a stream that cannot seek is first copied asynchronously into an owner-only temporary
    /// spool (released however the run ends), then validated on the thread pool.
    /// </summary>
    /// <param name="input">The NDJSON histories; not disposed.</param>
    /// <param name="asOf">The as-of date.</param>
    /// <param name="sink">Receives each line's outcome in line order, then the summary (on a thread-pool thread).</param>
    /// <param name="cancellationToken">Stops the copy, or the run between chunks.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public Task<ValidationSummary> RunAsync(Stream input, LocalDate asOf, IValidationSink sink, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(sink);
        return AsyncInput.RunAsync(input, stream => Run(stream, asOf, sink, cancellationToken), cancellationToken);
    }

    /// <summary>Runs the validation.</summary>
    /// <param name="openInput">
    /// Opens the input; it is called once, and the run disposes what it returns.
    /// </param>
    /// <param name="asOf">The as-of date.</param>
    /// <param name="sink">Receives each line's outcome in line order, then the summary, on the calling thread.</param>
    /// <param name="cancellationToken">Stops the run between chunks (<see cref="OperationCanceledException"/>).</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="IOException">The input cannot be read.</exception>
    public ValidationSummary Run(Func<Stream> openInput, LocalDate asOf, IValidationSink sink, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(openInput);
        Preconditions.CheckNotNull(sink);

        // The input is read once. Each line is parsed and validated on a worker — a record of a program with
        // places without its places, its applied enrolments kept — and each outcome is kept; in line order,
        // the enrolments go to the ledger, and the fingerprints of participant and program find the lines
        // that repeat an earlier line's.
        var ledger = _validator.CreateLedger();
        using var kept = new VerdictSpool();
        DuplicateRule? seen;
        var duplicates = new HashSet<long>();
        var marked = new List<string>();
        using var counts = new Tally();
        using (var stream = openInput())
        {
            seen = new DuplicateRule(ExpectedRecords(stream));
            var readers = new System.Collections.Concurrent.ConcurrentBag<HistoryReader>();
            ChunkPipeline.Run(
                stream,
                MaxLineBytes,
                MaxDegreeOfParallelism,
                inspect: null,
                chunk =>
                {
                    // Each history is validated and kept as a verdict before the next line is read: its events need no array of their own.
                    var reader = readers.TryTake(out var r) ? r : new HistoryReader(_validator.Programs) { ReusesEventArrays = true };
                    try
                    {
                        return Read(reader, chunk, asOf);
                    }
                    finally
                    {
                        readers.Add(reader);
                    }
                },
                read =>
                {
                    using (read.Kept)
                    {
                        foreach (var (_, _, program, enrolments) in read.Enrolments)
                        {
                            ledger.Record(program, enrolments);
                        }

                        foreach (var (line, key, malformed) in read.Keys)
                        {
                            if (seen.IsDuplicate(key, malformed))
                            {
                                duplicates.Add(line);
                            }
                        }

                        foreach (string program in read.Marked)
                        {
                            if (!marked.Contains(program))
                            {
                                marked.Add(program);
                            }
                        }

                        counts.Add(read, duplicates);
                        kept.Append(read.Kept);
                    }
                },
                Progress is null ? null : (bytes, lines) => Progress(new ValidationProgress(1, bytes, lines)),
                cancellationToken);
        }

        seen = null;
        if (marked.Count > 0)
        {
            sink.SpecialCategoryData(marked);
        }

        // The summary is known before any outcome is completed, so a sink that renders in batches can put it
        // first and write each entry as it comes. Then the kept outcomes, chunk by chunk: completed with the
        // run's capacity plan and duplicates, rendered on the workers for such a sink, handed on in line order.
        var plan = ledger.ToPlan();
        var summary = counts.Summary(asOf, plan) with { SpecialCategoryPrograms = [.. marked] };
        var rendering = sink as IBatchRenderingSink;
        rendering?.Begin(summary);
        long records = 0, valid = 0, invalid = 0, malformed = 0;
        ChunkPipeline.RunOrdered(kept.Count, MaxDegreeOfParallelism, chunk => Complete(kept, chunk, asOf, plan, duplicates, rendering), done =>
        {
            records += done.PlainValid;
            valid += done.PlainValid;
            foreach (var (line, verdict, reason) in done.Outcomes)
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

            if (done.Rendered is { } rendered)
            {
                using (rendered)
                {
                    rendering!.AppendRendered(rendered.WrittenSpan);
                }
            }
        }, cancellationToken);

        if ((records, valid, invalid, malformed) != (summary.Records, summary.Valid, summary.Invalid, summary.Malformed))
        {
            throw new InvalidOperationException($"The completed outcomes ({records}, {valid}, {invalid}, {malformed}) disagree with the counts taken while reading ({summary.Records}, {summary.Valid}, {summary.Invalid}, {summary.Malformed}).");
        }
        sink.Complete(summary);
        return summary;
    }

    /// <summary>
    /// How many records a file of this length likely holds, so that the fingerprint table is made at its size
    /// once instead of growing ten times (each growth copies the table and touches fresh memory on the thread
    /// that keeps the order): a record of seven events is about 600 bytes. A guess too low only means the
    /// table grows; too high costs at most 16 bytes of table per 525 bytes of input. 0 when the length is unknown.
    /// </summary>
    private static int ExpectedRecords(Stream stream)
    {
        try
        {
            long? remaining = stream.CanSeek ? stream.Length - stream.Position : (stream as ReadOnlyWindowStream)?.Remaining;
            return remaining is { } bytes ? (int)Math.Min(bytes / 600, 1 << 24) : 0;
        }
        catch (Exception e) when (e is IOException or NotSupportedException)
        {
            return 0;
        }
    }

    /// <summary>Parses and validates a chunk's lines and keeps every outcome; a record of a program with places is validated without its places.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ReadOutcome Read(HistoryReader reader, LineChunk chunk, LocalDate asOf)
    {
        var enrolmentsByRecord = new List<(long, bool, ProgramDefinition, List<EnrolmentKey>)>();
        var keys = new List<(long, UInt128, bool)>(chunk.Count);
        var states = new List<(long, LineState)>(chunk.Count);
        var marked = new List<string>();
        var kept = new VerdictSpool.ChunkWriter();
        var violations = new List<Violation>();
        try
        {
            for (int i = 0; i < chunk.Count; i++)
            {
                long number = chunk.Number(i);
                var kind = RunLine.Read(reader, chunk, i, program: null, MaxLineBytes, out var read, out string? reason, out var key, out string? named);
                if (kind == LineKind.Malformed)
                {
                    // A malformed line's ids still count where they can be read (docs/contract.md): a later
                    // record of the same participant and program is a duplicate, and its program marks the run.
                    if (key is { } k)
                    {
                        keys.Add((number, k, true));
                    }

                    if (named is not null && _validator.Programs.TryGet(named, out var namedProgram))
                    {
                        Mark(marked, namedProgram);
                    }

                    kept.WriteMalformed(number, reason!);
                    states.Add((number, LineState.Malformed));
                    continue;
                }

                var history = read!;
                keys.Add((number, key!.Value, false));

                // The verdict is kept, not built: the status and violations go straight to the spool.
                violations.Clear();
                string? participant = history.ParticipantLooksLikeIdentityNumber ? null : history.Participant;
                if (!_validator.Programs.TryGet(history.Program, out var program))
                {
                    var status = _validator.Validate(history, asOf, violations, CapacityPlan.Unchecked, number);
                    kept.Write(number, null, history.Program, participant, status, violations, null);
                }
                else if (program.Places is null)
                {
                    Mark(marked, program);
                    var status = _validator.Validate(history, asOf, violations, CapacityPlan.Unchecked, number);
                    kept.Write(number, program, program.Id, participant, status, violations, null);
                }
                else
                {
                    Mark(marked, program);
                    var enrolments = new List<EnrolmentKey>();
                    var status = _validator.ValidateCollecting(history, asOf, number, violations, enrolments);
                    kept.Write(number, program, program.Id, participant, status, violations, enrolments);
                    enrolmentsByRecord.Add((number, violations.Count == 0, program, enrolments));
                }

                states.Add((number, violations.Count == 0 ? LineState.ValidSoFar : LineState.Invalid));
            }
        }
        catch
        {
            kept.Dispose();
            throw;
        }

        return new ReadOutcome(enrolmentsByRecord, keys, states, marked, kept);
    }

    private static void Mark(List<string> marked, ProgramDefinition program)
    {
        if (program.SpecialCategoryData && !marked.Contains(program.Id))
        {
            marked.Add(program.Id);
        }
    }

    /// <summary>A kept chunk's outcomes, completed with the run's places and duplicates, and for a sink that renders in batches, rendered.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private CompletedOutcome Complete(VerdictSpool kept, int chunk, LocalDate asOf, CapacityPlan plan, HashSet<long> duplicates, IBatchRenderingSink? rendering)
    {
        var outcomes = new List<(long, HistoryValidationResult?, string?)>();
        using var reader = kept.OpenChunk(chunk, _validator.Programs, plan, asOf);
        if (rendering is null)
        {
            while (reader.TryRead(out long line, out var verdict, out string? reason))
            {
                outcomes.Add((line, verdict is not null && duplicates.Contains(line) ? verdict.AsDuplicate() : verdict, reason));
            }

            return new CompletedOutcome(outcomes, null, 0);
        }

        // A sink that renders in batches does the per-record writing here, on the worker; a record that stays
        // valid (most of a run) is rendered from its kept parts, with no verdict built. Only the others and the
        // malformed lines go on to the ordering thread.
        var batch = rendering.StartBatch(2048); // a chunk of a megabyte holds about 1,700 records
        long plainValid = 0;
        while (true)
        {
            if (reader.TryReadPlainValid(duplicates, out long plain, out var participant, out bool withheld, out var program, out var state))
            {
                batch.AddValid(plain, participant, withheld, program!.Id, state.Name);
                plainValid++;
                continue;
            }

            if (!reader.TryRead(out long line, out var verdict, out string? reason))
            {
                break;
            }

            if (verdict is not null)
            {
                verdict = duplicates.Contains(line) ? verdict.AsDuplicate() : verdict;
                batch.Add(line, verdict);
            }

            outcomes.Add((line, verdict, reason));
        }

        return new CompletedOutcome(outcomes, batch.Finish(), plainValid);
    }

    /// <summary>A kept chunk's outcomes in line order and, for a sink that renders in batches, its rendered records (pooled: the consumer disposes them).</summary>
    /// <param name="Outcomes">The lines' outcomes in line order; for a sink that renders in batches, all but the plain valid ones.</param>
    /// <param name="Rendered">The rendered entries, for a sink that renders in batches.</param>
    /// <param name="PlainValid">How many valid records were rendered from their parts (not among the outcomes).</param>
    private sealed record CompletedOutcome(List<(long Line, HistoryValidationResult? Verdict, string? Reason)> Outcomes, PooledBufferWriter? Rendered, long PlainValid);

    /// <summary>
    /// What reading a chunk learns: the applied enrolments of its records of programs with places (with whether
    /// the record was valid without its places), the fingerprints of its ids, what each line came to before
    /// the run's places and duplicates, the marked programs it names, and every line's kept outcome.
    /// </summary>
    private sealed record ReadOutcome(
        List<(long Line, bool Valid, ProgramDefinition Program, List<EnrolmentKey> Enrolments)> Enrolments,
        List<(long Line, UInt128 Key, bool Malformed)> Keys,
        List<(long Line, LineState State)> States,
        List<string> Marked,
        VerdictSpool.ChunkWriter Kept);

    /// <summary>What a line came to when it was read, before the run's places and duplicates.</summary>
    private enum LineState : byte
    {
        Malformed,
        Invalid,
        ValidSoFar,
    }

    /// <summary>
    /// The run's counts, taken in line order while the input is read, so that the summary is known before any
    /// kept outcome is completed: a line is malformed, or invalid when it repeats an earlier line's participant
    /// (<c>duplicate-participant</c>) or broke a rule without places; a record of a program with places that
    /// broke none waits, with its enrolments, for the run's capacity plan (in a <see cref="Spool"/>: memory
    /// stays bounded however many records there are).
    /// </summary>
    private sealed class Tally : IDisposable
    {
        private readonly Spool _waiting = new();
        private readonly List<ProgramDefinition> _programs = [];
        private long _records, _valid, _invalid, _malformed;

        /// <summary>Counts one chunk's lines; its duplicates must already be in <paramref name="duplicates"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        internal void Add(ReadOutcome read, HashSet<long> duplicates)
        {
            var waiting = new HashSet<long>();
            Span<byte> entry = stackalloc byte[16];
            foreach (var (line, valid, program, enrolments) in read.Enrolments)
            {
                if (!valid || enrolments.Count == 0 || duplicates.Contains(line))
                {
                    continue;
                }

                int index = _programs.IndexOf(program);
                if (index < 0)
                {
                    index = _programs.Count;
                    _programs.Add(program);
                }

                BinaryPrimitives.WriteInt64LittleEndian(entry, line);
                BinaryPrimitives.WriteInt32LittleEndian(entry[8..], index);
                BinaryPrimitives.WriteInt32LittleEndian(entry[12..], enrolments.Count);
                _waiting.Write(entry);
                foreach (var key in enrolments)
                {
                    BinaryPrimitives.WriteInt32LittleEndian(entry, IsoDates.DayNumber(key.On));
                    BinaryPrimitives.WriteInt32LittleEndian(entry[4..], key.EventIndex);
                    _waiting.Write(entry[..8]);
                }

                waiting.Add(line);
            }

            foreach (var (line, state) in read.States)
            {
                _records++;
                if (state == LineState.Malformed)
                {
                    _malformed++;
                }
                else if (state == LineState.Invalid || duplicates.Contains(line))
                {
                    _invalid++;
                }
                else if (!waiting.Contains(line))
                {
                    _valid++;
                }
            }
        }

        /// <summary>The run's summary: the waiting records are valid unless one of their enrolments is over the plan's places.</summary>
        internal ValidationSummary Summary(LocalDate asOf, CapacityPlan plan)
        {
            long valid = _valid, invalid = _invalid;
            using (var reader = new BinaryReader(_waiting.OpenRead()))
            {
                long left = _waiting.Length;
                while (left > 0)
                {
                    long line = reader.ReadInt64();
                    var program = _programs[reader.ReadInt32()];
                    int count = reader.ReadInt32();
                    bool exceeded = false;
                    for (int i = 0; i < count; i++)
                    {
                        var on = IsoDates.FromDayNumber(reader.ReadInt32());
                        exceeded |= plan.Exceeds(program, new EnrolmentKey(on, line, reader.ReadInt32()));
                    }

                    (valid, invalid) = exceeded ? (valid, invalid + 1) : (valid + 1, invalid);
                    left -= 16 + (8L * count);
                }
            }

            return new ValidationSummary(asOf, _records, valid, invalid, _malformed);
        }

        public void Dispose() => _waiting.Dispose();
    }
}
