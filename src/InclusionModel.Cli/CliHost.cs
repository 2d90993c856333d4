using NodaTime;

namespace InclusionModel.Cli;

/// <summary>What the command line runs against: its streams, its clock and its time zone. Tests give their own.</summary>
/// <param name="OpenStandardInput">Opens standard input.</param>
/// <param name="Output">Standard output, as bytes.</param>
/// <param name="Error">Standard error.</param>
/// <param name="Clock">The clock that says what day it is (for the default as-of date).</param>
/// <param name="Zone">Finds the machine's time zone; asked only when a command needs today's date (loading the time-zone database costs start-up time).</param>
/// <param name="ErrorIsTerminal">Whether standard error is a terminal (progress is shown only then).</param>
internal sealed record CliHost(Func<Stream> OpenStandardInput, Stream Output, TextWriter Error, IClock Clock, Func<DateTimeZone> Zone, bool ErrorIsTerminal)
{
    internal static CliHost FromConsole() => new(
        StandardInput,
        StandardOutput(),
        Console.Error,
        SystemClock.Instance,
        () => DateTimeZoneProviders.Tzdb.GetSystemDefault(),
        !Console.IsErrorRedirected)
    {
        OutputIsTerminal = !Console.IsOutputRedirected,
        ListensForSignals = true,
        Locale = new[] { Environment.GetEnvironmentVariable("LC_ALL"), Environment.GetEnvironmentVariable("LANG"), System.Globalization.CultureInfo.CurrentUICulture.Name }
            .FirstOrDefault(v => !string.IsNullOrEmpty(v)),
    };

    /// <summary>The guard behind <see cref="Output"/> that names what is being written when a write fails; set by the run.</summary>
    internal CliOutput? Written { get; init; }

    /// <summary>Whether Ctrl+C (SIGINT) and SIGTERM stop a run (<see cref="RunCancellation"/>): the real command's, never a test process's.</summary>
    internal bool ListensForSignals { get; init; }

    /// <summary>The caller's own token: cancelled, a run stops as on Ctrl+C (tests stop a run so).</summary>
    internal CancellationToken Cancellation { get; init; }

    /// <summary>Whether standard output is a terminal: a workbook (<c>--format xlsx</c>) is written only where it is not.</summary>
    internal bool OutputIsTerminal { get; init; }

    internal LocalDate Today => Clock.GetCurrentInstant().InZone(Zone()).Date;

    /// <summary>
    /// The locale the environment asks for (docs/interchange-contract.md §9): <c>LC_ALL</c> when set, else
    /// <c>LANG</c>, else the UI culture's name; <c>null</c> (English) for a host that sets none, as tests do.
    /// </summary>
    internal string? Locale { get; init; }

    /// <summary>Whether the environment's locale asks for Swedish (it starts with <c>sv</c>).</summary>
    internal bool LocaleIsSwedish => Locale is { } l && l.StartsWith("sv", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Standard input: a regular file redirected to it is read as that file (seekable, so a two-pass run
    /// need not copy it); anything else as the console stream.
    /// </summary>
    private static Stream StandardInput()
    {
        if (!OperatingSystem.IsWindows() && Descriptor(0, FileAccess.Read) is { CanSeek: true } file)
        {
            return file;
        }

        return Console.OpenStandardInput();
    }

    /// <summary>
    /// Standard output. The console stream pretends that a write to a closed pipe succeeded (it ignores
    /// EPIPE), so that a run would go on to the end for no reader: on Unix a pipe or socket is written
    /// through a stream that reports the broken pipe. A regular file keeps the console stream, which writes
    /// at the descriptor's own offset (as <c>&gt;&gt;</c> and shell groups expect).
    /// </summary>
    private static Stream StandardOutput()
    {
        if (!OperatingSystem.IsWindows() && Descriptor(1, FileAccess.Write) is { CanSeek: false } file)
        {
            return file;
        }

        return Console.OpenStandardOutput();
    }

    /// <summary>A stream over one of the process's own descriptors (not owned), or <c>null</c> when it is closed or not a file; any that does not fit the caller is disposed by it.</summary>
    private static FileStream? Descriptor(int fd, FileAccess access)
    {
        try
        {
            var stream = new FileStream(new Microsoft.Win32.SafeHandles.SafeFileHandle(fd, ownsHandle: false), access, 1);
            bool seekable = stream.CanSeek;
            if (access == FileAccess.Read ? seekable : !seekable)
            {
                return stream;
            }

            stream.Dispose();
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null; // a closed descriptor: the console stream says so in its own way
        }
    }
}
