using System.Collections.Concurrent;
using InclusionModel.Histories;
using InclusionModel.Programs;
using InclusionModel.Validation;

namespace InclusionModel.Reports;

/// <summary>
/// Builds a program's report from NDJSON histories in one streaming pass: blocks of whole lines are read
/// on one thread and parsed, validated (as of <see cref="ReportAccumulator.ValidationDate"/>, places aside) and counted on every
/// core, each worker into its own <see cref="ReportAccumulator"/>; the accumulators merge at the end.
/// Memory is bounded by the blocks in flight and the breakdown cells, not by the records.
/// </summary>
public sealed class NdjsonReport
{
    private const int BlockBytes = 1 << 20;

    private readonly ProgramSet _programs;

    /// <summary>Creates the pipeline.</summary>
    /// <param name="programs">The programs records may name; default the built-in catalogue.</param>
    public NdjsonReport(ProgramSet? programs = null) => _programs = programs ?? ProgramCatalogue.BuiltIn;

    /// <summary>How many workers count; default the number of cores.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Reads every record of <paramref name="input"/> and reports on <paramref name="program"/> over <paramref name="period"/>.</summary>
    /// <param name="input">NDJSON histories.</param>
    /// <param name="program">The program.</param>
    /// <param name="period">The period.</param>
    /// <returns>The report.</returns>
    public ProgramReport Run(Stream input, ProgramDefinition program, ReportPeriod period)
    {
        Preconditions.CheckNotNull(input);
        Preconditions.CheckNotNull(program);
        Preconditions.CheckNotNull(period);
        using var blocks = new BlockingCollection<(byte[] Buffer, int Length)>(boundedCapacity: MaxDegreeOfParallelism * 2);
        using var failed = new CancellationTokenSource();
        var accumulators = new ReportAccumulator[Math.Max(1, MaxDegreeOfParallelism)];
        var workers = new Task[accumulators.Length];
        for (int w = 0; w < workers.Length; w++)
        {
            var accumulator = accumulators[w] = new ReportAccumulator(program, period);
            workers[w] = Task.Factory.StartNew(
                () =>
                {
                    try
                    {
                        Count(blocks, accumulator, program, period, failed.Token);
                    }
                    catch
                    {
                        failed.Cancel(); // so that the reader never waits on a full queue no one empties
                        throw;
                    }
                },
                TaskCreationOptions.LongRunning);
        }

        try
        {
            Split(input, blocks, failed.Token);
        }
        catch (OperationCanceledException) when (failed.IsCancellationRequested)
        {
            // A worker failed: its exception is rethrown below.
        }
        finally
        {
            blocks.CompleteAdding();
            try
            {
                Task.WaitAll(workers);
            }
            catch (AggregateException e) when (e.InnerExceptions.Count == 1)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            }
        }

        for (int w = 1; w < accumulators.Length; w++)
        {
            accumulators[0].Merge(accumulators[w]);
        }

        return accumulators[0].ToReport();
    }

    /// <summary>Cuts the input into blocks that end at a line end (a line longer than a block grows its block).</summary>
    private static void Split(Stream input, BlockingCollection<(byte[] Buffer, int Length)> blocks, CancellationToken cancel)
    {
        byte[] buffer = new byte[BlockBytes];
        int filled = 0;
        while (true)
        {
            if (filled == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            int read = input.Read(buffer, filled, buffer.Length - filled);
            if (read == 0)
            {
                if (filled > 0)
                {
                    blocks.Add((buffer, filled), cancel);
                }

                return;
            }

            filled += read;
            int cut = buffer.AsSpan(0, filled).LastIndexOf((byte)'\n');
            if (cut < 0)
            {
                continue;
            }

            var next = new byte[Math.Max(BlockBytes, filled - cut - 1)];
            buffer.AsSpan(cut + 1, filled - cut - 1).CopyTo(next);
            blocks.Add((buffer, cut + 1), cancel);
            filled -= cut + 1;
            buffer = next;
        }
    }

    private void Count(BlockingCollection<(byte[] Buffer, int Length)> blocks, ReportAccumulator accumulator, ProgramDefinition program, ReportPeriod period, CancellationToken cancel)
    {
        var reader = new HistoryReader(_programs);
        var validator = new HistoryValidator(_programs);
        var violations = new List<Violation>(16);
        foreach (var (buffer, length) in blocks.GetConsumingEnumerable(cancel))
        {
            var rest = buffer.AsSpan(0, length);
            while (!rest.IsEmpty)
            {
                int end = rest.IndexOf((byte)'\n');
                var line = end < 0 ? rest : rest[..end];
                rest = end < 0 ? [] : rest[(end + 1)..];
                if (line.EndsWith("\r"u8))
                {
                    line = line[..^1];
                }

                if (line.StartsWith("\uFEFF"u8))
                {
                    line = line[3..];
                }

                if (line.Trim(" \t"u8).IsEmpty)
                {
                    continue;
                }

                if (reader.TryPeekProgram(line, out string? programId) && programId != program.Id)
                {
                    accumulator.AddOtherProgram();
                    continue;
                }

                var parsed = reader.Read(line, 0);
                if (parsed.Value is not { } history)
                {
                    accumulator.AddMalformed();
                    continue;
                }

                bool valid = true;
                if (history.Program == program.Id)
                {
                    violations.Clear();
                    validator.Validate(history, ReportAccumulator.ValidationDate(history, period), violations);
                    valid = violations.Count == 0;
                }

                accumulator.Add(history, valid);
            }
        }
    }
}
