namespace InclusionModel.Cli;

/// <summary>
/// Standard output for bytes that are not text (a workbook): each write goes through
/// <see cref="CliOutput.WriteBinary"/>, unscanned and unbuffered, so a large workbook is never held whole.
/// </summary>
internal sealed class BinaryOutput(CliOutput output) : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => output.WriteBinary(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer) => output.WriteBinary(buffer);

    public override void Flush() => output.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
