namespace InclusionModel.AspNetCore;

/// <summary>A request body read no further than a limit: one byte past it throws <see cref="BodyTooLargeException"/> (answered 413).</summary>
internal sealed class LimitedStream(Stream inner, long limit) : ReadOnlyStream
{
    private long _read;

    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => throw ReadOnlyStream.Synchronous();

    public override int Read(Span<byte> buffer) => throw ReadOnlyStream.Synchronous();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        => Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Count(int read)
    {
        _read += read;
        return _read > limit ? throw new BodyTooLargeException() : read;
    }
}

/// <summary>
/// A request body seen through a wrapper: read forwards only, and asynchronously only. No thread of the endpoints
/// waits for the network: a synchronous read is refused (<see cref="NotSupportedException"/>) even in a host that
/// allows synchronous IO, rather than blocking a thread until the client sends.
/// </summary>
internal abstract class ReadOnlyStream : Stream
{
    /// <summary>What a synchronous read of a request body throws.</summary>
    internal static NotSupportedException Synchronous() => new("A request body is read asynchronously only.");

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>The request body is over its limit.</summary>
internal sealed class BodyTooLargeException : IOException
{
    public BodyTooLargeException()
        : base("The request body is over its limit.")
    {
    }
}
