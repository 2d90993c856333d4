using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace InclusionModel.IO;

/// <summary>
/// The items of one JSON array of a streamed report document (the validator's <c>participants</c>, the
/// screening's <c>decisions</c>, either one's <c>malformed</c>), written one at a time into a
/// <see cref="Spool"/> so that the document's summary can come first without holding the run in memory.
/// Once a producer knows its summary before its items, <see cref="StartArray"/> sends the items straight
/// to the document instead.
/// </summary>
internal sealed class JsonArraySpool : IDisposable
{
    /// <summary>The document is data, never HTML: quotes and Swedish letters are written as they are (RFC 8259 still holds).</summary>
    internal static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Spool _spool = new();
    private readonly ArrayBufferWriter<byte> _buffer;
    private readonly int _chunkBytes;
    private bool _any;
    private Stream? _output;

    internal JsonArraySpool(int chunkBytes = 64 * 1024)
    {
        _chunkBytes = chunkBytes;
        _buffer = new ArrayBufferWriter<byte>(Math.Max(1024, chunkBytes * 2));
        Writer = new Utf8JsonWriter(_buffer, WriterOptions);
    }

    /// <summary>Writes the item begun with <see cref="BeginItem"/>.</summary>
    internal Utf8JsonWriter Writer { get; }

    /// <summary>Starts an item: its separator is written, and <see cref="Writer"/> takes it as a JSON value of its own.</summary>
    /// <returns>The writer.</returns>
    internal Utf8JsonWriter BeginItem()
    {
        Writer.Reset(_buffer);
        _buffer.Write(_any ? ",\n"u8 : "\n"u8);
        _any = true;
        return Writer;
    }

    /// <summary>Ends an item: what was written goes to the spool once a chunk is full.</summary>
    internal void EndItem()
    {
        Writer.Flush();
        Drain(_chunkBytes);
    }

    /// <summary>Appends items rendered elsewhere, each starting with <c>",\n"</c> (the first item's comma is dropped).</summary>
    /// <param name="rendered">The rendered items.</param>
    /// <param name="preRedacted">Whether the items went through <see cref="Privacy.PersonalIdentityNumbers.RedactUtf8"/> whole: then an output that redacts takes them without scanning them again.</param>
    internal void AppendRendered(ReadOnlySpan<byte> rendered, bool preRedacted = false)
    {
        if (rendered.IsEmpty)
        {
            return;
        }

        var items = _any ? rendered : rendered[1..];
        _any = true;
        if (_output is not null)
        {
            Drain(0);
            if (preRedacted && _output is IPreRedactedOutput redacting)
            {
                redacting.WritePreRedacted(items);
            }
            else
            {
                _output.Write(items);
            }

            return;
        }

        _buffer.Write(items);
        Drain(_chunkBytes);
    }

    /// <summary>
    /// Writes <c>"name":[</c> and the items so far to <paramref name="output"/>, and every later item straight
    /// after them; <see cref="WriteArray"/> then ends the array there.
    /// </summary>
    /// <param name="output">The document.</param>
    /// <param name="name">The array's property name, UTF-8.</param>
    internal void StartArray(Stream output, ReadOnlySpan<byte> name)
    {
        if (_output is not null)
        {
            throw new InvalidOperationException("The array has started.");
        }

        Drain(0);
        output.WriteByte((byte)'"');
        output.Write(name);
        output.Write("\":["u8);
        _spool.CopyTo(output);
        _output = output;
    }

    /// <summary>Writes <c>"name":[</c>, every item, and <c>\n]</c> to <paramref name="output"/> (after <see cref="StartArray"/>, the items not yet written and <c>\n]</c>).</summary>
    /// <param name="output">The document.</param>
    /// <param name="name">The array's property name, UTF-8.</param>
    internal void WriteArray(Stream output, ReadOnlySpan<byte> name)
    {
        Drain(0);
        if (_output is not null)
        {
            if (!ReferenceEquals(output, _output))
            {
                throw new InvalidOperationException("The array started in another document.");
            }

            output.Write("\n]"u8);
            return;
        }

        output.WriteByte((byte)'"');
        output.Write(name);
        output.Write("\":["u8);
        _spool.CopyTo(output);
        output.Write("\n]"u8);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Writer.Dispose();
        _spool.Dispose();
    }

    private void Drain(int threshold)
    {
        if (_buffer.WrittenCount > threshold)
        {
            (_output ?? _spool).Write(_buffer.WrittenSpan);
            _buffer.ResetWrittenCount();
        }
    }
}
