namespace InclusionModel.IO;

/// <summary>
/// A forward-only, read-only view of another stream: optionally only the next <c>window</c> bytes, and
/// optionally leaving the stream it views open (a caller's stream read twice).
/// </summary>
internal sealed class ReadOnlyWindowStream(Stream inner, long window = long.MaxValue, bool ownsInner = true) : Stream
{
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => window == long.MaxValue ? inner.Length - inner.Position + _read : window;

    /// <summary>How many bytes are left to read, when the stream underneath knows its length; otherwise <c>null</c>.</summary>
    internal long? Remaining => inner.CanSeek ? Math.Min(window - _read, inner.Length - inner.Position) : null;

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException("This view reads forward only.");
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int read = inner.Read(buffer[..(int)Math.Min(buffer.Length, window - _read)]);
        _read += read;
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("This view reads forward only.");

    public override void SetLength(long value) => throw new NotSupportedException("This view is read-only.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("This view is read-only.");

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            if (ownsInner)
            {
                inner.Dispose();
            }
        }

        base.Dispose(disposing);
    }
}
