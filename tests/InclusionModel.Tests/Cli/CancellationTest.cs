using System.Text;
using InclusionModel.Cli;
using NodaTime;
using NodaTime.Testing;

namespace InclusionModel.Tests.Cli;

/// <summary>
/// Issue 23: a run stops when it is cancelled (Ctrl+C, SIGTERM; here the caller's token, which joins the same
/// source): the token reaches the library's run, one line on standard error says that the output is incomplete, and
/// the exit code is 130. The real process and its signals are <c>Faults/ProcessFaultsTest</c>'s.
/// </summary>
public sealed class CancellationTest
{
    private const string Cancelled = "inclusion: cancelled: what standard output holds is incomplete\n";

    private static readonly string Histories = Path.Combine(AppContext.BaseDirectory, "samples", "histories.ndjson");

    private static (int Code, string Output, string Error) Run(string[] args, CancellationToken cancellation, Func<Stream>? stdin = null)
    {
        var output = new MemoryStream();
        var error = new StringWriter();
        var host = new CliHost(stdin ?? (() => new MemoryStream()), output, error, new FakeClock(Instant.FromUtc(2026, 11, 25, 12, 0)), () => DateTimeZone.Utc, ErrorIsTerminal: false)
        {
            Cancellation = cancellation,
        };
        int code = CliApp.Run(args, host);
        return (code, Encoding.UTF8.GetString(output.ToArray()), error.ToString());
    }

    [Theory]
    [InlineData("validate", "--as-of", "2021-06-30")]
    [InlineData("report", "--program", "eskilstuna-romane-bucha", "--from", "2012-01-01", "--to", "2013-12-31")]
    [InlineData("compare", "--candidate", "{candidate}", "--as-of", "2021-06-30")]
    public void ACancelledRun_StopsWith130AndOneLine(params string[] command)
    {
        string candidate = Path.Combine(AppContext.BaseDirectory, "samples", "programs", "romane-bucha-employment-14.json");
        string[] args = [command[0], Histories, .. command[1..].Select(a => a == "{candidate}" ? candidate : a)];

        var outcome = Run(args, new CancellationToken(canceled: true));

        Assert.Equal((130, Cancelled), (outcome.Code, outcome.Error));
    }

    [Fact]
    public void Eligibility_Cancelled_StopsWith130AndSaysSoInSwedish()
    {
        var outcome = Run(["eligibility", Path.Combine(AppContext.BaseDirectory, "samples", "people.ndjson"), "--language", "sv"], new CancellationToken(canceled: true));

        Assert.Equal((130, "inclusion: avbruten: det som skrevs till standardutdata är ofullständigt\n"), (outcome.Code, outcome.Error));
    }

    [Fact]
    public async Task ARunBlockedOnInputThatNeverComes_IsLeftBehindAfterTheGrace_AndTheCommandEnds()
    {
        using var never = new BlockingStream();
        using var cancel = new CancellationTokenSource();
        var run = Task.Run(() => Run(["validate", "-", "--as-of", "2021-06-30"], cancel.Token, () => never));
        Assert.True(never.Reading.Wait(30_000), "the run never read");

        await cancel.CancelAsync();
        var outcome = await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal((130, Cancelled), (outcome.Code, outcome.Error));
    }

    [Fact]
    public void ARunNotCancelled_EndsAsBefore()
    {
        var outcome = Run(["validate", Histories, "--as-of", "2021-06-30"], CancellationToken.None);

        Assert.Equal((1, ""), (outcome.Code, outcome.Error));
        Assert.EndsWith("19 records: 8 valid, 10 invalid, 1 malformed (as of 2021-06-30)\n", outcome.Output, StringComparison.Ordinal);
    }

    /// <summary>Standard input that gives nothing until disposed, as a pipe whose writer never writes.</summary>
    private sealed class BlockingStream : Stream
    {
        private readonly ManualResetEventSlim _closed = new();

        internal ManualResetEventSlim Reading { get; } = new();

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Reading.Set();
            _closed.Wait();
            return 0;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            _closed.Set(); // the run left behind ends with the test
            base.Dispose(disposing);
        }
    }
}
