using System.Buffers;

namespace InclusionModel.Histories;

/// <summary>
/// About a megabyte of consecutive NDJSON lines, cut by one <see cref="NdjsonLineReader"/> and copied into
/// a pooled buffer, for a worker thread. Every command reads its input through this: one reader, one idea
/// of a line (and of a line that is too long), one limit.
/// </summary>
internal sealed class LineChunk : IDisposable
{
    /// <summary>How many bytes of lines a chunk holds before it is handed on.</summary>
    internal const int Bytes = 1 << 20;

    private readonly List<(int Start, int Length, long Number, bool TooLong)> _lines = [];
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(Bytes);
    private int _used;

    private LineChunk(long index) => Index = index;

    /// <summary>The chunk's position in the input; two passes over the same input cut the same chunks.</summary>
    internal long Index { get; }

    /// <summary>The number of lines (not blank) in the chunk.</summary>
    internal int Count => _lines.Count;

    /// <summary>The number of the chunk's first line.</summary>
    internal long FirstLine => _lines[0].Number;

    /// <summary>Reads the next chunk, or <c>null</c> at the end of the input.</summary>
    internal static LineChunk? Read(NdjsonLineReader lines, long index)
    {
        LineChunk? chunk = null;
        while ((chunk is null || chunk._used < Bytes) && lines.TryReadLine(out var line, out bool tooLong))
        {
            chunk ??= new LineChunk(index);
            chunk.Add(line, lines.LineNumber, tooLong);
        }

        return chunk;
    }

    internal ReadOnlySpan<byte> Line(int i) => _buffer.AsSpan(_lines[i].Start, _lines[i].Length);

    internal long Number(int i) => _lines[i].Number;

    internal bool TooLong(int i) => _lines[i].TooLong;

    /// <summary>
    /// A 64-bit fingerprint of the chunk's bytes, its line numbers and its over-long lines: two passes
    /// that read the same input give the same fingerprints, chunk by chunk.
    /// </summary>
    internal ulong Fingerprint()
    {
        var hash = new System.IO.Hashing.XxHash3();
        hash.Append(_buffer.AsSpan(0, _used));
        Span<byte> tail = stackalloc byte[20];
        BitConverter.TryWriteBytes(tail, _lines[0].Number);
        BitConverter.TryWriteBytes(tail[8..], _lines[^1].Number);
        BitConverter.TryWriteBytes(tail[16..], _lines.Count(l => l.TooLong));
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

    private void Add(ReadOnlySpan<byte> line, long number, bool tooLong)
    {
        if (_used + line.Length > _buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _used + line.Length));
            _buffer.AsSpan(0, _used).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }

        line.CopyTo(_buffer.AsSpan(_used));
        _lines.Add((_used, line.Length, number, tooLong));
        _used += line.Length;
    }
}
