using System.Text;
using System.Text.Json;
using InclusionModel.Cli;
using NodaTime;
using NodaTime.Testing;

namespace InclusionModel.Tests.Cli;

/// <summary>What a command printed and returned.</summary>
internal sealed record CliOutcome(int ExitCode, string Output, string Error)
{
    public JsonElement Json => JsonDocument.Parse(Output).RootElement;
}

/// <summary>Runs the command line in process, with its streams and clock captured.</summary>
internal static class CliRun
{
    internal static CliOutcome Run(string[] args, string? stdin = null, Instant? now = null, DateTimeZone? zone = null, string? locale = null)
    {
        var output = new MemoryStream();
        var error = new StringWriter();
        var host = new CliHost(
            () => new MemoryStream(Encoding.UTF8.GetBytes(stdin ?? "")),
            output,
            error,
            new FakeClock(now ?? Instant.FromUtc(2026, 11, 25, 12, 0)),
            () => zone ?? DateTimeZone.Utc,
            ErrorIsTerminal: false) { Locale = locale };
        int code = CliApp.Run(args, host);
        return new CliOutcome(code, Encoding.UTF8.GetString(output.ToArray()), error.ToString());
    }

    /// <summary>Runs a command whose standard output is bytes (<c>--format xlsx</c>), standard output a terminal or not.</summary>
    internal static (int ExitCode, byte[] Output, string Error) RunBinary(string[] args, bool outputIsTerminal = false)
    {
        var output = new MemoryStream();
        var error = new StringWriter();
        var host = new CliHost(
            () => new MemoryStream(),
            output,
            error,
            new FakeClock(Instant.FromUtc(2026, 11, 25, 12, 0)),
            () => DateTimeZone.Utc,
            ErrorIsTerminal: false) { OutputIsTerminal = outputIsTerminal };
        int code = CliApp.Run(args, host);
        return (code, output.ToArray(), error.ToString());
    }
}
