using System.Buffers;
using System.Runtime.CompilerServices;

namespace InclusionModel.IO;

/// <summary>
/// Splits a UTF-8 stream into lines for NDJSON, in bounded memory: <c>\n</c> or <c>\r\n</c> line ends, a
/// UTF-8 byte-order mark at the start skipped, blank lines skipped (their numbers still counted), and a
/// line longer than <see cref="MaxLineBytes"/> reported as too long and skipped without being held.
/// </summary>
public sealed class NdjsonLineReader : IDisposable
{
    /// <summary>The default longest line: 64 MiB.</summary>
    public const int DefaultMaxLineBytes = 64 * 1024 * 1024;

    private readonly Stream _stream;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;

    /// <summary>Creates a reader over <paramref name="stream"/>; the stream is not disposed with the reader.</summary>
    /// <param name="stream">The input.</param>
    /// <param name="maxLineBytes">The longest line accepted; default 64 MiB.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLineBytes"/> is not positive.</exception>
    public NdjsonLineReader(Stream stream, int maxLineBytes = DefaultMaxLineBytes)
    {
        _stream = Preconditions.CheckNotNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLineBytes);
        MaxLineBytes = maxLineBytes;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(1 << 20, maxLineBytes + 2));
    }

    /// <summary>The longest line accepted, in bytes.</summary>
    public int MaxLineBytes { get; }

    /// <summary>The bytes read from the stream so far (for progress).</summary>
    public long BytesRead { get; private set; }

    /// <summary>The number of the last line returned (1-based).</summary>
    public long LineNumber { get; private set; }

    /// <summary>
    /// Reads the next line that is not blank. The span is valid until the next call.
    /// </summary>
    /// <param name="line">The line's bytes, without its line end.</param>
    /// <param name="tooLong">Whether the line was longer than <see cref="MaxLineBytes"/>; then <paramref name="line"/> is empty.</param>
    /// <returns><c>false</c> at the end of the input.</returns>
    public bool TryReadLine(out ReadOnlySpan<byte> line, out bool tooLong)
    {
        while (true)
        {
            if (!TryReadRawLine(out line, out tooLong))
            {
                return false;
            }

            if (LineNumber == 1 && line.StartsWith("\uFEFF"u8))
            {
                line = line[3..]; // a UTF-8 byte-order mark
            }

            if (tooLong || !IsBlank(line))
            {
                return true;
            }
        }
    }

    /// <summary>The bytes taken from the stream and handed out so far (read minus still buffered).</summary>
    internal long Consumed => BytesRead - (_end - _start);

    /// <summary>
    /// Hands out whole raw lines in one span, for a reader that splits them itself (<see cref="LineChunk"/>,
    /// on a worker): the lines up to and including the one that ends at or after <paramref name="want"/>
    /// bytes, or, when that line is not yet buffered, the whole lines that are. Blank lines, <c>\r</c>, the
    /// byte-order mark and over-long lines are left in the span for the splitter; the line count moves on.
    /// </summary>
    /// <param name="want">How many bytes the caller would like, from 1.</param>
    /// <param name="block">The lines, each ended by <c>\n</c> but perhaps the input's last.</param>
    /// <param name="firstLine">The number of the block's first line.</param>
    /// <param name="lineCount">The number of lines in the block.</param>
    /// <returns>
    /// <c>false</c> at the end of the input, or when the buffer is full and holds no line end (a line longer
    /// than the buffer): then <see cref="TryReadLine"/> reads the next line.
    /// </returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal bool TryReadBlock(int want, out ReadOnlySpan<byte> block, out long firstLine, out int lineCount)
    {
        while (true)
        {
            var held = _buffer.AsSpan(_start, _end - _start);
            int cut = -1;
            if (held.Length >= want)
            {
                int newline = held[(want - 1)..].IndexOf((byte)'\n');
                cut = newline >= 0 ? want + newline : -1;
            }

            if (cut < 0)
            {
                cut = _eof ? held.Length : held.LastIndexOf((byte)'\n') + 1;
            }

            if (cut > 0)
            {
                block = held[..cut];
                lineCount = block.Count((byte)'\n') + (block[^1] == (byte)'\n' ? 0 : 1);
                firstLine = LineNumber + 1;
                LineNumber += lineCount;
                _start += cut;
                return true;
            }

            block = default;
            firstLine = 0;
            lineCount = 0;
            if (_eof)
            {
                return false;
            }

            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
            {
                return false;
            }

            int read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _eof = true;
            }

            BytesRead += read;
            _end += read;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }

    private bool TryReadRawLine(out ReadOnlySpan<byte> line, out bool tooLong)
    {
        tooLong = false;
        int scanFrom = _start;
        bool discarding = false;
        while (true)
        {
            int newline = _buffer.AsSpan(scanFrom, _end - scanFrom).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                int lineEnd = scanFrom + newline;
                line = discarding ? default : Trim(_buffer.AsSpan(_start, lineEnd - _start));
                tooLong = discarding || lineEnd - _start > MaxLineBytes;
                if (tooLong)
                {
                    line = default;
                }

                _start = lineEnd + 1;
                LineNumber++;
                return true;
            }

            if (_eof)
            {
                if (_start == _end && !discarding)
                {
                    line = default;
                    return false;
                }

                line = discarding ? default : Trim(_buffer.AsSpan(_start, _end - _start));
                tooLong = discarding;
                _start = _end;
                LineNumber++;
                return true;
            }

            // No line end in the buffer: make room and read more.
            if (discarding || _end - _start > MaxLineBytes)
            {
                discarding = true;
                _start = _end = 0; // drop what is held of the over-long line
            }
            else if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
            {
                var bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
                Buffer.BlockCopy(_buffer, 0, bigger, 0, _end);
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = bigger;
            }

            scanFrom = _end;
            int read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _eof = true;
                continue;
            }

            BytesRead += read;
            _end += read;
        }
    }

    internal static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> line)
        => line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;

    internal static bool IsBlank(ReadOnlySpan<byte> line)
    {
        foreach (byte b in line)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r'))
            {
                return false;
            }
        }

        return true;
    }
}
