using BenchmarkDotNet.Attributes;
using InclusionModel.Runs;
using InclusionModel.Validation;
using NodaTime;

namespace InclusionModel.Benchmarks;

/// <summary>
/// (d) End-to-end NDJSON validation: both passes, parsing, validation and the JSON report; beside it, as the
/// baseline, the bare parse of the same bytes on the same cores (issue 11's floor,
/// <see cref="InclusionModel.Floor.BareParse"/>), so that the Ratio column is (d) over the floor in one run.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class NdjsonValidationBenchmarks
{
    private byte[] _input = [];
    private LocalDate _asOf;
    private NdjsonValidation _run = null!;

    /// <summary>The input size in bytes; MB/s is this divided by the mean time.</summary>
    public static int InputBytes { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _input = Workload.Ndjson(64 * 1024 * 1024);
        InputBytes = _input.Length;
        _asOf = Workload.LatestAsOf;
        _run = new NdjsonValidation(new HistoryValidator());
        Console.WriteLine($"// NDJSON input: {_input.Length} bytes, {_input.Count(b => b == (byte)'\n')} records");
    }

    [Benchmark(Baseline = true, Description = "floor: bare parse of the same bytes, both cores")]
    public long BareParse() => InclusionModel.Floor.BareParse.Run(new MemoryStream(_input, writable: false), Environment.ProcessorCount).Lines;

    [Benchmark(Description = "(d) NDJSON to JSON report, 64 MB")]
    public long NdjsonToJsonReport()
    {
        using var sink = new JsonValidationReportWriter(Stream.Null);
        return _run.Run(() => new MemoryStream(_input, writable: false), _asOf, sink).Records;
    }
}
