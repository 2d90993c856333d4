using BenchmarkDotNet.Attributes;
using InclusionModel.Histories;
using InclusionModel.Programs;
using InclusionModel.Reports;
using InclusionModel.Runs;
using InclusionModel.Testing;
using NodaTime;

namespace InclusionModel.Benchmarks;

/// <summary>
/// Issue 5's targets: a monthly report over one million pre-parsed participants of All in (at most 1 s on
/// this 2-core machine), and NDJSON to report (at least 150 MB/s).
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class ReportBenchmarks
{
    public const int Participants = 1_000_000;
    private const int Distinct = 100_000;

    private readonly ProgramDefinition _allIn = ProgramCatalogue.BuiltIn.Get("hallefors-all-in");
    private readonly ReportPeriod _june2019 = ReportPeriod.Month(new YearMonth(2019, 6));
    private ParticipantHistory[] _histories = [];
    private byte[] _ndjson = [];

    public long Events { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        // 100,000 distinct generated histories, each used ten times: a million participants.
        var distinct = HistoryGenerators.Sample(_allIn, Distinct, seed: 5).Select(g => g.History).ToArray();
        _histories = [.. Enumerable.Range(0, Participants).Select(i => distinct[i % Distinct])];
        Events = _histories.Sum(h => (long)h.Events.Length);

        var lines = new MemoryStream();
        while (lines.Length < 100_000_000)
        {
            foreach (var history in distinct)
            {
                lines.Write(System.Text.Encoding.UTF8.GetBytes(HistoryWriter.ToLine(history)));
                lines.WriteByte((byte)'\n');
            }
        }

        _ndjson = lines.ToArray();
        Console.WriteLine($"// {Participants} participants, {Events} events; NDJSON {_ndjson.Length} bytes");
    }

    [Benchmark(Description = "monthly report, 1M pre-parsed participants, both cores")]
    public long MonthlyReportInMemory() => ReportBuilder.Build(_histories, _allIn, _june2019).Participants;

    [Benchmark(Description = "NDJSON to monthly report, 104 MB, both cores")]
    public long MonthlyReportFromNdjson() => new NdjsonReport().Run(new MemoryStream(_ndjson, writable: false), _allIn, _june2019).Participants;
}
