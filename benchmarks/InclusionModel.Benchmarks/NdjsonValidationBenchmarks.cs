using BenchmarkDotNet.Attributes;
using InclusionModel.Validation;
using NodaTime;

namespace InclusionModel.Benchmarks;

/// <summary>(d) End-to-end NDJSON validation: both passes, parsing, validation and the JSON report.</summary>
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

    [Benchmark(Description = "(d) NDJSON to JSON report, 64 MB")]
    public long NdjsonToJsonReport()
    {
        using var sink = new JsonValidationReportWriter(Stream.Null);
        return _run.Run(() => new MemoryStream(_input, writable: false), _asOf, sink).Records;
    }
}
