using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InclusionModel.Histories;
using InclusionModel.IO;
using InclusionModel.Runs;

namespace InclusionModel.Tests.IO;

/// <summary>
/// Chunks are cut on the reading thread in whole blocks and split into lines on the workers (issue 11):
/// the lines must be exactly those <see cref="NdjsonLineReader.TryReadLine"/> gives, and the cuts must not
/// depend on how many bytes each read of the stream returned (a pipe against its spooled copy).
/// </summary>
public class LineChunkTest
{
    private static readonly string[] Pieces = ["{\"a\":1}", "", "  ", "\t", "\r", "{\"b\":\"x\"}\r", new string('z', 40), "\uFEFF{}", "{\"c\":[1,2,3]}"];

    private static Gen<byte[]> Inputs =>
        from count in Gen.Choose(0, 300)
        from lines in Gen.Elements(Pieces).ArrayOf(count)
        from bom in Gen.Elements(true, false)
        from lastNewline in Gen.Elements(true, false)
        select Encoding.UTF8.GetBytes((bom ? "\uFEFF" : "") + string.Join('\n', lines) + (lastNewline && count > 0 ? "\n" : ""));

    [Property(MaxTest = 300)]
    public Property Chunks_GiveTheLinesOfTheLineReader_WhateverTheReadSizes()
        => Prop.ForAll(Inputs.ToArbitrary(), Gen.Choose(1, 97).ToArbitrary(), Gen.Choose(8, 64).ToArbitrary(), (input, readSize, maxLine) =>
        {
            var expected = ReadLines(new MemoryStream(input), maxLine);
            var whole = ReadChunks(new MemoryStream(input), maxLine, chunkBytes: 64);
            var trickled = ReadChunks(new TrickleStream(input, readSize), maxLine, chunkBytes: 64);

            return (Same(expected, whole.Lines) && Same(expected, trickled.Lines) && whole.Fingerprints.SequenceEqual(trickled.Fingerprints))
                .Label($"read size {readSize}, max line {maxLine}");
        });

    [Fact]
    public void Chunks_OfARealSizedInput_EndAtTheLineThatPassesAMegabyte()
    {
        string line = "{\"participant\":\"p\",\"program\":\"x\",\"events\":[]}";
        var input = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(line + "\n", 60_000)));
        using var lines = new NdjsonLineReader(new TrickleStream(input, 4093));

        using var first = LineChunk.Read(lines, 0)!;
        first.Split();

        int perLine = line.Length + 1;
        Assert.Equal((LineChunk.Bytes + perLine - 1) / perLine, first.Count);
        Assert.Equal(1, first.FirstLine);
        Assert.Equal(line, Encoding.UTF8.GetString(first.Line(first.Count - 1)));
    }

    [Fact]
    public void Chunks_OfOnlyBlankLines_HaveNoLinesAndAFingerprint()
    {
        using var lines = new NdjsonLineReader(new MemoryStream("\n \n\r\n"u8.ToArray()));

        using var chunk = LineChunk.Read(lines, 0)!;

        Assert.Equal(0, chunk.Count);
        Assert.Equal(1, chunk.FirstLine);
        _ = chunk.Fingerprint();
        Assert.Null(LineChunk.Read(lines, 1));
    }

    private static bool Same(List<(long, string, bool)> a, List<(long, string, bool)> b) => a.SequenceEqual(b);

    private static List<(long Number, string Text, bool TooLong)> ReadLines(Stream input, int maxLine)
    {
        var result = new List<(long, string, bool)>();
        using var reader = new NdjsonLineReader(input, maxLine);
        while (reader.TryReadLine(out var line, out bool tooLong))
        {
            result.Add((reader.LineNumber, Encoding.UTF8.GetString(line), tooLong));
        }

        return result;
    }

    private static (List<(long, string, bool)> Lines, List<ulong> Fingerprints) ReadChunks(Stream input, int maxLine, int chunkBytes)
    {
        var lines = new List<(long, string, bool)>();
        var fingerprints = new List<ulong>();
        using var reader = new NdjsonLineReader(input, maxLine);
        long index = 0;
        while (LineChunk.Read(reader, index++, chunkBytes) is { } chunk)
        {
            using (chunk)
            {
                chunk.Split();
                for (int i = 0; i < chunk.Count; i++)
                {
                    lines.Add((chunk.Number(i), Encoding.UTF8.GetString(chunk.Line(i)), chunk.TooLong(i)));
                }

                fingerprints.Add(chunk.Fingerprint());
            }
        }

        return (lines, fingerprints);
    }

    /// <summary>A stream that returns at most a few bytes per read, as a pipe may.</summary>
    private sealed class TrickleStream(byte[] bytes, int most) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = Math.Min(Math.Min(count, most), bytes.Length - _position);
            bytes.AsSpan(_position, n).CopyTo(buffer.AsSpan(offset));
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
