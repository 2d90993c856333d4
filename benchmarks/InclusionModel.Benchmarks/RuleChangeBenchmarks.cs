using BenchmarkDotNet.Attributes;
using InclusionModel.Histories;
using InclusionModel.Programs;
using InclusionModel.RuleChanges;
using InclusionModel.Runs;
using InclusionModel.Testing;
using InclusionModel.Validation;
using NodaTime;

namespace InclusionModel.Benchmarks;

/// <summary>
/// Issue 15: comparing a baseline and a candidate definition over a file costs at most 2.2× one validation of
/// it. The file holds only the compared program (All in; 100,000 generated histories, each line a participant
/// of its own, about 40 MB), so that every line is judged under both definitions; the candidate has 700 places
/// and an into-work target of 420. Validation with its JSON report (what <c>inclusion validate</c> does) is the
/// baseline of the class, so the Ratio column is compare over validate in one run.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class RuleChangeBenchmarks
{
    private readonly ProgramDefinition _allIn = ProgramCatalogue.BuiltIn.Get("hallefors-all-in");
    private ProgramDefinition _candidate = null!;
    private byte[] _ndjson = [];
    private LocalDate _asOf;

    [GlobalSetup]
    public void Setup()
    {
        var generated = HistoryGenerators.Sample(_allIn, 100_000, seed: 15);
        var lines = new MemoryStream();
        int n = 0;
        foreach (var g in generated)
        {
            var h = g.History;
            lines.Write(System.Text.Encoding.UTF8.GetBytes(HistoryWriter.ToLine(ParticipantHistory.Create($"c{n++}", h.Program, h.Events, h.Gender, h.BirthDate, h.EducationLevel))));
            lines.WriteByte((byte)'\n');
        }

        _ndjson = lines.ToArray();
        _asOf = generated.Max(g => g.AsOf);
        _candidate = ProgramDefinitionBuilder.From(_allIn)
            .WithPlaces(700)
            .WithGoals(_allIn.Goals!.Value.Select(g => g.Id == "into-work" ? new Goal(g.Id, g.Quantity, 420, g.Description) : g))
            .Build();
        Console.WriteLine($"// {n} histories of All in, {_ndjson.Length} bytes, as of {_asOf}");
    }

    [Benchmark(Baseline = true, Description = "validate with the JSON report (one validation)")]
    public long Validate()
    {
        using var sink = new JsonValidationReportWriter(Stream.Null);
        return new NdjsonValidation(new HistoryValidator()).Run(new MemoryStream(_ndjson, writable: false), _asOf, sink).Records;
    }

    [Benchmark(Description = "compare baseline and candidate, both final reports")]
    public long Compare()
        => new RuleChangeImpact(_allIn, _candidate).CompareHistories(new MemoryStream(_ndjson, writable: false), _asOf).Changed;
}
