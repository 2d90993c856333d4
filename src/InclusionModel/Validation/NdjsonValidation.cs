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
/// Validates an NDJSON file of participant histories (docs/interchange-contract.md §1–4) in bounded memory.
/// <c>capacity-exceeded</c> counts enrolments across the whole run in date order, so no record's verdict
/// is known before the whole input has been seen: a first pass reads the records of programs with places
/// into an <see cref="EnrolmentLedger"/> (and of the others only the program and participant ids, whose
/// fingerprints find <c>duplicate-participant</c>), and the second pass validates every line.
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

    /// <summary>
    /// Runs the validation over <paramref name="input"/>, read from where it stands. A seekable stream is
    /// read twice; any other (a pipe, a request body) is kept in an owner-only temporary file for the second
    /// pass, removed when the run ends, however it ends.
    /// </summary>
    /// <param name="input">The NDJSON histories; not disposed.</param>
    /// <param name="asOf">The as-of date.</param>
    /// <param name="sink">Receives each line's outcome in line order, then the summary, on the calling thread.</param>
    /// <param name="cancellationToken">Stops the run between chunks (<see cref="OperationCanceledException"/>).</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="IOException">The input cannot be read.</exception>
    /// <exception cref="InputChangedException">The input changed between the two passes.</exception>
    public ValidationSummary Run(Stream input, LocalDate asOf, IValidationSink sink, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(input);
        Preconditions.CheckNotNull(sink);
        using var rereadable = new RereadableInput(input, ownsSource: false);
        return Run(rereadable.Open, asOf, sink, cancellationToken);
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
    /// <exception cref="InputChangedException">The input changed between the two passes.</exception>
    public Task<ValidationSummary> RunAsync(Stream input, LocalDate asOf, IValidationSink sink, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(sink);
        return AsyncInput.RunAsync(input, stream => Run(stream, asOf, sink, cancellationToken), cancellationToken);
    }

    /// <summary>Runs the validation.</summary>
    /// <param name="openInput">
    /// Opens the input from its start; it is called twice, once per pass, and the run disposes what it
    /// returns. Both calls must give the same bytes (a regular file, or a kept copy of standard input):
    /// when they do not, the run stops with <see cref="InputChangedException"/> before any summary.
    /// </param>
    /// <param name="asOf">The as-of date.</param>
    /// <param name="sink">Receives each line's outcome in line order, then the summary, on the calling thread.</param>
    /// <param name="cancellationToken">Stops the run between chunks (<see cref="OperationCanceledException"/>).</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="IOException">The input cannot be read.</exception>
    /// <exception cref="InputChangedException">The input changed between the two passes.</exception>
    public ValidationSummary Run(Func<Stream> openInput, LocalDate asOf, IValidationSink sink, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(openInput);
        Preconditions.CheckNotNull(sink);

        // Pass 1 reads the records of programs with places — validates them without places, keeps the
        // verdicts, feeds their enrolments to the ledger in line order — and only the ids of the others,
        // whose fingerprints find the lines that repeat an earlier line's participant and program.
        var ledger = _validator.CreateLedger();
        using var kept = new VerdictSpool();
        var chunks = new List<ulong>();
        var seen = new FingerprintSet();
        var duplicates = new HashSet<long>();
        var marked = new List<string>();
        Pipeline(openInput, 1, chunks, (reader, chunk) => FirstPass(reader, chunk, asOf), pass =>
        {
            foreach (var (program, enrolments) in pass.Enrolments)
            {
                ledger.Record(program, enrolments);
            }

            foreach (var (line, key) in pass.Keys)
            {
                if (!seen.Add(key))
                {
                    duplicates.Add(line);
                }
            }

            foreach (string program in pass.Marked)
            {
                if (!marked.Contains(program))
                {
                    marked.Add(program);
                }
            }

            kept.Append(pass.Chunk, pass.Kept);
        }, cancellationToken);
        seen = null;
        if (marked.Count > 0)
        {
            sink.SpecialCategoryData(marked);
        }

        // Pass 2 validates every other record and completes the kept verdicts with the run's capacity plan
        // and duplicates.
        var plan = ledger.ToPlan();
        var rendering = sink as IBatchRenderingSink;
        long records = 0, valid = 0, invalid = 0, malformed = 0;
        Pipeline(openInput, 2, chunks, (reader, chunk) => SecondPass(reader, chunk, asOf, plan, kept, duplicates, rendering), pass =>
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

            if (pass.Rendered is { } rendered)
            {
                using (rendered)
                {
                    rendering!.AppendRendered(rendered.WrittenSpan);
                }
            }
        }, cancellationToken);

        var summary = new ValidationSummary(asOf, records, valid, invalid, malformed) { SpecialCategoryPrograms = [.. marked] };
        sink.Complete(summary);
        return summary;
    }

    /// <summary>
    /// Whether a quick look finds the line's program id and it names a program with places: then pass 1
    /// kept the line's outcome (it found the id with <see cref="HistoryReader.TryPeekIds"/>, which finds it
    /// exactly when this does) and pass 2 takes it from there.
    /// </summary>
    private bool IsKept(HistoryReader reader, ReadOnlySpan<byte> line)
        => reader.TryPeekProgram(line, out string? id) && _validator.Programs.TryGet(id, out var program) && program.Places is not null;

    private FirstPassOutcome FirstPass(HistoryReader reader, LineChunk chunk, LocalDate asOf)
    {
        var enrolmentsByRecord = new List<(ProgramDefinition, List<EnrolmentKey>)>();
        var keys = new List<(long, UInt128)>(chunk.Count);
        var marked = new List<string>();
        var kept = new VerdictSpool.ChunkWriter();
        for (int i = 0; i < chunk.Count; i++)
        {
            var line = chunk.Line(i);
            long number = chunk.Number(i);
            if (chunk.TooLong(i))
            {
                continue;
            }

            bool found = reader.TryPeekIds(line, out string? id, out var key);
            if (key is { } k)
            {
                keys.Add((number, k));
            }
            else if (reader.Read(line, number).Value is { } unpeeked)
            {
                // Ids a quick look cannot find (an escaped field name, say) but the record has.
                keys.Add((number, HistoryReader.DuplicateKey(unpeeked)));
            }

            ProgramDefinition? program = null;
            if (found && _validator.Programs.TryGet(id, out program) && program.SpecialCategoryData && !marked.Contains(program.Id))
            {
                marked.Add(program.Id);
            }

            if (program?.Places is not null)
            {
                var parsed = reader.Read(line, number);
                if (parsed.Value is { } history)
                {
                    var enrolments = new List<EnrolmentKey>();
                    kept.Write(number, program, _validator.ValidateCollecting(history, asOf, number, enrolments), enrolments);
                    enrolmentsByRecord.Add((program, enrolments));
                }
                else
                {
                    kept.WriteMalformed(number, parsed.Reason!);
                }
            }
            else if (!found && reader.Read(line, number).Value is { } odd && _validator.Programs.TryGet(odd.Program, out var oddProgram)
                     && (oddProgram.Places is not null || oddProgram.SpecialCategoryData))
            {
                if (oddProgram.SpecialCategoryData && !marked.Contains(oddProgram.Id))
                {
                    marked.Add(oddProgram.Id);
                }

                // A record whose program id the quick look did not find (an escaped field name, say): its
                // enrolments count here, and pass 2 reads it again like any other record.
                if (oddProgram.Places is not null)
                {
                    var enrolments = new List<EnrolmentKey>();
                    _validator.CollectEnrolments(odd, number, enrolments);
                    enrolmentsByRecord.Add((oddProgram, enrolments));
                }
            }
        }

        return new FirstPassOutcome(chunk.Index, enrolmentsByRecord, keys, marked, kept);
    }

    private SecondPassOutcome SecondPass(HistoryReader reader, LineChunk chunk, LocalDate asOf, CapacityPlan plan, VerdictSpool kept, HashSet<long> duplicates, IBatchRenderingSink? rendering)
    {
        var outcomes = new List<(long, HistoryValidationResult?, string?)>(chunk.Count);
        using var keptVerdicts = kept.OpenChunk(chunk.Index, _validator.Programs, plan, asOf);
        for (int i = 0; i < chunk.Count; i++)
        {
            long number = chunk.Number(i);
            if (chunk.TooLong(i))
            {
                outcomes.Add((number, null, Texts.Format("reader.too-long", MaxLineBytes)));
            }
            else if (IsKept(reader, chunk.Line(i)))
            {
                var (verdict, reason) = keptVerdicts!.Take(number);
                outcomes.Add((number, verdict is not null && duplicates.Contains(number) ? verdict.AsDuplicate() : verdict, reason));
            }
            else
            {
                var parsed = reader.Read(chunk.Line(i), number);
                if (parsed.Value is { } history)
                {
                    var verdict = _validator.Validate(history, asOf, plan, number);
                    outcomes.Add((number, duplicates.Contains(number) ? verdict.AsDuplicate() : verdict, null));
                }
                else
                {
                    outcomes.Add((number, null, parsed.Reason));
                }
            }
        }

        // A sink that renders in batches does the per-record writing here, on the worker.
        var rendered = rendering?.RenderRecords([.. outcomes.Where(o => o.Item2 is not null).Select(o => (o.Item1, o.Item2!))]);
        return new SecondPassOutcome(outcomes, rendered);
    }

    /// <summary>A chunk's outcomes in line order and, for a sink that renders in batches, its rendered records (pooled: the consumer disposes them).</summary>
    private sealed record SecondPassOutcome(List<(long Line, HistoryValidationResult? Verdict, string? Reason)> Outcomes, PooledBufferWriter? Rendered);

    /// <summary>What pass 1 learns of a chunk: the applied enrolments of its records of programs with places, and their kept outcomes.</summary>
    private sealed record FirstPassOutcome(long Chunk, List<(ProgramDefinition Program, List<EnrolmentKey> Enrolments)> Enrolments, List<(long Line, UInt128 Key)> Keys, List<string> Marked, VerdictSpool.ChunkWriter Kept);

    /// <summary>
    /// Runs one pass over the input on <see cref="ChunkPipeline"/>, each worker with a reader of its own.
    /// Each worker fingerprints its chunk first: pass 1 records the fingerprints in <paramref name="chunks"/>
    /// (in chunk order), pass 2 compares before it uses anything pass 1 kept, and the reading thread checks
    /// that pass 2 reads as many chunks; so a changed input stops the run.
    /// </summary>
    private void Pipeline<T>(Func<Stream> openInput, int pass, List<ulong> chunks, Func<HistoryReader, LineChunk, T> work, Action<T> consume, CancellationToken cancellationToken)
    {
        using var stream = openInput();
        var readers = new System.Collections.Concurrent.ConcurrentBag<HistoryReader>();
        ChunkPipeline.RunPass(
            stream,
            MaxLineBytes,
            MaxDegreeOfParallelism,
            pass,
            chunks,
            chunk =>
            {
                var reader = readers.TryTake(out var r) ? r : new HistoryReader(_validator.Programs);
                try
                {
                    return work(reader, chunk);
                }
                finally
                {
                    readers.Add(reader);
                }
            },
            consume,
            Progress is null ? null : (bytes, lines) => Progress(new ValidationProgress(pass, bytes, lines)),
            cancellationToken);
    }
}
