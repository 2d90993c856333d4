using System.Text;
using InclusionModel.Privacy;

namespace InclusionModel.Cli;

/// <summary>
/// Standard output as the command writes it: a failed write becomes <see cref="OutputClosedException"/> (the
/// reader went away: a broken pipe) or a <see cref="CliException"/> naming what was being written (a full disk,
/// say), so that the run stops at the first failed write. The command writes through a
/// <see cref="RedactingStream"/> in front of it, so every identity number in any byte is withheld.
/// </summary>
internal sealed class CliOutput(Stream inner) : Stream
{
    /// <summary>What is being written, for the message of a failed write ("the validation report").</summary>
    internal string What { get; set; } = Texts.Get("what.output");

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        try
        {
            inner.Write(buffer);
        }
        catch (IOException e)
        {
            throw Failure(e);
        }
    }

    public override void Flush()
    {
        try
        {
            inner.Flush();
        }
        catch (IOException e)
        {
            throw Failure(e);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    /// <summary>What a failed write means to the command: a reader that went away, or a one-line error.</summary>
    private Exception Failure(IOException e)
        => IsBrokenPipe(e)
            ? new OutputClosedException()
            : new CliException(Texts.Format("cli.cannot-write", What, CliCommand.Reason(e)));

    /// <summary>EPIPE (32 on Linux and macOS) or ERROR_BROKEN_PIPE / ERROR_NO_DATA on Windows.</summary>
    private static bool IsBrokenPipe(IOException e)
        => e.HResult is 32 or unchecked((int)0x8007006D) or unchecked((int)0x800700E8) || e.Message.Contains("Broken pipe", StringComparison.OrdinalIgnoreCase);
}

/// <summary>The reader of standard output went away: the run stops at once, quietly, like a process ended by SIGPIPE.</summary>
internal sealed class OutputClosedException() : Exception("standard output was closed");

/// <summary>
/// Standard error as the command writes it: every identity number withheld, one message at a time. The
/// command line's own parse errors and help go through it too.
/// </summary>
internal sealed class RedactingTextWriter(TextWriter inner) : TextWriter
{
    private readonly StringBuilder _line = new();

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        _line.Append(value);
        if (value == '\n')
        {
            Flush();
        }
    }

    public override void Write(string? value)
    {
        if (_line.Length > 0)
        {
            _line.Append(value);
            if (value?.Contains('\n') == true)
            {
                Flush();
            }

            return;
        }

        inner.Write(PersonalIdentityNumbers.Redact(value));
    }

    public override void WriteLine(string? value)
    {
        Write(value);
        Write('\n');
    }

    public override void Flush()
    {
        if (_line.Length > 0)
        {
            inner.Write(PersonalIdentityNumbers.Redact(_line.ToString()));
            _line.Clear();
        }

        inner.Flush();
    }
}
