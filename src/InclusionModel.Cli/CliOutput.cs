using System.Runtime.CompilerServices;
using System.Text;
using InclusionModel.IO;
using InclusionModel.Privacy;

namespace InclusionModel.Cli;

/// <summary>
/// Standard output as the command writes it: every identity number in any byte written is withheld (the
/// last line of defence behind the writers' own redaction), and a failed write becomes
/// <see cref="OutputClosedException"/> (the reader went away: a broken pipe) or a <see cref="CliException"/>
/// naming what was being written (a full disk, say), so that the run stops at the first failed write.
/// </summary>
internal sealed class CliOutput(Stream inner) : Stream, IPreRedactedOutput
{
    // A number can only start after a byte that is not a digit, '-' or '+': the trailing run of such bytes
    // is held back until the next write shows where it ends (up to a cap no real output comes near).
    private const int MaxHeld = 4096;

    private static readonly byte[] RedactedBytes = Encoding.ASCII.GetBytes(PersonalIdentityNumbers.RedactedNumber);
    private byte[] _pending = new byte[64];
    private int _pendingLength;

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
    public void WritePreRedacted(ReadOnlySpan<byte> bytes)
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

    /// <summary>
    /// Writes bytes that are not text (a workbook): they are not scanned for identity numbers, since a compressed
    /// package shows none as text and a changed byte would break it; the writer of such bytes withholds every
    /// identity number itself (the workbook writes ids as the JSON does).
    /// </summary>
    internal void WriteBinary(ReadOnlySpan<byte> bytes)
    {
        if (_pendingLength > 0)
        {
            WriteRedacted(_pending.AsSpan(0, _pendingLength));
            _pendingLength = 0;
        }

        WriteInner(bytes);
    }

    /// <summary>Writes what is held back too: the output is complete.</summary>
    public override void Flush()
    {
        if (_pendingLength > 0)
        {
            WriteRedacted(_pending.AsSpan(0, _pendingLength));
            _pendingLength = 0;
        }

        Guard(() => inner.Flush());
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

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
        try
        {
            inner.Write(bytes);
        }
        catch (IOException e)
        {
            throw Failure(e);
        }
    }

    private void Guard(Action write)
    {
        try
        {
            write();
        }
        catch (IOException e)
        {
            throw Failure(e);
        }
    }

    /// <summary>What a failed write means to the command: a reader that went away, or a one-line error.</summary>
    private Exception Failure(IOException e)
        => IsBrokenPipe(e)
            ? new OutputClosedException()
            : new CliException(Texts.Format("cli.cannot-write", What, CliApp.Reason(e)));

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
