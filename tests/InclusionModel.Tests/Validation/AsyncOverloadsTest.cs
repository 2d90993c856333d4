using System.Text;
using InclusionModel.Eligibility;
using InclusionModel.Programs;
using InclusionModel.Reports;
using InclusionModel.Runs;
using InclusionModel.Validation;
using NodaTime;

namespace InclusionModel.Tests.Validation;

/// <summary>The <c>…Async(Stream, …)</c> overloads for hosts whose streams may only be read asynchronously.</summary>
public class AsyncOverloadsTest
{
    private static readonly string Samples = Path.Combine(AppContext.BaseDirectory, "samples");

    /// <summary>A request body as ASP.NET Core gives it: no seeking, and synchronous reads refused.</summary>
    private sealed class AsyncOnlyBody(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => _inner.ReadAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => _inner.ReadAsync(buffer, offset, count, cancellationToken);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private sealed class Nothing : IValidationSink, IEligibilitySink
    {
        public void Record(long line, HistoryValidationResult result)
        {
        }

        public void Malformed(long line, string reason)
        {
        }

        public void Complete(ValidationSummary summary)
        {
        }

        public void SpecialCategoryData(IReadOnlyList<string> programs)
        {
        }

        public void Decision(long line, EligibilityRequest request, EligibilityTrace trace)
        {
        }

        public void Complete(EligibilitySummary summary)
        {
        }
    }

    [Fact]
    public async Task ValidateReportAndScreen_FromAnAsyncOnlyBody_GiveWhatTheBytesGive()
    {
        byte[] histories = File.ReadAllBytes(Path.Combine(Samples, "motala-2020.ndjson"));
        byte[] people = File.ReadAllBytes(Path.Combine(Samples, "people.ndjson"));
        var asOf = new LocalDate(2020, 12, 31);
        var motala = ProgramCatalogue.BuiltIn.Get("motala-utanforskap-till-sysselsattning");
        var april = ReportPeriod.Month(new YearMonth(2020, 4));

        var validated = await new NdjsonValidation(new HistoryValidator()).RunAsync(new AsyncOnlyBody(histories), asOf, new Nothing());
        var reported = await new NdjsonReport().RunAsync(new AsyncOnlyBody(histories), motala, april);
        var screened = await new EligibilityScreening().RunAsync(new AsyncOnlyBody(people), new Nothing());

        Assert.Equal(new NdjsonValidation(new HistoryValidator()).Run(new MemoryStream(histories), asOf, new Nothing()), validated);
        Assert.Equal(ReportWriter.Rows(new NdjsonReport().Run(new MemoryStream(histories), motala, april)), ReportWriter.Rows(reported));
        Assert.Equal(new EligibilityScreening().Run(new MemoryStream(people), new Nothing()), screened);
    }

    [Fact]
    public async Task ACancelledRun_Stops()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        byte[] histories = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(File.ReadAllText(Path.Combine(Samples, "all-in.ndjson")), 20)));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new NdjsonValidation(new HistoryValidator()).RunAsync(new AsyncOnlyBody(histories), new LocalDate(2021, 1, 1), new Nothing(), cancelled.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => new NdjsonValidation(new HistoryValidator()).Run(new MemoryStream(histories), new LocalDate(2021, 1, 1), new Nothing(), cancelled.Token));
    }
}
