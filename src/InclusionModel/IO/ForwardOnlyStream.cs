namespace InclusionModel.IO;

/// <summary>
/// The shape every read-only stream of the library that cannot seek shares (a tee, a replay of a peeked
/// head): readable, forward only, no length or position. A subclass supplies <see cref="Read(Span{byte})"/>.
/// </summary>
internal abstract class ForwardOnlyStream : Stream
{
    public sealed override bool CanRead => true;

    public sealed override bool CanSeek => false;

    public sealed override bool CanWrite => false;

    public sealed override long Length => throw new NotSupportedException("This stream reads forward only.");

    public sealed override long Position
    {
        get => throw new NotSupportedException("This stream reads forward only.");
        set => throw new NotSupportedException("This stream reads forward only.");
    }

    public abstract override int Read(Span<byte> buffer);

    public sealed override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public sealed override void Flush()
    {
    }

    public sealed override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("This stream reads forward only.");

    public sealed override void SetLength(long value) => throw new NotSupportedException("This stream is read-only.");

    public sealed override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("This stream is read-only.");
}
