namespace InclusionModel;

/// <summary>
/// A write-then-read buffer that keeps its first 8 MiB in memory and moves to a temporary file (deleted
/// when closed) beyond that, so that holding output or a copy of standard input never grows memory.
/// </summary>
internal sealed class Spool : Stream
{
    private const int MemoryLimit = 8 * 1024 * 1024;

    private Stream _inner = new MemoryStream();
    private string? _path;
    private long _length;
    private readonly object _gate = new();

    /// <inheritdoc />
    public override bool CanRead => false;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => true;

    /// <inheritdoc />
    public override long Length => _length;

    /// <inheritdoc />
    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException("A spool is written from start to end.");
    }

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_path is null && _inner.Position + buffer.Length > MemoryLimit)
        {
            string path = Path.GetTempFileName();
            var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.Read, 1 << 16, FileOptions.DeleteOnClose);
            _inner.Position = 0;
            _inner.CopyTo(file);
            _inner.Dispose();
            _inner = file;
            _path = path;
        }

        _inner.Write(buffer);
        _length += buffer.Length;
    }

    /// <summary>Copies everything written so far to <paramref name="destination"/>; the spool can still be written to afterwards.</summary>
    /// <param name="destination">Where the bytes go.</param>
    public new void CopyTo(Stream destination)
    {
        Preconditions.CheckNotNull(destination);
        _inner.Flush();
        _inner.Position = 0;
        _inner.CopyTo(destination);
        _inner.Position = _length;
    }

    /// <summary>
    /// Opens a reader over everything written so far; the spool must not be written to while it is open.
    /// Several threads may open readers at once.
    /// </summary>
    /// <returns>A read-only, seekable stream that does not close the spool.</returns>
    public Stream OpenRead()
    {
        lock (_gate)
        {
            _inner.Flush();
        }

        return _path is null
            ? new MemoryStream(((MemoryStream)_inner).GetBuffer(), 0, (int)_length, writable: false)
            : new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
    }

    /// <inheritdoc />
    public override void Flush() => _inner.Flush();

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Use OpenRead.");

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("A spool is written from start to end.");

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException("A spool is written from start to end.");

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
