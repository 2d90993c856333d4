using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InclusionModel.AspNetCore;

/// <summary>
/// What every request with a body goes through (issue 22): a compressed body is refused (415); at most
/// <see cref="InclusionModelHttpOptions.MaxConcurrentUploads"/> bodies are read at once (503 with
/// <c>Retry-After</c> beyond); the body must keep its pace over every window of
/// <see cref="InclusionModelHttpOptions.BodyRateWindow"/> (408); and the server's own refusals of a body (413
/// from Kestrel's limit, 400 for a broken chunk) become problem documents.
/// </summary>
internal sealed class UploadGate(IOptions<InclusionModelHttpOptions> options) : IDisposable
{
    /// <summary>How long a refused client is asked to wait, in seconds.</summary>
    internal const int RetryAfterSeconds = 5;

    private readonly SemaphoreSlim _slots = new(Math.Max(1, options.Value.MaxConcurrentUploads));

    public void Dispose() => _slots.Dispose();

    /// <summary>The gate's own answers, in the metadata of every POST endpoint of the group (so in the OpenAPI document): 408 and 503; its 413 and 415 are the endpoints' own too.</summary>
    internal static void Describe(EndpointBuilder builder)
    {
        if (builder.Metadata.OfType<IHttpMethodMetadata>().Any(m => m.HttpMethods.Contains(HttpMethods.Post)))
        {
            builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status408RequestTimeout, typeof(ProblemDetails), ["application/problem+json"]));
            builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status503ServiceUnavailable, typeof(ProblemDetails), ["application/problem+json"]));
        }
    }

    /// <summary>The endpoint filter, for the POST endpoints of the group.</summary>
    internal static async ValueTask<object?> Filter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            return await next(context).ConfigureAwait(false);
        }

        var options = http.RequestServices.GetRequiredService<IOptions<InclusionModelHttpOptions>>().Value;
        if (http.Request.Headers.ContentEncoding.Any(e => !string.Equals(e?.Trim(), "identity", StringComparison.OrdinalIgnoreCase)))
        {
            http.Response.Headers.Connection = "close";
            return HttpProblems.Problem(StatusCodes.Status415UnsupportedMediaType, "http.title.415", Texts.Get("http.encoding"));
        }

        var gate = http.RequestServices.GetRequiredService<UploadGate>();
        if (!gate._slots.Wait(0)) // a try, not a wait: a timeout of 0 answers at once, taken or not
        {
            http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            http.Response.Headers.Connection = "close"; // the body is not read: the connection ends with the answer
            return HttpProblems.Problem(StatusCodes.Status503ServiceUnavailable, "http.title.503", Texts.Format("http.busy", options.MaxConcurrentUploads, RetryAfterSeconds));
        }

        try
        {
            http.Request.Body = new PacedStream(http.Request.Body, options.MinBodyBytesPerSecond, options.BodyRateWindow);
            return await next(context).ConfigureAwait(false);
        }
        catch (BodyTooSlowException)
        {
            http.Response.Headers.Connection = "close";
            return HttpProblems.Problem(StatusCodes.Status408RequestTimeout, "http.title.408", Texts.Format("http.too-slow", options.MinBodyBytesPerSecond, (long)options.BodyRateWindow.TotalSeconds));
        }
        catch (BadHttpRequestException e)
        {
            // Kestrel's own refusal while the body was read (over MaxRequestBodySize, a broken chunk): its status, our words.
            http.Response.Headers.Connection = "close";
            return HttpProblems.Status(e.StatusCode);
        }
        finally
        {
            gate._slots.Release();
        }
    }
}

/// <summary>
/// A request body that must bring at least a minimum number of bytes in every window of waiting time: unlike an
/// average since the start, a burst does not buy a stall. Only time spent waiting for the client counts, not
/// time the server spends on what it has read.
/// </summary>
internal sealed class PacedStream(Stream inner, long minBytesPerSecond, TimeSpan window) : ReadOnlyStream
{
    private readonly long _minPerWindow = window > TimeSpan.Zero ? (long)(minBytesPerSecond * window.TotalSeconds) : 0;
    private TimeSpan _waited;
    private long _bytes;

    public override int Read(byte[] buffer, int offset, int count) => throw Synchronous();

    public override int Read(Span<byte> buffer) => throw Synchronous();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_minPerWindow <= 0 || buffer.IsEmpty)
        {
            return await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }

        // The current window may wait until its end; once it has its bytes, until the end of the next one.
        var allowed = window - _waited + (_bytes >= _minPerWindow ? window : TimeSpan.Zero);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(allowed > TimeSpan.Zero ? allowed : TimeSpan.FromMilliseconds(1));
        long started = Stopwatch.GetTimestamp();
        int read;
        try
        {
            read = await inner.ReadAsync(buffer, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BodyTooSlowException();
        }

        _waited += Stopwatch.GetElapsedTime(started);
        while (_waited >= window)
        {
            if (_bytes < _minPerWindow)
            {
                throw new BodyTooSlowException();
            }

            _bytes = 0;
            _waited -= window;
        }

        _bytes += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
}

/// <summary>The request body came slower than the minimum rate over a window (answered 408).</summary>
internal sealed class BodyTooSlowException : IOException
{
    public BodyTooSlowException()
        : base("The request body came too slowly.")
    {
    }
}
