using InclusionModel.Contract;
using InclusionModel.Histories;
using InclusionModel.Programs;
using InclusionModel.Validation;

namespace InclusionModel.Reports;

/// <summary>Builds a report from histories already in memory, validating and counting them on every core.</summary>
public static class ReportBuilder
{
    /// <summary>The report of <paramref name="program"/> over <paramref name="period"/>.</summary>
    /// <param name="histories">The records (of any programs; others are skipped and counted).</param>
    /// <param name="program">The program.</param>
    /// <param name="period">The period.</param>
    /// <param name="programs">The programs the records may name (for validation); default the built-in catalogue.</param>
    /// <param name="maxDegreeOfParallelism">How many cores to count on; default all.</param>
    /// <returns>
    /// The report. Records are validated as of <see cref="ReportAccumulator.ValidationDate"/>, places aside; a
    /// record that repeats an earlier record's participant is counted in <see cref="ProgramReport.RecordsDuplicate"/> only.
    /// </returns>
    public static ProgramReport Build(IReadOnlyList<ParticipantHistory> histories, ProgramDefinition program, ReportPeriod period, ProgramSet? programs = null, int maxDegreeOfParallelism = 0)
    {
        Preconditions.CheckNotNull(histories);
        Preconditions.CheckNotNull(program);
        Preconditions.CheckNotNull(period);
        var validator = new HistoryValidator(programs ?? ProgramCatalogue.BuiltIn.With([program]));
        int workers = maxDegreeOfParallelism > 0 ? maxDegreeOfParallelism : Environment.ProcessorCount;
        workers = Math.Max(1, Math.Min(workers, (histories.Count / 4096) + 1));
        var duplicates = Duplicates(histories, program);
        var accumulators = new ReportAccumulator[workers];
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
        {
            var accumulator = accumulators[w] = new ReportAccumulator(program, period);
            var violations = new List<Violation>(16);
            int from = (int)((long)histories.Count * w / workers);
            int to = (int)((long)histories.Count * (w + 1) / workers);
            for (int i = from; i < to; i++)
            {
                var history = histories[i];
                if (duplicates[i])
                {
                    accumulator.AddDuplicate();
                    continue;
                }

                bool valid = true;
                if (string.Equals(history.Program, program.Id, StringComparison.Ordinal))
                {
                    violations.Clear();
                    validator.Validate(history, ReportAccumulator.ValidationDate(history, period), violations);
                    valid = violations.Count == 0;
                }

                accumulator.Add(history, valid);
            }
        });

        for (int w = 1; w < workers; w++)
        {
            accumulators[0].Merge(accumulators[w]);
        }

        return accumulators[0].ToReport();
    }

    /// <summary>Marks the program's records whose participant an earlier record of the program has.</summary>
    /// <remarks>
    /// One bit per record, not a set of indices: a set of the indices of a million repeated records took more
    /// memory and time than the whole count (the pre-parsed report benchmark, benchmarks/README.md).
    /// </remarks>
    private static System.Collections.BitArray Duplicates(IReadOnlyList<ParticipantHistory> histories, ProgramDefinition program)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var duplicates = new System.Collections.BitArray(histories.Count);
        for (int i = 0; i < histories.Count; i++)
        {
            var history = Preconditions.CheckNotNull(histories[i]);
            if (string.Equals(history.Program, program.Id, StringComparison.Ordinal) && !seen.Add(history.Participant))
            {
                duplicates[i] = true;
            }
        }

        return duplicates;
    }
}
