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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the service and waits for the line that says where it listens.</summary>
    private static (Process Process, HttpClient Client) Serve(ChildCli cli, params string[] args)
    {
        int port = FreePort();
        var process = cli.Start(["serve", "--urls", $"http://127.0.0.1:{port}", .. args]);
        string? line = process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)).GetAwaiter().GetResult();
        Assert.StartsWith("inclusion: listening on", line, StringComparison.Ordinal);
        return (process, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") });
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
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/programs")).StatusCode);

            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "secret-2");
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/programs")).StatusCode);

            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "secret-1");
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/programs")).StatusCode);
        }
        finally
        {
            Stop(process);
            client.Dispose();
        }
    }

    [MachineFact(MachineNeed.Linux)]
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
                var held = WaitForTemp(process.Id);
                Assert.All(held, f => Assert.EndsWith(" (deleted)", f.Link));
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
