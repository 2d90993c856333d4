using System.Text;
using InclusionModel.Histories;
using InclusionModel.Programs;
using InclusionModel.Testing;
using InclusionModel.Validation;
using NodaTime;

namespace InclusionModel.Tests.Validation;

public class NdjsonValidationTest
{
    private static readonly LocalDate AsOf = new(2026, 1, 1);

    /// <summary>About 3 MB of generated histories (several chunks), some dated out of order, with malformed and blank lines among them.</summary>
    private static (byte[] Input, List<ParticipantHistory> Histories) BigRun()
    {
        var histories = new List<ParticipantHistory>();
        var text = new StringBuilder();
        int n = 0;
        foreach (var program in ProgramCatalogue.BuiltIn.All)
        {
            foreach (var generated in HistoryGenerators.Sample(program, 800, seed: program.Id.Length))
            {
                var history = ++n % 7 == 0 && generated.History.Events.Length > 1
                    ? HistoryMutations.MoveBeforePredecessor(generated.History, 1, 3)
                    : generated.History;
                histories.Add(history);
                text.Append(HistoryWriter.ToLine(history)).Append('\n');
                if (n % 500 == 0)
                {
                    text.Append("{\"participant\":\"broken\"\n\n");
                }
            }
        }

        return (Encoding.UTF8.GetBytes(text.ToString()), histories);
    }

    private sealed class Recorder : IValidationSink
    {
        public List<string> Entries { get; } = [];

        public ValidationSummary? Summary { get; private set; }

        public void Record(long line, HistoryValidationResult result)
            => Entries.Add($"{line} {result.Participant} {result.FinalState.Name} {string.Join(" | ", result.Violations)}");

        public void Malformed(long line, string reason) => Entries.Add($"{line} malformed {reason}");

        public void Complete(ValidationSummary summary) => Summary = summary;
    }

    [Fact]
    public void Run_InParallel_GivesExactlyWhatOneThreadGives()
    {
        var (input, _) = BigRun();
        var one = new Recorder();
        var many = new Recorder();

        new NdjsonValidation(new HistoryValidator()) { MaxDegreeOfParallelism = 1 }.Run(() => new MemoryStream(input), AsOf, one);
        new NdjsonValidation(new HistoryValidator()) { MaxDegreeOfParallelism = 4 }.Run(() => new MemoryStream(input), AsOf, many);

        Assert.True(input.Length > 3 * 1024 * 1024, "the run must span several chunks");
        Assert.Equal(one.Entries, many.Entries);
        Assert.Equal(one.Summary, many.Summary);
    }

    [Fact]
    public void Run_GivesTheVerdictsOfValidateAll_CapacityIncluded()
    {
        var (input, histories) = BigRun();
        var recorder = new Recorder();
        var validator = new HistoryValidator();

        var summary = new NdjsonValidation(validator).Run(() => new MemoryStream(input), AsOf, recorder);
        var expected = validator.ValidateAll(histories, AsOf);

        var verdicts = recorder.Entries.Where(e => !e.Contains(" malformed ")).Select(e => e[(e.IndexOf(' ') + 1)..]).ToList();
        Assert.Equal(expected.Select(r => $"{r.Participant} {r.FinalState.Name} {string.Join(" | ", r.Violations)}"), verdicts);
        Assert.Contains(expected, r => r.Violations.Any(v => v.Rule == ValidationRule.CapacityExceeded));
        Assert.Equal(histories.Count / 500, summary.Malformed);
        Assert.Equal(histories.Count + summary.Malformed, summary.Records);
    }
}
