using System.Text;
using InclusionModel.Histories;
using InclusionModel.Programs;
using InclusionModel.Reports;
using InclusionModel.Testing;
using InclusionModel.Validation;
using NodaTime;

namespace InclusionModel.Tests.Faults;

/// <summary>Inputs that change between passes, cannot be read twice, or hold lines that one command once read differently from another.</summary>
public class InputChangesTest
{
    private static readonly LocalDate AsOf = new(2026, 1, 1);

    private static byte[] Run(int records, string prefix = "p")
    {
        var text = new StringBuilder();
        int n = 0;
        foreach (var program in ProgramCatalogue.BuiltIn.All)
        {
            foreach (var generated in HistoryGenerators.Sample(program, records, seed: 3))
            {
                string line = HistoryWriter.ToLine(generated.History);
                int at = line.IndexOf("\"participant\":\"", StringComparison.Ordinal) + 15;
                text.Append(line[..at]).Append(prefix).Append(n++).Append('-').Append(line[at..]).Append('\n');
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private sealed class Counting : IValidationSink
    {
        public bool Completed { get; private set; }

        public void Record(long line, HistoryValidationResult result)
        {
        }

        public void Malformed(long line, string reason)
        {
        }

        public void Complete(ValidationSummary summary) => Completed = true;
    }

    public static TheoryData<string> Changes() => ["truncated", "extended", "rewritten", "one byte", "emptied"];

    [Theory]
    [MemberData(nameof(Changes))]
    public void Validate_InputThatChangesBetweenPasses_StopsWithoutASummary(string change)
    {
        byte[] first = Run(600);
        byte[] second = change switch
        {
            "truncated" => first[..(first.Length / 2)],
            "extended" => [.. first, .. Run(5, "q")],
            "rewritten" => Run(600, "r"),
            "one byte" => [.. first[..^10], (byte)(first[^10] == (byte)'1' ? '2' : '1'), .. first[^9..]],
            _ => [],
        };
        int opened = 0;
        var sink = new Counting();

        var e = Assert.Throws<InputChangedException>(() => new NdjsonValidation(new HistoryValidator()) { MaxDegreeOfParallelism = 2 }
            .Run(() => new MemoryStream(opened++ == 0 ? first : second), AsOf, sink));

        Assert.False(sink.Completed);
        Assert.True(e.Line >= 1);
        Assert.IsAssignableFrom<IOException>(e); // the command's one-line, exit-code-2 path
    }

    [Fact]
    public void Validate_AStreamThatCannotSeek_IsKeptForTheSecondPass()
    {
        byte[] input = Run(300);
        var seekable = new NdjsonValidation(new HistoryValidator()).Run(new MemoryStream(input), AsOf, new Counting());
        var piped = new NdjsonValidation(new HistoryValidator()).Run(new ForwardOnly(new MemoryStream(input)), AsOf, new Counting());

        Assert.True(seekable.Records > 2000);
        Assert.Equal(seekable, piped);
    }

    [Fact]
    public void Report_CountsAsMalformedWhatValidateCallsMalformed()
    {
        // A byte-order mark on a later line, an over-long line, a line that is not JSON.
        string good = Encoding.UTF8.GetString(Run(1)).Split('\n')[0];
        string program = ProgramCatalogue.BuiltIn.All[0].Id;
        int limit = Encoding.UTF8.GetByteCount(good) + 10;
        string text = $"\uFEFF{good}\n\uFEFF{good.Replace("\"p0-", "\"x0-", StringComparison.Ordinal)}\n{{\"participant\":\"long\",\"program\":\"{program}\",\"events\":[{new string(' ', limit)}]}}\nnot json\n";
        byte[] input = Encoding.UTF8.GetBytes(text);

        var summary = new NdjsonValidation(new HistoryValidator()) { MaxLineBytes = limit }.Run(new MemoryStream(input), AsOf, new Counting());
        var report = new NdjsonReport { MaxLineBytes = limit }.Run(new MemoryStream(input), ProgramCatalogue.BuiltIn.All[0], ReportPeriod.Between(new LocalDate(2000, 1, 1), AsOf));

        Assert.Equal(3, summary.Malformed);
        Assert.Equal(summary.Malformed, report.RecordsMalformed);
        Assert.Equal(summary.Records, report.RecordsRead);
    }

    /// <summary>A stream that can only be read forward, as a pipe is.</summary>
    private sealed class ForwardOnly(Stream inner) : ForwardOnlyStream
    {
        public override int Read(Span<byte> buffer) => inner.Read(buffer);
    }
}
