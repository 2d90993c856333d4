using System.Collections.Concurrent;
using InclusionModel.Histories;
using InclusionModel.Programs;
using InclusionModel.Validation;

namespace InclusionModel.Reports;

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
        var accumulator = new ReportAccumulator(program, period);
        var seen = new HashSet<UInt128>();
        var workers = new System.Collections.Concurrent.ConcurrentBag<(HistoryReader, HistoryValidator, List<Violation>)>();
        ChunkPipeline.Run(
            input,
            MaxLineBytes,
            MaxDegreeOfParallelism,
            inspect: null,
            chunk =>
            {
                var worker = workers.TryTake(out var w) ? w : (new HistoryReader(_programs), new HistoryValidator(_programs), new List<Violation>(16));
                try
                {
                    return Read(chunk, program, period, worker.Item1, worker.Item2, worker.Item3);
                }
                finally
                {
                    workers.Add(worker);
                }
            },
            lines =>
            {
                foreach (var line in lines)
                {
                    switch (line.Kind)
                    {
                        case LineKind.Malformed:
                            accumulator.AddMalformed();
                            break;
                        case LineKind.OtherProgram:
                            accumulator.AddOtherProgram();
                            break;
                        default:
                            if (line.Key is { } key && !seen.Add(key))
                            {
                                accumulator.AddDuplicate();
                            }
                            else
                            {
                                accumulator.Add(line.History!, line.Valid);
                            }

                            break;
                    }
                }
            },
            progress: null,
            cancellationToken);
        return accumulator.ToReport();
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

    private static List<ReadLine> Read(LineChunk chunk, ProgramDefinition program, ReportPeriod period, HistoryReader reader, HistoryValidator validator, List<Violation> violations)
    {
        var result = new List<ReadLine>(chunk.Count);
        for (int i = 0; i < chunk.Count; i++)
        {
            if (chunk.TooLong(i))
            {
                result.Add(new ReadLine(LineKind.Malformed, null, false, null));
                continue;
            }

            var line = chunk.Line(i);
            if (reader.TryPeekProgram(line, out string? programId) && programId != program.Id)
            {
                result.Add(new ReadLine(LineKind.OtherProgram, null, false, null));
                continue;
            }

            var parsed = reader.Read(line, chunk.Number(i));
            if (parsed.Value is not { } history)
            {
                result.Add(new ReadLine(LineKind.Malformed, null, false, null));
                continue;
            }

            if (history.Program != program.Id)
            {
                result.Add(new ReadLine(LineKind.OtherProgram, null, false, null));
                continue;
            }

            violations.Clear();
            validator.Validate(history, ReportAccumulator.ValidationDate(history, period), violations);
            result.Add(new ReadLine(LineKind.OfProgram, history, violations.Count == 0, HistoryReader.DuplicateKey(history)));
        }

        return result;
    }

    private enum LineKind : byte
    {
        OfProgram,
        OtherProgram,
        Malformed,
    }

    private readonly record struct ReadLine(LineKind Kind, ParticipantHistory? History, bool Valid, UInt128? Key);
}
