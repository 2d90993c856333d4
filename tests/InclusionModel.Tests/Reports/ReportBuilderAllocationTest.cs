using InclusionModel.Programs;
using InclusionModel.Reports;
using InclusionModel.Testing;
using NodaTime;

namespace InclusionModel.Tests.Reports;

/// <summary>
/// What finding repeated participants costs a report over histories in memory, counted in bytes on the calling
/// thread (a one-worker build counts there; nothing here is timed). It once kept the index of every repeat in a
/// set: for the benchmark's million records of 100,000 participants that set took more time than the count.
/// </summary>
public class ReportBuilderAllocationTest
{
    private static readonly ProgramDefinition AllIn = ProgramCatalogue.BuiltIn.Get("hallefors-all-in");
    private static readonly ReportPeriod June2019 = ReportPeriod.Month(new YearMonth(2019, 6));

    private static long Allocated(Action action)
    {
        action(); // the first run compiles
        long before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Fact]
    public void RepeatedRecords_CostABitEach_NotAnEntryInASet()
    {
        var distinct = HistoryGenerators.Sample(AllIn, 100, seed: 5).Select(g => g.History).ToArray();
        var once = distinct.ToArray();
        var repeated = Enumerable.Range(0, 100 * distinct.Length).Select(i => distinct[i % distinct.Length]).ToArray();

        long first = Allocated(() => ReportBuilder.Build(once, AllIn, June2019, maxDegreeOfParallelism: 1));
        long more = Allocated(() => ReportBuilder.Build(repeated, AllIn, June2019, maxDegreeOfParallelism: 1));
        var report = ReportBuilder.Build(repeated, AllIn, June2019, maxDegreeOfParallelism: 1);

        Assert.Equal(99L * distinct.Length, report.RecordsDuplicate);
        // 9,900 repeats: a set of their indices takes well over 100 kB; a bit each takes about 1.2 kB.
        long perRepeat = (more - first) / (99 * distinct.Length);
        Assert.True(perRepeat < 4, $"a repeated record allocates {perRepeat} B (one: {first} B, all: {more} B)");
    }
}
