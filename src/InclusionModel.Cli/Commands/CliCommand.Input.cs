using System.Diagnostics;
using InclusionModel.Programs;
using InclusionModel.Runs;
using NodaTime;

namespace InclusionModel.Cli;

/// <summary>What the commands share of their input: the history file, program definitions, dates, and where a workbook may go.</summary>
internal abstract partial class CliCommand
{
    /// <summary>The input as a message names it: standard input in words, a path quoted and escaped (<see cref="Privacy.SafeText"/>).</summary>
    protected static string InputName(string path) => path == "-" ? Texts.Get("cli.stdin") : $"'{Privacy.SafeText.ForText(path)}'";

    /// <summary>
    /// Loads definition files beside the built-in catalogue. A file's program replaces the built-in program
    /// of the same id; two files with the same program id are refused, naming both.
    /// </summary>
    protected static ProgramSet LoadPrograms(string[] files) => LoadPrograms(files, out _);

    /// <summary>
    /// The program of <paramref name="id"/> (<c>programs show</c>'s argument, <c>--program</c>), or the error that
    /// there is none: with the ids that hold what was given, or that it holds, as a suggestion (issue 24: <c>menade
    /// du 'eskilstuna-romane-bucha'?</c>), else every id.
    /// </summary>
    protected static ProgramDefinition RequireProgram(ProgramSet programs, string id)
    {
        if (programs.TryGet(id, out var program))
        {
            return program;
        }

        string wanted = Privacy.PersonalIdentityNumbers.SafeToQuote(id);
        var near = id.Length < 3 ? [] : programs.All.Select(p => p.Id)
            .Where(p => p.Contains(id, StringComparison.OrdinalIgnoreCase) || id.Contains(p, StringComparison.OrdinalIgnoreCase))
            .Select(p => $"'{p}'")
            .ToList();
        throw new CliException(near.Count > 0
            ? Texts.Format("cli.no-program-did-you-mean", wanted, Texts.Or(near))
            : Texts.Format("cli.no-program", wanted, string.Join(", ", programs.All.Select(p => p.Id))));
    }

    /// <summary>Loads definition files as <see cref="LoadPrograms(string[])"/> does, and says which file gave each program.</summary>
    protected static ProgramSet LoadPrograms(string[] files, out Dictionary<string, string> from)
    {
        var loaded = new List<ProgramDefinition>();
        from = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string file in files)
        {
            var result = ProgramDefinitionJson.Parse(ReadProgramFile(file));
            if (!result.Success)
            {
                throw new CliException(Texts.Format(result.Problems.Length == 1 ? "cli.file-invalid-one" : "cli.file-invalid", file, result.Problems.Length, string.Join("; ", result.Problems)));
            }

            if (from.TryGetValue(result.Program!.Id, out string? earlier))
            {
                throw new CliException(Texts.Format("cli.two-files", earlier, file, result.Program.Id));
            }

            from.Add(result.Program.Id, file);
            loaded.Add(result.Program);
        }

        return ProgramCatalogue.BuiltIn.With(loaded);
    }

    protected static byte[] ReadProgramFile(string file)
    {
        try
        {
            return ProgramDefinitionJson.ReadFile(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliException(Texts.Format("cli.cannot-read-program", file, Reason(e)));
        }
    }

    /// <summary>
    /// A date or period in the year 0000 is refused with its own reason: it has the shape asked for, and the
    /// calendar has no such year (1 BC is followed by AD 1), so "must be YYYY-MM" alone would puzzle.
    /// </summary>
    protected static void RefuseYearZero(params (string Option, string? Text)[] values)
    {
        foreach (var (option, text) in values)
        {
            if (text is not null && text.StartsWith("0000", StringComparison.Ordinal))
            {
                throw new CliException(Texts.Format("cli.year-zero", option, Privacy.PersonalIdentityNumbers.SafeToQuote(text)));
            }
        }
    }

    protected static LocalDate ParseAsOf(string? text, CliHost host)
    {
        if (text is null)
        {
            return host.Today;
        }

        RefuseYearZero(("--as-of", text));

        return IsoDates.TryParse(text, out var date)
            ? date
            : throw NotInCalendar("--as-of", text, Texts.Format("cli.bad-as-of", Privacy.PersonalIdentityNumbers.SafeToQuote(text)));
    }

    /// <summary>
    /// The error of a date, month or half-year option that could not be read: of the right form but not in the
    /// calendar, said as such (<c>--as-of 2021-02-30 finns inte: februari 2021 har 28 dagar</c>, issue 24); otherwise
    /// <paramref name="formMessage"/>, what the right form is.
    /// </summary>
    protected static CliException NotInCalendar(string option, string text, string formMessage)
        => new(IsoDates.DescribeNonexistent(text) is { } why
            ? Texts.Format("cli.not-in-calendar", option, Privacy.PersonalIdentityNumbers.SafeToQuote(text), why)
            : formMessage);

    /// <summary>
    /// Opens the input of a command: <c>-</c> is standard input; any other path is opened once, whatever it
    /// is (a regular file, /dev/stdin, a named pipe, a process substitution). A run that reads twice keeps a
    /// copy of what cannot be read twice (docs/interchange-contract.md §4).
    /// </summary>
    protected static Stream OpenInput(string path, CliHost host)
    {
        if (path == "-")
        {
            return RefuseJsonArray(host.OpenStandardInput(), path);
        }

        if (path.StartsWith('-') && !File.Exists(path))
        {
            throw new CliException(Texts.Format("cli.unknown-option", Privacy.PersonalIdentityNumbers.SafeToQuote(path)));
        }

        if (Directory.Exists(path))
        {
            throw new CliException(Texts.Format("cli.directory", path));
        }

        try
        {
            return RefuseJsonArray(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, FileOptions.SequentialScan), path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CliException(Texts.Format("cli.no-such-file", path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliException(Texts.Format("cli.cannot-read", path, Reason(e)));
        }
    }

    /// <summary>
    /// A JSON array given where NDJSON is expected is one mistake, not an error on every line: when the
    /// input's first character (after a byte-order mark and white space) is <c>[</c>, the command stops with
    /// one hint. The stream is handed on unchanged otherwise (a seekable one rewound, another replayed).
    /// </summary>
    private static Stream RefuseJsonArray(Stream input, string path)
    {
        var head = new byte[4096];
        int filled = 0, read;
        while (filled < head.Length && (read = input.Read(head, filled, head.Length - filled)) > 0)
        {
            filled += read;
            var seen = head.AsSpan(0, filled);
            if (seen.StartsWith("\uFEFF"u8))
            {
                seen = seen[3..];
            }

            if (seen.TrimStart(" \t\r\n"u8).Length > 0)
            {
                break;
            }
        }

        var text = head.AsSpan(0, filled);
        if (text.StartsWith("\uFEFF"u8))
        {
            text = text[3..];
        }

        if (text.TrimStart(" \t\r\n"u8) is [(byte)'[', ..])
        {
            input.Dispose();
            throw new CliException(Texts.Format("cli.json-array", InputName(path)));
        }

        if (input.CanSeek)
        {
            input.Seek(-filled, SeekOrigin.Current);
            return input;
        }

        return new ReplayStream(head.AsMemory(0, filled), input);
    }

    /// <summary>Gives back bytes already read from a stream, then the rest of it.</summary>
    private sealed class ReplayStream(ReadOnlyMemory<byte> head, Stream rest) : Stream
    {
        private ReadOnlyMemory<byte> _head = head;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(Span<byte> buffer)
        {
            if (_head.IsEmpty)
            {
                return rest.Read(buffer);
            }

            int n = Math.Min(buffer.Length, _head.Length);
            _head.Span[..n].CopyTo(buffer);
            _head = _head[n..];
            return n;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                rest.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>
    /// The progress line on standard error: shown only when standard error is a terminal and the run has
    /// taken more than two seconds, refreshed at most twice a second, and wiped when the run ends.
    /// </summary>
    protected sealed class ProgressLine(CliHost host)
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private TimeSpan _lastShown;
        private int _shownLength;

        internal void Report(ValidationProgress progress)
        {
            if (!host.ErrorIsTerminal || _clock.Elapsed < TimeSpan.FromSeconds(2) || _clock.Elapsed - _lastShown < TimeSpan.FromMilliseconds(500))
            {
                return;
            }

            _lastShown = _clock.Elapsed;
            string text = $"inclusion: {Texts.Format("cli.progress", progress.BytesRead / (1024 * 1024), progress.Lines)}";
            host.Error.Write("\r" + text.PadRight(_shownLength));
            _shownLength = text.Length;
        }

        internal void Clear()
        {
            if (_shownLength > 0)
            {
                host.Error.Write("\r" + new string(' ', _shownLength) + "\r");
                _shownLength = 0;
            }
        }
    }

    /// <summary>
    /// A workbook is bytes no terminal can show: <c>--format xlsx</c> with standard output on a terminal stops before
    /// any input is read (exit 2), asking for a redirection, as <c>gzip</c> does.
    /// </summary>
    protected static void RefuseWorkbookOnTerminal(string? format, CliHost host)
    {
        if (format == "xlsx" && host.OutputIsTerminal)
        {
            throw new CliException(Texts.Get("cli.xlsx-terminal"));
        }
    }

    /// <summary>
    /// Writes a workbook to standard output as it is made, past the <see cref="Privacy.RedactingStream"/> in front of
    /// it: a compressed package shows no identity number as text and a changed byte would break it, so its writer
    /// withholds every id itself (as the JSON writer does); the guard behind still turns a failed write into the
    /// command's error.
    /// </summary>
    protected static void WriteWorkbook(StreamWriter output, CliHost host, Action<Stream> write)
    {
        output.Flush();
        host.Output.Flush(); // anything the redacting stream still held goes first
        write(host.Written!);
    }

    /// <summary>A definition file's bytes, or standard input's for <c>-</c> (at most the definition limit either way).</summary>
    protected static byte[] ReadDefinitionBytes(string file, CliHost host)
    {
        if (file != "-")
        {
            return ReadProgramFile(file);
        }

        using var stdin = host.OpenStandardInput();
        return ProgramDefinitionJson.ReadLimited(stdin);
    }

    /// <summary>Reads a definition file, or standard input for <c>-</c>.</summary>
    protected static ProgramDefinition LoadDefinition(string file, CliHost host)
    {
        var result = ProgramDefinitionJson.Parse(ReadDefinitionBytes(file, host));
        return result.Success
            ? result.Program!
            : throw new CliException(Texts.Format(result.Problems.Length == 1 ? "cli.file-invalid-one" : "cli.file-invalid", file, result.Problems.Length, string.Join("; ", result.Problems)));
    }
}
