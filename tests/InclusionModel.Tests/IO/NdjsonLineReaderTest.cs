using System.Text;
using InclusionModel.Histories;
using InclusionModel.IO;

namespace InclusionModel.Tests.IO;

public class NdjsonLineReaderTest
{
    private static List<(long Line, string Text, bool TooLong)> ReadAll(byte[] input, int maxLineBytes = 1024, int chunk = int.MaxValue)
    {
        using var reader = new NdjsonLineReader(new ChunkedStream(input, chunk), maxLineBytes);
        var lines = new List<(long, string, bool)>();
        while (reader.TryReadLine(out var line, out bool tooLong))
        {
            lines.Add((reader.LineNumber, Encoding.UTF8.GetString(line), tooLong));
        }

        return lines;
    }

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(1)]
    [InlineData(3)]
    public void TryReadLine_CrLfBlankLinesAndBom_AreHandled(int chunk)
    {
        byte[] input = [0xEF, 0xBB, 0xBF, .. "a\r\n\r\n  \nb\n\nc"u8];

        Assert.Equal([(1, "a", false), (4, "b", false), (6, "c", false)], ReadAll(input, chunk: chunk));
    }

    [Fact]
    public void TryReadLine_EmptyInput_HasNoLines()
    {
        Assert.Empty(ReadAll([]));
    }

    [Fact]
    public void TryReadLine_LineOverTheLimit_IsReportedAndTheNextLineStillRead()
    {
        byte[] input = Encoding.UTF8.GetBytes(new string('x', 5000) + "\nnext\n" + new string('y', 3000));

        Assert.Equal([(1, "", true), (2, "next", false), (3, "", true)], ReadAll(input, maxLineBytes: 1000, chunk: 700));
    }

    [Fact]
    public void TryReadLine_TenMegabyteLine_IsReadWhole()
    {
        string big = new('z', 10 * 1024 * 1024);
        byte[] input = Encoding.UTF8.GetBytes(big + "\nafter\n");

        var lines = ReadAll(input, maxLineBytes: NdjsonLineReader.DefaultMaxLineBytes);

        Assert.Equal(2, lines.Count);
        Assert.Equal(big.Length, lines[0].Text.Length);
        Assert.Equal("after", lines[1].Text);
    }

    /// <summary>A stream that hands out at most <c>chunk</c> bytes a read, as pipes do.</summary>
    private sealed class ChunkedStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, chunk)]);
    }
}
