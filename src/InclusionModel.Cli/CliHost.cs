using NodaTime;

namespace InclusionModel.Cli;

/// <summary>What the command line runs against: its streams, its clock and its time zone. Tests give their own.</summary>
/// <param name="OpenStandardInput">Opens standard input.</param>
/// <param name="Output">Standard output, as bytes.</param>
/// <param name="Error">Standard error.</param>
/// <param name="Clock">The clock that says what day it is (for the default as-of date).</param>
/// <param name="Zone">The machine's time zone.</param>
/// <param name="ErrorIsTerminal">Whether standard error is a terminal (progress is shown only then).</param>
internal sealed record CliHost(Func<Stream> OpenStandardInput, Stream Output, TextWriter Error, IClock Clock, DateTimeZone Zone, bool ErrorIsTerminal)
{
    internal static CliHost FromConsole() => new(
        Console.OpenStandardInput,
        Console.OpenStandardOutput(),
        Console.Error,
        SystemClock.Instance,
        DateTimeZoneProviders.Tzdb.GetSystemDefault(),
        !Console.IsErrorRedirected);

    internal LocalDate Today => Clock.GetCurrentInstant().InZone(Zone).Date;
}
