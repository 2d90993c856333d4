using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;

namespace InclusionModel.Floor;

/// <summary>
/// The bounded load test of issue 16: <c>clients</c> concurrent HTTP clients post the same NDJSON body to
/// <c>POST /validate</c> until <c>requests</c> have been answered, each answer checked (200 and every record
/// counted); prints requests per second and p50/p99 latency.
/// </summary>
public static class Load
{
    public static async Task<int> Run(string url, string bodyFile, int requests, int clients)
    {
        byte[] body = await File.ReadAllBytesAsync(bodyFile).ConfigureAwait(false);
        long lines = body.AsSpan().Count((byte)'\n');
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        var latencies = new double[requests];
        int next = -1, failures = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests)
            {
                var started = Stopwatch.GetTimestamp();
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
                using var response = await http.PostAsync(url, content).ConfigureAwait(false);
                await using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                using var document = await JsonDocument.ParseAsync(stream).ConfigureAwait(false);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (!response.IsSuccessStatusCode || document.RootElement.GetProperty("summary").GetProperty("records").GetInt64() != lines)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })).ConfigureAwait(false);
        double seconds = clock.Elapsed.TotalSeconds;
        Array.Sort(latencies);
        Console.WriteLine($"{requests} requests of {body.Length} bytes ({lines} records), {clients} clients: {requests / seconds:0.0} requests/s, p50 {latencies[requests / 2]:0} ms, p99 {latencies[(int)(requests * 0.99)]:0} ms, {failures} failures");
        return failures == 0 ? 0 : 1;
    }
}
