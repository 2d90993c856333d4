using System.Collections.Concurrent;
using InclusionModel.Contract;
using InclusionModel.Histories;
using InclusionModel.IO;
using InclusionModel.Programs;
using InclusionModel.Reports;
using InclusionModel.Validation;

namespace InclusionModel.Runs;

/// <summary>
/// Builds a program's report from NDJSON histories in one streaming pass, through the same line reader,
/// the same idea of a malformed line and the same line limit as validation: chunks of whole lines are
/// read on one thread, and parsed and validated (as of <see cref="ReportAccumulator.ValidationDate"/>,
/// places aside) on every core; the records are counted in line order on the calling thread, so that a
/// line that repeats an earlier line's participant counts once (<see cref="ProgramReport.RecordsDuplicate"/>).
/// Memory is bounded by the chunks in flight, the breakdown cells and one fingerprint per participant of
/// the program, never by the records' content.
/// </summary>
public sealed class NdjsonReport
{
    private readonly ProgramSet _programs;

    /// <summary>Creates the pipeline.</summary>
    /// <param name="programs">The programs records may name; default the built-in catalogue.</param>
    public NdjsonReport(ProgramSet? programs = null) => _programs = programs ?? ProgramCatalogue.BuiltIn;

    /// <summary>How many workers parse and validate; default the number of cores.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>The longest line accepted; a longer one is malformed. Default 64 MiB, as for validation.</summary>
    public int MaxLineBytes { get; init; } = NdjsonLineReader.DefaultMaxLineBytes;

    /// <summary>Reads every record of <paramref name="input"/> and reports on <paramref name="program"/> over <paramref name="period"/>.</summary>
    /// <param name="input">NDJSON histories; read once, to its end, and not disposed.</param>
    /// <param name="program">The program.</param>
    /// <param name="period">The period.</param>
    /// <param name="cancellationToken">Stops the run between chunks (<see cref="OperationCanceledException"/>).</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="IOException">The input cannot be read.</exception>
    public ProgramReport Run(Stream input, ProgramDefinition program, ReportPeriod period, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(input);
        Preconditions.CheckNotNull(program);
        Preconditions.CheckNotNull(period);

        // Workers count every record into accumulators of their own; the ordering thread only checks each
        // record's fingerprint against the ones before it, and takes a duplicate back out (rare: the line is
        // read again from its chunk, which the worker keeps until then) so that it counts once, as its first line.
        var idle = new System.Collections.Concurrent.ConcurrentBag<Worker>();
        var all = new System.Collections.Concurrent.ConcurrentBag<Worker>();
        var corrections = new ReportAccumulator(program, period);
        var recounted = new ReportAccumulator(program, period);
        var again = new Worker(program, period, _programs, MaxLineBytes);
        // Sized up front for a file (about one record per 500 bytes) so that the set is seldom copied as it grows.
        var seen = new DuplicateRule(input.CanSeek ? (int)Math.Min((input.Length - input.Position) / 500, 1 << 24) : 0);
        long duplicates = 0;
        ChunkPipeline.Run(
            input,
            MaxLineBytes,
            MaxDegreeOfParallelism,
            inspect: null,
            chunk =>
            {
                if (!idle.TryTake(out var worker))
                {
                    all.Add(worker = new Worker(program, period, _programs, MaxLineBytes));
                }

                try
                {
                    return (Chunk: chunk, Keys: worker.Count(chunk));
                }
                finally
                {
                    idle.Add(worker);
                }
            },
            counted =>
            {
                try
                {
                    foreach (var (index, key, malformed) in counted.Keys)
                    {
                        switch (seen.Tell(key, malformed))
                        {
                            case Repeat.OfRecord:
                                // Counted from its earlier record: this line's counts are taken back out.
                                again.Recount(counted.Chunk.Line(index), corrections);
                                duplicates++;
                                break;
                            case Repeat.OfMalformedLineOnly:
                                // Its earlier lines were malformed: counted from this line, as a duplicate.
                                recounted.AddCountedDuplicate(again.Recount(counted.Chunk.Line(index), corrections));
                                break;
                        }
                    }
                }
                finally
                {
                    counted.Chunk.Dispose();
                }
            },
            progress: null,
            cancellationToken,
            workerDisposesChunk: false);

        var total = new ReportAccumulator(program, period);
        foreach (var worker in all)
        {
            total.Merge(worker.Accumulator);
        }

        total.Subtract(corrections);
        total.Merge(recounted);
        for (long d = 0; d < duplicates; d++)
        {
            total.AddDuplicate();
        }

        return total.ToReport();
    }

    /// <summary>
    /// Builds the report from <paramref name="input"/> for a host that reads its streams asynchronously (a
    /// request body): a stream that cannot seek is first copied asynchronously into an owner-only temporary
    /// spool (released however the run ends), then counted on the thread pool.
    /// </summary>
    /// <param name="input">NDJSON histories; not disposed.</param>
    /// <param name="program">The program.</param>
    /// <param name="period">The period.</param>
    /// <param name="cancellationToken">Stops the copy, or the run between chunks.</param>
    /// <returns>The report.</returns>
    public Task<ProgramReport> RunAsync(Stream input, ProgramDefinition program, ReportPeriod period, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(program);
        Preconditions.CheckNotNull(period);
        return AsyncInput.RunAsync(input, stream => Run(stream, program, period, cancellationToken), cancellationToken);
    }

    /// <summary>One worker's reader, validator and accumulator; used by one thread at a time.</summary>
    private sealed class Worker(ProgramDefinition program, ReportPeriod period, ProgramSet programs, int maxLineBytes)
    {
        private readonly HistoryReader _reader = new(programs);
        private readonly HistoryValidator _validator = new(programs);
        private readonly List<Violation> _violations = new(16);

        internal ReportAccumulator Accumulator { get; } = new(program, period);

        /// <summary>Counts every line of the chunk; returns the fingerprints of the program's lines (a malformed one's where its ids can be read), by line index in the chunk.</summary>
        internal List<(int Index, UInt128 Key, bool Malformed)> Count(LineChunk chunk)
        {
            var keys = new List<(int, UInt128, bool)>(chunk.Count);
            for (int i = 0; i < chunk.Count; i++)
            {
                switch (RunLine.Read(_reader, chunk, i, program.Id, maxLineBytes, out var history, out _, out var key, out _))
                {
                    case LineKind.Malformed:
                        Accumulator.AddMalformed();
                        if (key is { } k)
                        {
                            keys.Add((i, k, true));
                        }

                        break;
                    case LineKind.OtherProgram:
                        Accumulator.AddOtherProgram();
                        break;
                    default:
                        Accumulator.Add(history!, IsValid(history!));
                        keys.Add((i, key!.Value, false));
                        break;
                }
            }

            return keys;
        }

        /// <summary>
        /// Counts one line of the program again, straight into <paramref name="corrections"/> (what a duplicate takes
        /// back out), with no accumulator of its own: a file of repeats has nearly as many duplicates as lines.
        /// </summary>
        /// <param name="line">The line, a record of the program.</param>
        /// <param name="corrections">The run's corrections.</param>
        /// <returns>The line's record.</returns>
        internal ParticipantHistory Recount(ReadOnlySpan<byte> line, ReportAccumulator corrections)
        {
            var history = _reader.Read(line, 0).Value!;
            corrections.Add(history, IsValid(history));
            return history;
        }

        private bool IsValid(ParticipantHistory history)
        {
            _violations.Clear();
            _validator.Validate(history, ReportAccumulator.ValidationDate(history, period), _violations);
            return _violations.Count == 0;
        }
    }
}
