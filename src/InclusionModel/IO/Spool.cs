using Microsoft.Win32.SafeHandles;

namespace InclusionModel.IO;

/// <summary>
/// A write-then-read buffer that keeps its first mebibyte in memory and moves to a temporary file beyond
/// that, so that holding output or a copy of standard input never grows memory. The command and the HTTP
/// service hold request bodies and documents in one; an embedding application may too.
/// </summary>
/// <remarks>
/// The temporary file (see <see cref="TemporaryFile"/>) is created owner-only and, on Unix, unlinked from
/// its folder the moment it is created: it has no name any other process can open and nothing is left
/// behind however the process ends (normally, on an exception, Ctrl-C, SIGTERM or even SIGKILL). On
/// Windows it is opened delete-on-close. Every read and write is positional on the one handle, so
/// several readers may read at once.
/// </remarks>
public sealed class Spool : Stream
{
    // Small, because a run holds up to three (the kept verdicts, the participants, the malformed lines) and
    // a MemoryStream doubles as it grows: issue 11 bounds a run at 200 MB whatever the size of its input.
    private const int MemoryLimit = 1024 * 1024;
    private const int FileBufferBytes = 1 << 16;

    private readonly int _memoryLimit;
    private MemoryStream? _memory = new();
    private TemporaryFile? _file;
    private byte[]? _pending;
    private int _pendingLength;
    private long _length;

    /// <summary>Creates an empty spool that keeps its first mebibyte in memory.</summary>
    public Spool()
        : this(MemoryLimit)
    {
    }

    /// <summary>Creates an empty spool.</summary>
    /// <param name="memoryLimit">How much stays in memory before the spool moves to a temporary file (tests make it small).</param>
    internal Spool(int memoryLimit) => _memoryLimit = memoryLimit;

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
        ObjectDisposedException.ThrowIf(_memory is null && _file is null, this);
        if (_memory is not null && _memory.Length + buffer.Length > _memoryLimit)
        {
            _file = TemporaryFile.Create();
            _pending = new byte[FileBufferBytes];
            var held = _memory.GetBuffer().AsSpan(0, (int)_memory.Length);
            _file.Write(held, 0);
            _memory = null;
        }

        if (_memory is not null)
        {
            _memory.Write(buffer);
        }
        else if (_pendingLength + buffer.Length <= _pending!.Length)
        {
            buffer.CopyTo(_pending.AsSpan(_pendingLength));
            _pendingLength += buffer.Length;
        }
        else
        {
            FlushPending();
            _file!.Write(buffer, _length);
        }

        _length += buffer.Length;
    }

    /// <summary>Copies everything written so far to <paramref name="destination"/>; the spool can still be written to afterwards.</summary>
    /// <param name="destination">Where the bytes go.</param>
    public new void CopyTo(Stream destination)
    {
        Preconditions.CheckNotNull(destination);
        using var reader = OpenRead();
        reader.CopyTo(destination, FileBufferBytes);
    }

    /// <summary>
    /// Opens a reader over everything written so far; the spool must not be written to while it is open.
    /// Several threads may open readers at once.
    /// </summary>
    /// <returns>A read-only, seekable stream that does not close the spool.</returns>
    public Stream OpenRead()
    {
        if (_memory is not null)
        {
            return new MemoryStream(_memory.GetBuffer(), 0, (int)_memory.Length, writable: false);
        }

        ObjectDisposedException.ThrowIf(_file is null, this);
        lock (_file)
        {
            FlushPending();
        }

        // Buffered: the verdict spool is read back a few bytes at a time, and each unbuffered read would be a system call.
        return new BufferedStream(new PositionalReadStream(_file.Handle, _length), FileBufferBytes);
    }

    /// <summary>
    /// Reads <paramref name="destination"/>'s length of bytes written at <paramref name="offset"/>; the spool
    /// must not be written to meanwhile. Several threads may read at once.
    /// </summary>
    /// <param name="offset">Where the bytes start.</param>
    /// <param name="destination">Receives the bytes; its length is how many.</param>
    /// <exception cref="ArgumentOutOfRangeException">The range runs past what was written.</exception>
    internal void ReadAt(long offset, Span<byte> destination)
    {
        if (offset < 0 || offset > _length - destination.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), offset, "The range runs past what was written.");
        }

        if (_memory is not null)
        {
            _memory.GetBuffer().AsSpan((int)offset, destination.Length).CopyTo(destination);
            return;
        }

        ObjectDisposedException.ThrowIf(_file is null, this);
        lock (_file)
        {
            FlushPending();
        }

        while (!destination.IsEmpty)
        {
            int read = RandomAccess.Read(_file.Handle, destination, offset);
            if (read == 0)
            {
                throw new IOException("A temporary file ended before what was written to it.");
            }

            destination = destination[read..];
            offset += read;
        }
    }

    /// <inheritdoc />
    public override void Flush()
    {
    }

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
            _memory = null;
            _file?.Dispose();
            _file = null;
        }

        base.Dispose(disposing);
    }

    private void FlushPending()
    {
        if (_pendingLength > 0)
        {
            _file!.Write(_pending.AsSpan(0, _pendingLength), _length - _pendingLength);
            _pendingLength = 0;
        }
    }

    /// <summary>A read-only, seekable view of the first <c>length</c> bytes of a file handle, read with positional reads.</summary>
    private sealed class PositionalReadStream(SafeFileHandle handle, long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position
        {
            get => _position;
            set => _position = value is >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            long left = length - _position;
            if (left <= 0)
            {
                return 0;
            }

            int read = RandomAccess.Read(handle, buffer[..(int)Math.Min(buffer.Length, left)], _position);
            _position += read;
            return read;
        }

        public override long Seek(long offset, SeekOrigin origin)
        {
            Position = origin switch
            {
                SeekOrigin.Begin => offset,
                SeekOrigin.Current => _position + offset,
                _ => length + offset,
            };
            return _position;
        }

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException("This view is read-only.");

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("This view is read-only.");
    }
}
