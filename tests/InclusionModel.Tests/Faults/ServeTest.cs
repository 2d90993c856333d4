using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using InclusionModel.Tests.Docs;

namespace InclusionModel.Tests.Faults;

/// <summary><c>inclusion serve</c> as a real process on loopback (docs/interchange-contract.md §8).</summary>
[Collection("child processes")]
public sealed class ServeTest : IDisposable
{
    private readonly ChildCli _cli = new();

    public void Dispose() => _cli.Dispose();

    /// <summary>
    /// Starts the service on a port the system chooses (port 0: no port is picked, released and raced for) and
    /// reads the address it bound from the line that says where it listens.
    /// </summary>
    private static (Process Process, HttpClient Client) Serve(ChildCli cli, params string[] args)
    {
        var process = cli.Start(["serve", "--urls", "http://127.0.0.1:0", .. args]);
        string? line = process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)).GetAwaiter().GetResult();
        Assert.StartsWith("inclusion: listening on", line, StringComparison.Ordinal);
        var bound = System.Text.RegularExpressions.Regex.Match(line!, @"http://127\.0\.0\.1:(\d+)");
        Assert.True(bound.Success, line);
        return (process, new HttpClient { BaseAddress = new Uri(bound.Value) });
    }

    /// <summary>The TCP sockets the process listens on (Linux: its socket descriptors matched in /proc/net/tcp and tcp6).</summary>
    private static List<IPEndPoint> Listening(int pid)
    {
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (string fd in Directory.GetFiles($"/proc/{pid}/fd"))
        {
            try
            {
                if (new FileInfo(fd).LinkTarget is { } target && target.StartsWith("socket:[", StringComparison.Ordinal))
                {
                    inodes.Add(target["socket:[".Length..^1]);
                }
            }
            catch (IOException)
            {
                // closed while we looked
            }
        }

        var found = new List<IPEndPoint>();
        foreach (string table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            foreach (string row in File.ReadAllLines(table).Skip(1))
            {
                string[] f = row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (f[3] != "0A" || !inodes.Contains(f[9]))
                {
                    continue; // not listening, or not this process's
                }

                string[] local = f[1].Split(':');
                byte[] raw = Convert.FromHexString(local[0]);
                for (int i = 0; i < raw.Length; i += 4)
                {
                    Array.Reverse(raw, i, 4); // the kernel prints each 32-bit word in host (little-endian) order
                }

                found.Add(new IPEndPoint(new IPAddress(raw), Convert.ToInt32(local[1], 16)));
            }
        }

        return found;
    }

    /// <summary>
    /// The service either refuses to start (exit 2, one line on standard error) or listens on loopback only:
    /// every TCP socket it holds open for listening is 127.0.0.0/8 or ::1.
    /// </summary>
    private static void AssertNeverBeyondLoopback(Process process, bool mustRefuse)
    {
        try
        {
            string? line = process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)).GetAwaiter().GetResult();
            if (line is null)
            {
                Assert.True(process.WaitForExit(30_000));
                string error = process.StandardError.ReadToEnd();
                Assert.Equal(2, process.ExitCode);
                Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
                return;
            }

            Assert.False(mustRefuse, $"the service started: {line}");
            var sockets = Listening(process.Id);
            Assert.NotEmpty(sockets);
            Assert.All(sockets, s => Assert.True(IPAddress.IsLoopback(s.Address), $"listening on {s}"));
        }
        finally
        {
            Stop(process);
        }
    }

    [Theory]
    [Needs(MachineNeed.Linux)]
    [InlineData("http://0.0.0.0:0")]
    [InlineData("http://[::]:0")]
    [InlineData("http://loopback:0")]
    [InlineData("http://example.org:0")]
    [InlineData("http://127.0.0.1:0;http://0.0.0.0:0")]
    [InlineData("http://127.0.0.1:0/;http://0.0.0.0:0")]
    [InlineData("http://127.0.0.1:0/#;http://0.0.0.0:0")]
    [InlineData("http://127.0.0.1:0/x?y=1#;http://[::]:0")]
    public void Serve_AnAddressBeyondLoopbackWithoutKeys_NeverListensBeyondLoopback(string urls)
    {
        AssertNeverBeyondLoopback(_cli.Start("serve", "--urls", urls), mustRefuse: urls != "http://loopback:0");
    }

    [Theory]
    [Needs(MachineNeed.Linux)]
    [InlineData("Kestrel__Endpoints__A__Url", "http://0.0.0.0:0")]
    [InlineData("ASPNETCORE_Kestrel__Endpoints__A__Url", "http://0.0.0.0:0")]
    [InlineData("ASPNETCORE_URLS", "http://0.0.0.0:0")]
    [InlineData("URLS", "http://0.0.0.0:0")]
    [InlineData("DOTNET_URLS", "http://0.0.0.0:0")]
    [InlineData("ASPNETCORE_HTTP_PORTS", "0")]
    [InlineData("appsettings.json", """{"Kestrel":{"Endpoints":{"A":{"Url":"http://0.0.0.0:0"}}},"urls":"http://0.0.0.0:0"}""")]
    [InlineData("appsettings.Production.json", """{"Kestrel":{"Endpoints":{"A":{"Url":"http://[::]:0"}}}}""")]
    public void Serve_EndpointsFromTheEnvironmentOrTheWorkingFolder_AreNotUsed(string name, string value)
    {
        string folder = Directory.CreateTempSubdirectory("inclusion-serve-cwd-").FullName;
        try
        {
            var environment = new Dictionary<string, string>(StringComparer.Ordinal);
            if (name.EndsWith(".json", StringComparison.Ordinal))
            {
                File.WriteAllText(Path.Combine(folder, name), value);
            }
            else
            {
                environment[name] = value;
            }

            AssertNeverBeyondLoopback(_cli.StartIn(environment, folder, "serve", "--urls", "http://127.0.0.1:0"), mustRefuse: false);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void BoundAddresses_BeyondLoopback_AreFound()
    {
        Assert.Null(InclusionModel.Cli.ServeHost.FirstBeyondLoopback(["http://127.0.0.1:5080", "http://[::1]:5080", "http://localhost:5080", "http://127.1.2.3:1"]));
        Assert.Equal("http://[::]:5080", InclusionModel.Cli.ServeHost.FirstBeyondLoopback(["http://127.0.0.1:5080", "http://[::]:5080"]));
        Assert.Equal("http://0.0.0.0:80", InclusionModel.Cli.ServeHost.FirstBeyondLoopback(["http://0.0.0.0:80"]));
        Assert.Equal("http://*:80", InclusionModel.Cli.ServeHost.FirstBeyondLoopback(["http://*:80"]));
        Assert.Equal("http://example.org:80", InclusionModel.Cli.ServeHost.FirstBeyondLoopback(["http://example.org:80"]));
    }

    [Fact]
    public async Task Serve_InDevelopment_IsStillProduction_NoExceptionPage_NoHeaderEchoed()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["ASPNETCORE_ENVIRONMENT"] = "Development", ["DOTNET_ENVIRONMENT"] = "Development" };
        var process = _cli.StartIn(environment, null, "serve", "--urls", "http://127.0.0.1:0");
        string? line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
        using var client = new HttpClient { BaseAddress = new Uri(System.Text.RegularExpressions.Regex.Match(line!, @"http://127\.0\.0\.1:\d+").Value) };
        try
        {
            // A query parameter that cannot be bound: in Development, minimal APIs throw and the exception page shows every header.
            using var request = new HttpRequestMessage(HttpMethod.Post, "/reports/hallefors-all-in?final=maybe") { Content = new StringContent("", Encoding.UTF8, "application/x-ndjson") };
            request.Headers.Add("X-Personnummer", "19811218-9876");
            var response = await client.SendAsync(request);
            string body = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.DoesNotContain("19811218", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Personnummer", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("final", body, StringComparison.Ordinal);
            Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
        }
        finally
        {
            Stop(process);
        }
    }

    [Fact]
    [Needs(MachineNeed.Linux)]
    public async Task Serve_KeysFileWithoutEnd_IsAOneLineError()
    {
        using var process = _cli.Start("serve", "--urls", "http://127.0.0.1:0", "--api-keys", "/dev/zero");
        string error = await process.StandardError.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(process.WaitForExit(30_000));

        Assert.Equal(2, process.ExitCode);
        Assert.Equal("inclusion: /dev/zero is larger than 1,048,576 bytes; a keys file holds one hash a line\n", error);
    }

    [Fact]
    public void Serve_Https_IsAOneLineError()
    {
        using var process = _cli.Start("serve", "--urls", "https://127.0.0.1:0");
        string error = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(60_000));

        Assert.Equal(2, process.ExitCode);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("cannot serve https", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_ABodyThatStallsAfterABurst_IsAnswered408_WithinTwoWindows()
    {
        var (process, client) = Serve(_cli);
        try
        {
            using var socket = new TcpClient();
            await socket.ConnectAsync(client.BaseAddress!.Host, client.BaseAddress.Port);
            var stream = socket.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes("POST /validate?asOf=2015-06-01 HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-ndjson\r\nContent-Length: 100000000\r\n\r\n"));

            // One megabyte at once: averaged since the start, 240 bytes a second would hold the connection for over an hour.
            await stream.WriteAsync(Encoding.ASCII.GetBytes(new string('\n', 1 << 20)));
            await stream.FlushAsync();
            var stalled = Stopwatch.StartNew();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            string? status = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            var headers = new List<string>();
            for (string? line = await reader.ReadLineAsync(); !string.IsNullOrEmpty(line); line = await reader.ReadLineAsync())
            {
                headers.Add(line);
            }

            Assert.Equal("HTTP/1.1 408 Request Timeout", status);
            Assert.Contains("Content-Type: application/problem+json", headers);
            Assert.Contains("Connection: close", headers);
            Assert.True(stalled.Elapsed < TimeSpan.FromSeconds(40), $"answered after {stalled.Elapsed}");
        }
        finally
        {
            Stop(process);
            client.Dispose();
        }
    }

    [Fact]
    public async Task Serve_WhatKestrelAnswersBeforeTheApp_RepeatsNothing()
    {
        var (process, client) = Serve(_cli);
        try
        {
            var tooLong = await client.GetAsync("/programs/19811218-9876?" + new string('a', 9000));
            using var request = new HttpRequestMessage(HttpMethod.Get, "/programs");
            request.Headers.Add("X-Personnummer", "19811218-9876" + new string('b', 40_000));
            var tooLarge = await client.SendAsync(request);

            Assert.Equal((HttpStatusCode.RequestUriTooLong, HttpStatusCode.RequestHeaderFieldsTooLarge), (tooLong.StatusCode, tooLarge.StatusCode));
            Assert.Equal(string.Empty, await tooLong.Content.ReadAsStringAsync());
            Assert.Equal(string.Empty, await tooLarge.Content.ReadAsStringAsync());
        }
        finally
        {
            Stop(process);
            client.Dispose();
        }
    }

    [Fact]
    public async Task Serve_ABodyOverKestrelsLimit_IsA413ProblemDocument_ForEveryEndpoint()
    {
        var (process, client) = Serve(_cli, "--max-body", "1000");
        try
        {
            string big = new('x', 5000);
            var validate = await client.PostAsync("/validate?asOf=2015-06-01", new StringContent(big, Encoding.UTF8, "application/x-ndjson"));
            using var parts = new MultipartFormDataContent { { new StringContent(big), "file", "file" }, { new StringContent("{}"), "candidate", "candidate" } };
            var compare = await client.PostAsync("/compare?asOf=2015-06-01", parts);

            foreach (var response in new[] { validate, compare })
            {
                Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }
        finally
        {
            Stop(process);
            client.Dispose();
        }
    }

    private static void Stop(Process process)
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit(30_000);
    }

    [Fact]
    public void AnotherAddressWithoutKeys_IsRefused()
    {
        using var process = _cli.Start("serve", "--urls", "http://0.0.0.0:5097");
        string error = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(60_000));

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("is not a loopback address: give --api-keys <file>", error);
    }

    [Fact]
    public async Task WithKeys_EveryRequestButHealthNeedsOne()
    {
        string keys = Path.Combine(_cli.TempDir, "keys");
        File.WriteAllText(keys, "# the key is 'secret-1'\n" + Convert.ToHexString(SHA256.HashData("secret-1"u8)).ToLowerInvariant() + "\n");
        var (process, client) = Serve(_cli, "--api-keys", keys);
        try
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
            var unauthorized = await client.GetAsync("/programs");
            Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
            Assert.Equal("application/problem+json", unauthorized.Content.Headers.ContentType?.MediaType);
            Assert.Equal(HttpStatusCode.MethodNotAllowed, (await client.PostAsync("/health", new StringContent(""))).StatusCode);

            // The document names the bearer scheme, and 401 and 403 on every operation but /health.
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "secret-1");
            var document = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
            client.DefaultRequestHeaders.Authorization = null;
            var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
            Assert.Equal(("http", "bearer"), (scheme.GetProperty("type").GetString(), scheme.GetProperty("scheme").GetString()));
            var responses = document.GetProperty("paths").GetProperty("/programs").GetProperty("get").GetProperty("responses");
            Assert.True(responses.TryGetProperty("401", out _) && responses.TryGetProperty("403", out _));
            Assert.False(document.GetProperty("paths").GetProperty("/health").GetProperty("get").GetProperty("responses").TryGetProperty("401", out _));

            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "secret-2");
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/programs")).StatusCode);

            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "secret-1");
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/programs")).StatusCode);

            // The scheme's name is case-insensitive (RFC 9110 §11.1).
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("bearer", "secret-1");
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/programs")).StatusCode);
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("BEARER", "secret-1");
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/programs")).StatusCode);
        }
        finally
        {
            Stop(process);
            client.Dispose();
        }
    }

    [Fact]
    [Needs(MachineNeed.Linux)]
    public async Task AClientThatDisconnectsMidBody_LeavesNoTemporaryFile_AndTheServiceGoesOn()
    {
        var (process, client) = Serve(_cli);
        try
        {
            string line = File.ReadAllLines(EmbeddingSampleTest.RepositoryFile("samples/histories.ndjson"))[0] + "\n";
            using (var socket = new TcpClient())
            {
                await socket.ConnectAsync(client.BaseAddress!.Host, client.BaseAddress.Port);
                var stream = socket.GetStream();
                var head = $"POST /validate?asOf=2015-06-01 HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-ndjson\r\nContent-Length: 100000000\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
                for (int i = 0; i < 2000; i++)
                {
                    await stream.WriteAsync(Encoding.UTF8.GetBytes(line));
                }

                await stream.FlushAsync();

                // While the body is being received, its copy is held open: owner-only and already unlinked.
                // A spool is created and unlinked at once: a look between the two calls may still see its name.
                var held = WaitForTemp(process.Id);
                Assert.True(
                    SpinWait.SpinUntil(() => (held = _cli.OpenTempFiles(process.Id)).All(f => f.Link.EndsWith(" (deleted)", StringComparison.Ordinal)), TimeSpan.FromSeconds(5)),
                    $"a spool kept its name: {string.Join(", ", held.Select(f => f.Link))}");
            } // the client goes away mid-body

            // The request ends, its copy is released, and the next request is answered.
            Assert.True(SpinWait.SpinUntil(() => _cli.OpenTempFiles(process.Id).Count == 0, TimeSpan.FromSeconds(30)), "a temporary file outlived its request");
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/programs")).StatusCode);
            Assert.Empty(Directory.GetFileSystemEntries(_cli.TempDir));
        }
        finally
        {
            Stop(process);
            client.Dispose();
        }
    }

    private List<(string Link, string Fd)> WaitForTemp(int pid)
    {
        List<(string Link, string Fd)> held = [];
        Assert.True(SpinWait.SpinUntil(() => (held = _cli.OpenTempFiles(pid)).Count > 0, TimeSpan.FromSeconds(30)), "the body was never spooled");
        return held;
    }

    [Fact]
    public async Task Validate_OverHttp_IsTheCommandsDocument_InTheLanguageAsked()
    {
        string histories = File.ReadAllText(EmbeddingSampleTest.RepositoryFile("samples/histories.ndjson"));
        var (process, client) = Serve(_cli);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/validate?asOf=2015-06-01") { Content = new StringContent(histories, Encoding.UTF8, "application/x-ndjson") };
            request.Headers.AcceptLanguage.ParseAdd("sv-SE");
            var response = await client.SendAsync(request);
            string body = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(Cli.CliRun.Run(["validate", "-", "--as-of", "2015-06-01", "--format", "json", "--language", "sv"], stdin: histories).Output, body);
            Assert.Contains("varade 13 månader", body, StringComparison.Ordinal);
        }
        finally
        {
            Stop(process);
            client.Dispose();
        }
    }
}
