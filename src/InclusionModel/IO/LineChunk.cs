using System.Buffers;
using System.Runtime.CompilerServices;

namespace InclusionModel.IO;

/// <summary>
/// About a megabyte of consecutive NDJSON lines, cut by one <see cref="NdjsonLineReader"/> and copied into
/// a pooled buffer, for a worker thread. Every command reads its input through this: one reader, one idea
/// of a line (and of a line that is too long), one limit.
/// </summary>
/// <remarks>
/// The reading thread only cuts: it copies whole raw lines in a few large blocks and counts their line
/// ends. The worker splits them (<see cref="Split"/>): blank lines skipped, <c>\r</c> trimmed, the
/// byte-order mark dropped from line 1, a line over the limit marked too long, exactly as
/// <see cref="NdjsonLineReader.TryReadLine"/> reads them. A chunk ends after the line that takes its raw
/// bytes to <see cref="Bytes"/> or beyond, whatever sizes the stream's reads return, so two passes over the
/// same input cut the same chunks.
/// </remarks>
internal sealed class LineChunk : IDisposable
{
    /// <summary>How many raw bytes of lines a chunk holds before it is handed on.</summary>
    internal const int Bytes = 1 << 20;

    private readonly List<(int Start, int Length, long Number, bool TooLong)> _lines = [];
    private readonly List<(int Start, int Length, long FirstLine, bool Block, bool TooLong)> _segments = [];
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(Bytes + (Bytes / 4));
    private int _used;
    private bool _split;

    private LineChunk(long index, long firstLine)
    {
        Index = index;
        FirstLine = firstLine;
    }

    /// <summary>The chunk's position in the input; two passes over the same input cut the same chunks.</summary>
    internal long Index { get; }

    /// <summary>The number of lines (not blank) in the chunk; known once it is <see cref="Split"/>.</summary>
    internal int Count
    {
        get
        {
            EnsureSplit();
            return _lines.Count;
        }
    }

    /// <summary>The number of the chunk's first raw line (perhaps a blank one); known from the start.</summary>
    internal long FirstLine { get; }

    /// <summary>The longest line the chunk's reader accepts.</summary>
    private int MaxLineBytes { get; init; }

    /// <summary>Reads the next chunk, or <c>null</c> at the end of the input.</summary>
    /// <param name="lines">The input's one line reader.</param>
    /// <param name="index">The chunk's position in the input.</param>
    /// <param name="chunkBytes">The raw bytes after which a chunk ends (tests make it small).</param>
    internal static LineChunk? Read(NdjsonLineReader lines, long index, int chunkBytes = Bytes)
    {
        LineChunk? chunk = null;
        long start = lines.Consumed;
        while (chunk is null || lines.Consumed - start < chunkBytes)
        {
            int want = (int)Math.Max(1, chunkBytes - (lines.Consumed - start));
            if (lines.TryReadBlock(want, out var block, out long firstLine, out _))
            {
                chunk ??= new LineChunk(index, firstLine) { MaxLineBytes = lines.MaxLineBytes };
                chunk.AddSegment(block, firstLine, isBlock: true, tooLong: false);
            }
            else if (lines.TryReadLine(out var line, out bool tooLong))
            {
                chunk ??= new LineChunk(index, lines.LineNumber) { MaxLineBytes = lines.MaxLineBytes };
                chunk.AddSegment(line, lines.LineNumber, isBlock: false, tooLong);
            }
            else
            {
                break;
            }
        }

        return chunk;
    }

    /// <summary>Splits the chunk's blocks into lines; done once, by whichever thread asks first (a worker).</summary>
    internal void Split() => EnsureSplit();

    internal ReadOnlySpan<byte> Line(int i) => _buffer.AsSpan(_lines[i].Start, _lines[i].Length);

    internal long Number(int i) => _lines[i].Number;

    internal bool TooLong(int i) => _lines[i].TooLong;

    /// <summary>
    /// A 64-bit fingerprint of the chunk's bytes, its line numbers and its over-long lines: two passes
    /// that read the same input give the same fingerprints, chunk by chunk.
    /// </summary>
    internal ulong Fingerprint()
    {
        EnsureSplit();
        var hash = new System.IO.Hashing.XxHash3();
        hash.Append(_buffer.AsSpan(0, _used));
        Span<byte> tail = stackalloc byte[24];
        BitConverter.TryWriteBytes(tail, FirstLine);
        BitConverter.TryWriteBytes(tail[8..], _lines.Count > 0 ? _lines[^1].Number : 0);
        BitConverter.TryWriteBytes(tail[16..], _lines.Count(l => l.TooLong));
        BitConverter.TryWriteBytes(tail[20..], _lines.Count);
        hash.Append(tail);
        return hash.GetCurrentHashAsUInt64();
    }

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }

    private void AddSegment(ReadOnlySpan<byte> bytes, long firstLine, bool isBlock, bool tooLong)
    {
        if (_used + bytes.Length > _buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _used + bytes.Length));
            _buffer.AsSpan(0, _used).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }

        bytes.CopyTo(_buffer.AsSpan(_used));
        _segments.Add((_used, bytes.Length, firstLine, isBlock, tooLong));
        _used += bytes.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void EnsureSplit()
    {
        if (_split)
        {
            return;
        }

        foreach (var (start, length, firstLine, isBlock, tooLong) in _segments)
        {
            if (!isBlock)
            {
                _lines.Add((start, length, firstLine, tooLong));
                continue;
            }

            var rest = _buffer.AsSpan(start, length);
            int offset = start;
            long number = firstLine;
            while (!rest.IsEmpty)
            {
                int newline = rest.IndexOf((byte)'\n');
                int rawLength = newline >= 0 ? newline : rest.Length;
                var line = NdjsonLineReader.Trim(rest[..rawLength]);
                int lineStart = offset;
                if (number == 1 && line.StartsWith("\uFEFF"u8))
                {
                    line = line[3..]; // a UTF-8 byte-order mark
                    lineStart += 3;
                }

                if (rawLength > MaxLineBytes)
                {
                    _lines.Add((lineStart, 0, number, true));
                }
                else if (!NdjsonLineReader.IsBlank(line))
                {
                    _lines.Add((lineStart, line.Length, number, false));
                }

                int step = newline >= 0 ? newline + 1 : rest.Length;
                rest = rest[step..];
                offset += step;
                number++;
            }
        }

        _split = true;
    }
}
