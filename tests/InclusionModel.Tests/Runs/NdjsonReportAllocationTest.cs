using System.Text;
using InclusionModel.Histories;
using InclusionModel.Programs;
using InclusionModel.Reports;
using InclusionModel.Runs;
using InclusionModel.Testing;
using NodaTime;

namespace InclusionModel.Tests.Runs;

/// <summary>
/// What a report over NDJSON allocates for a line, counted in bytes on the one thread that a run with one worker
/// uses (exact, whatever else the machine does; nothing here is timed). A duplicate line is read again and counted
/// straight into the run's corrections: it once cost an accumulator of its own (every breakdown array, and since
/// the cell keys every cell-key array too), most of what BenchmarkDotNet's NDJSON-to-monthly-report allocated on
/// its file of repeats.
/// </summary>
public class NdjsonReportAllocationTest
{
    private const int Distinct = 2000;
    private static readonly ProgramDefinition AllIn = ProgramCatalogue.BuiltIn.Get("hallefors-all-in");
    private static readonly ReportPeriod June2019 = ReportPeriod.Month(new YearMonth(2019, 6));

    private static byte[] Lines(IEnumerable<ParticipantHistory> histories, int times)
    {
        var text = new StringBuilder();
        for (int t = 0; t < times; t++)
        {
            foreach (var history in histories)
            {
                text.Append(HistoryWriter.ToLine(history)).Append('\n');
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static long Allocated(Action action)
    {
        action(); // the first run fills the array pools and compiles
        action();
        long before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static ProgramReport Report(byte[] ndjson)
        => new NdjsonReport { MaxDegreeOfParallelism = 1 }.Run(new MemoryStream(ndjson, writable: false), AllIn, June2019);

    [Fact]
    public void ADuplicateLine_CostsItsReadingAgain_NotAnAccumulator()
    {
        var histories = HistoryGenerators.Sample(AllIn, Distinct, seed: 5).Select(g => g.History).ToArray();
        byte[] once = Lines(histories, 1), twice = Lines(histories, 2);
        long accumulator = Allocated(() => _ = new ReportAccumulator(AllIn, June2019));

        long perRecord = Allocated(() => Report(once)) / histories.Length;
        long perDuplicate = (Allocated(() => Report(twice)) - Allocated(() => Report(once))) / histories.Length;

        // A duplicate is read twice (by the worker and again for the correction); an accumulator a duplicate would
        // add half again to that, and more than half an accumulator is more than the reading's slack.
        Assert.True(
            perDuplicate < (2 * perRecord) + (accumulator / 2),
            $"a duplicate line allocates {perDuplicate} B, a first line {perRecord} B, an accumulator {accumulator} B");
    }

    [Fact]
    public void RepeatedLines_GiveTheCellKeysOfTheLinesOnce()
    {
        var histories = HistoryGenerators.Sample(AllIn, 300, seed: 7).Select(g => g.History).ToArray();
        var once = new NdjsonReport { MaxDegreeOfParallelism = 2 }.Run(new MemoryStream(Lines(histories, 1)), AllIn, June2019);
        var thrice = new NdjsonReport { MaxDegreeOfParallelism = 2 }.Run(new MemoryStream(Lines(histories, 3)), AllIn, June2019);

        Assert.Equal(2L * histories.Length, thrice.RecordsDuplicate);
        Assert.Equal(once.Participants, thrice.Participants);
        Assert.Equal(once.CellKeys.OrderBy(k => k.Key, StringComparer.Ordinal), thrice.CellKeys.OrderBy(k => k.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void MergeAndSubtract_AllocateNothing()
    {
        var total = new ReportAccumulator(AllIn, June2019);
        var part = new ReportAccumulator(AllIn, June2019);
        foreach (var generated in HistoryGenerators.Sample(AllIn, 50, seed: 3))
        {
            part.Add(generated.History, isValid: true);
        }

        Assert.Equal(0, Allocated(() =>
        {
            total.Merge(part);
            total.Subtract(part);
        }));
    }
}
