namespace InclusionModel.IO;

/// <summary>
/// An input that a two-pass run reads twice. A seekable stream (a regular file) is read from where it
/// stood, then rewound; anything else (a pipe, a FIFO, a terminal, a socket, a request body) is copied into
/// a <see cref="Spool"/> while the first pass reads it, and the second pass reads the copy. Either way the
/// run checks that both passes read the same bytes (<see cref="InputChangedException"/>).
/// </summary>
internal sealed class RereadableInput : IDisposable
{
    private readonly Stream _source;
    private readonly bool _ownsSource;
    private readonly long _start;
    private Spool? _copy;
    private int _opened;

    internal RereadableInput(Stream source, bool ownsSource)
    {
        _source = Preconditions.CheckNotNull(source);
        _ownsSource = ownsSource;
        _start = source.CanSeek ? source.Position : 0;
    }

    /// <summary>Opens the input for the next pass; the first call gives the input itself, the second its start again.</summary>
    /// <returns>A stream the caller disposes (disposing it leaves the source open).</returns>
    internal Stream Open()
    {
        switch (_opened++)
        {
            case 0 when _source.CanSeek:
                return new ReadOnlyWindowStream(_source, ownsInner: false);
            case 0:
                _copy = new Spool();
                return new TeeStream(_source, _copy);
            case 1 when _copy is not null:
                return _copy.OpenRead();
            case 1:
                _source.Position = _start;
                return new ReadOnlyWindowStream(_source, ownsInner: false);
            default:
                throw new InvalidOperationException("The input is read in two passes only.");
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _copy?.Dispose();
        if (_ownsSource)
        {
            _source.Dispose();
        }
    }

    /// <summary>Reads from a source and copies every byte read into a sink.</summary>
    private sealed class TeeStream(Stream source, Stream sink) : ForwardOnlyStream
    {
        public override int Read(Span<byte> buffer)
        {
            int read = source.Read(buffer);
            sink.Write(buffer[..read]);
            return read;
        }
    }
}
