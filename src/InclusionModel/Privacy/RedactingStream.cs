using System.Runtime.CompilerServices;
using System.Text;
using InclusionModel.IO;

namespace InclusionModel.Privacy;

/// <summary>
/// An output that withholds every personal identity or coordination number in the bytes written through it
/// (<see cref="PersonalIdentityNumbers.RedactedNumber"/> in its place), even one split across writes: the last
/// line of defence behind the writers' own redaction, as the command puts it in front of its standard output.
/// The library's JSON writers recognise it and hand it the entries they already redacted on their workers
/// whole, so nothing is scanned twice.
/// </summary>
/// <remarks>
/// A run of digits, <c>-</c> and <c>+</c> at the end of a write is held back until the next write shows where
/// it ends (at most 4 KiB); <see cref="Flush"/> writes it. Dispose or flush the stream before reading what it
/// wrote. A failed write of the inner stream is thrown unchanged. Not thread-safe.
/// </remarks>
/// <param name="inner">Where the redacted bytes go.</param>
/// <param name="leaveOpen">Whether <paramref name="inner"/> stays open when this stream is disposed.</param>
/// <exception cref="ArgumentNullException"><paramref name="inner"/> is null.</exception>
public sealed class RedactingStream(Stream inner, bool leaveOpen = false) : Stream, IPreRedactedOutput
{
    private readonly Stream _inner = Preconditions.CheckNotNull(inner);

    // A number can only start after a byte that is not a digit, '-' or '+': the trailing run of such bytes
    // is held back until the next write shows where it ends (up to a cap no real output comes near).
    private const int MaxHeld = 4096;

    private static readonly byte[] RedactedBytes = Encoding.ASCII.GetBytes(PersonalIdentityNumbers.RedactedNumber);
    private byte[] _pending = new byte[64];
    private int _pendingLength;

    /// <inheritdoc />
    public override bool CanRead => false;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => true;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return;
        }

        int keep = 0;
        while (keep < buffer.Length && IsNumberByte(buffer[buffer.Length - 1 - keep]))
        {
            keep++;
        }

        if (keep == buffer.Length && _pendingLength + keep <= MaxHeld)
        {
            Hold(buffer);
            return;
        }

        if (_pendingLength > 0)
        {
            // The held run and the start of this write are one text: redact them together.
            int head = buffer.Length - keep;
            int firstBreak = buffer[..head].IndexOfAnyExcept(NumberBytes);
            int joinedLength = firstBreak < 0 ? head : firstBreak;
            var joined = new byte[_pendingLength + joinedLength];
            _pending.AsSpan(0, _pendingLength).CopyTo(joined);
            buffer[..joinedLength].CopyTo(joined.AsSpan(_pendingLength));
            _pendingLength = 0;
            WriteRedacted(joined);
            buffer = buffer[joinedLength..];
        }

        keep = Math.Min(keep, Math.Min(buffer.Length, MaxHeld));
        WriteRedacted(buffer[..^keep]);
        Hold(buffer[^keep..]);
    }

    /// <inheritdoc />
    void IPreRedactedOutput.WritePreRedacted(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return;
        }

        if (IsNumberByte(bytes[0]) || IsNumberByte(bytes[^1]))
        {
            Write(bytes); // not a run of whole entries after all: scanned with what is held
            return;
        }

        if (_pendingLength > 0)
        {
            WriteRedacted(_pending.AsSpan(0, _pendingLength));
            _pendingLength = 0;
        }

        WriteInner(bytes);
    }

    /// <summary>Writes what is held back too, then flushes the inner stream: the output is complete.</summary>
    public override void Flush()
    {
        if (_pendingLength > 0)
        {
            WriteRedacted(_pending.AsSpan(0, _pendingLength));
            _pendingLength = 0;
        }

        _inner.Flush();
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    private static readonly System.Buffers.SearchValues<byte> NumberBytes = System.Buffers.SearchValues.Create("0123456789-+"u8);

    private static bool IsNumberByte(byte b) => NumberBytes.Contains(b);

    private void Hold(ReadOnlySpan<byte> bytes)
    {
        if (_pendingLength + bytes.Length > _pending.Length)
        {
            Array.Resize(ref _pending, Math.Max(_pending.Length * 2, _pendingLength + bytes.Length));
        }

        bytes.CopyTo(_pending.AsSpan(_pendingLength));
        _pendingLength += bytes.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WriteRedacted(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            int at = PersonalIdentityNumbers.NextNumber(bytes, 0, out int length);
            if (at < 0)
            {
                WriteInner(bytes);
                return;
            }

            WriteInner(bytes[..at]);
            WriteInner(RedactedBytes);
            bytes = bytes[(at + length)..];
        }
    }

    private void WriteInner(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return;
        }

        // Straight from the caller's span: a copy per write cost a large-object allocation per rendered batch.
        _inner.Write(bytes);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            try
            {
                Flush();
            }
            finally
            {
                if (!leaveOpen)
                {
                    _inner.Dispose();
                }
            }
        }

        base.Dispose(disposing);
    }
}
