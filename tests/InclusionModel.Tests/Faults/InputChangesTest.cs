using System.Text;
using InclusionModel.Histories;
using InclusionModel.IO;
using InclusionModel.Programs;
using InclusionModel.Reports;
using InclusionModel.RuleChanges;
using InclusionModel.Runs;
using InclusionModel.Testing;
using InclusionModel.Validation;
using NodaTime;

namespace InclusionModel.Tests.Faults;

/// <summary>Inputs that change after they are read, cannot be read twice, or hold lines that one command once read differently from another.</summary>
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

        public void SpecialCategoryData(IReadOnlyList<string> programs)
        {
        }
    }

    public static TheoryData<string> Changes() => ["truncated", "extended", "rewritten", "one byte", "emptied"];

    private static byte[] Changed(byte[] first, string change) => change switch
    {
        "truncated" => first[..(first.Length / 2)],
        "extended" => [.. first, .. Run(5, "q")],
        "rewritten" => Run(first.Count(b => b == (byte)'\n') / ProgramCatalogue.BuiltIn.Count, "r"),
        "one byte" => [.. first[..^10], (byte)(first[^10] == (byte)'1' ? '2' : '1'), .. first[^9..]],
        _ => [],
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void Validate_ReadsItsInputOnce_SoAnInputThatChangesAfterwardsCannotMixIntoTheSummary(string change)
    {
        // Two passes over a file that changed between them once mixed two files into one summary; the run
        // now opens its input once, and what a second opening would give never reaches it.
        byte[] first = Run(600);
        byte[] second = Changed(first, change);
        var expected = new NdjsonValidation(new HistoryValidator()) { MaxDegreeOfParallelism = 1 }.Run(new MemoryStream(first), AsOf, new Counting());
        int opened = 0;
        var sink = new Counting();

        var summary = new NdjsonValidation(new HistoryValidator()) { MaxDegreeOfParallelism = 2 }
            .Run(() => new MemoryStream(opened++ == 0 ? first : second), AsOf, sink);

        Assert.Equal(1, opened);
        Assert.True(sink.Completed);
        Assert.Equal(expected, summary);
        Assert.Equal(4200, summary.Records);
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public void Compare_InputThatChangesBetweenItsTwoPasses_StopsWithoutASummary(string change)
    {
        // `compare` still reads a seekable input twice, and checks that both passes read the same bytes.
        byte[] first = Run(100);
        byte[] second = Changed(first, change);
        var romaneBucha = ProgramCatalogue.BuiltIn.Get("eskilstuna-romane-bucha");
        var impact = new RuleChangeImpact(romaneBucha, ProgramDefinitionBuilder.From(romaneBucha).WithPlaces(romaneBucha.Places!.Value + 1).Build()) { MaxDegreeOfParallelism = 2 };

        var e = Assert.Throws<InputChangedException>(() => impact.CompareHistories(new ChangingOnRewind(first, second), AsOf));

        Assert.True(e.Line >= 1);
        Assert.IsAssignableFrom<IOException>(e); // the command's one-line, exit-code-2 path
    }

    [Fact]
    public void Validate_AStreamThatCannotSeek_IsReadOnceAsItComes()
    {
        byte[] input = Run(300);
        var seekable = new NdjsonValidation(new HistoryValidator()).Run(new MemoryStream(input), AsOf, new Counting());
        var forward = new ForwardOnly(new MemoryStream(input));
        var piped = new NdjsonValidation(new HistoryValidator()).Run(forward, AsOf, new Counting());

        Assert.True(seekable.Records > 2000);
        Assert.Equal(seekable, piped);
        Assert.Equal(input.Length, forward.BytesRead);
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

    /// <summary>A seekable stream whose bytes are others once it has been rewound: a file rewritten between two readings.</summary>
    private sealed class ChangingOnRewind(byte[] first, byte[] second) : Stream
    {
        private MemoryStream _current = new(first, writable: false);
        private bool _read;

        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => _current.Length;

        public override long Position
        {
            get => _current.Position;
            set
            {
                if (_read && value == 0)
                {
                    _current = new MemoryStream(second, writable: false);
                }

                _current.Position = value;
            }
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            _read = true;
            return _current.Read(buffer, offset, count);
        }

        public override long Seek(long offset, SeekOrigin origin)
        {
            Position = origin switch { SeekOrigin.Begin => offset, SeekOrigin.Current => Position + offset, _ => Length + offset };
            return Position;
        }

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A stream that can only be read forward, as a pipe is.</summary>
    private sealed class ForwardOnly(Stream inner) : ForwardOnlyStream
    {
        public long BytesRead { get; private set; }

        public override int Read(Span<byte> buffer)
        {
            int read = inner.Read(buffer);
            BytesRead += read;
            return read;
        }
    }
}
