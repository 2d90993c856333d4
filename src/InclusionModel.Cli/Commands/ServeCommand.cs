using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InclusionModel.Cli;

/// <summary><c>inclusion serve</c> (docs/interchange-contract.md §8): the endpoints of InclusionModel.AspNetCore on Kestrel.</summary>
internal sealed class ServeCommand(StreamWriter output) : CliCommand
{
    internal override Command Build()
    {
        var urls = new Option<string>("--urls") { Description = Texts.Get("serve.urls"), DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var definitions = DefinitionFilesOption();
        var keys = new Option<string>("--api-keys") { Description = Texts.Get("serve.api-keys") };
        // No default value for System.CommandLine to print (it would say 1073741824): the description says 1 GiB
        var maxBody = WholeNumber<long?>("--max-body", n => n, null);
        maxBody.Description = Texts.Get("serve.max-body");
        var command = new Command("serve", Texts.Get("serve")) { urls, definitions, keys, maxBody };
        command.SetAction(parsed =>
        {
            var programs = LoadPrograms(parsed.GetValue(definitions) ?? []);
            string address = parsed.GetValue(urls)!;
            string? keysFile = parsed.GetValue(keys);
            long limit = parsed.GetValue(maxBody) ?? 1L << 30;
            if (limit < 1)
            {
                throw new CliException(Texts.Format("serve.bad-max-body", limit));
            }

            var listen = ServeHost.ParseUrls(address);
            var hashes = keysFile is null ? null : ReadKeyHashes(keysFile);
            if (hashes is null && listen.FirstOrDefault(l => !l.Loopback) is { } beyond)
            {
                throw new CliException(Texts.Format("serve.needs-keys", beyond.Text));
            }

            // Always Production (no developer exception page, whatever ASPNETCORE_ENVIRONMENT says), and the content
            // root beside the command, not the working folder.
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], EnvironmentName = Environments.Production, ContentRootPath = AppContext.BaseDirectory });

            // Endpoints and settings come from this command's options only: no appsettings.json, no ASPNETCORE_URLS,
            // URLS or HTTP_PORTS, no Kestrel section (Kestrel__Endpoints__…) from any configuration source.
            builder.Configuration.Sources.Clear();
            builder.WebHost.ConfigureKestrel(k =>
            {
                k.Limits.MaxRequestBodySize = limit;
                k.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(30);
                k.Limits.MinRequestBodyDataRate = new Microsoft.AspNetCore.Server.Kestrel.Core.MinDataRate(240, TimeSpan.FromSeconds(10));
                foreach (var endpoint in listen)
                {
                    endpoint.Listen(k);
                }
            });
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton<NodaTime.IClock>(NodaTime.SystemClock.Instance); // the command's composition root says what "today" is
            ServeHost.AddServices(builder.Services, programs, limit, keys: hashes is not null);
            using var app = builder.Build();
            ServeHost.Configure(app, hashes);
            try
            {
                app.Start();
            }
            catch (IOException e)
            {
                throw new CliException(Texts.Format("serve.cannot-listen", address, OneLine(e.Message)));
            }

            // Whatever was configured, what counts is what Kestrel bound: without keys, loopback only, or the service stops.
            var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToArray() ?? [];
            if (hashes is null && ServeHost.FirstBeyondLoopback(bound) is { } open)
            {
                app.StopAsync().GetAwaiter().GetResult();
                throw new CliException(Texts.Format("serve.bound-beyond-loopback", open));
            }

            string listening = string.Join(", ", bound);
            output.WriteLine(Texts.Format("serve.listening", listening, hashes is null ? Texts.Get("serve.no-keys") : Texts.Format("serve.keys", hashes.Count)));
            output.Flush();
            app.WaitForShutdown();
            return Valid;
        });
        return command;
    }

    /// <summary>
    /// Reads the keys file: one SHA-256 hash of a key a line, in hex (<c>printf %s "$KEY" | sha256sum</c>), blank
    /// lines and <c>#</c> comments skipped. The keys themselves are never stored.
    /// </summary>
    private static List<byte[]> ReadKeyHashes(string file)
    {
        string[] lines;
        try
        {
            // At most 1 MiB is read: a keys file is small, and /dev/zero or a FIFO must not fill the memory.
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            var bytes = new byte[ServeHost.MaxKeysFileBytes + 1];
            int length = 0, read;
            while (length < bytes.Length && (read = stream.Read(bytes, length, bytes.Length - length)) > 0)
            {
                length += read;
            }

            if (length > ServeHost.MaxKeysFileBytes)
            {
                throw new CliException(Texts.Format("serve.keys-too-large", file, ServeHost.MaxKeysFileBytes));
            }

            lines = new UTF8Encoding(false).GetString(bytes, 0, length).TrimStart('\uFEFF').Split('\n');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException(Texts.Format("cli.cannot-read", file, Reason(e)));
        }

        var hashes = new List<byte[]>();
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim().Split(' ', 2)[0];
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.Length != 64 || !line.All(Uri.IsHexDigit))
            {
                throw new CliException(Texts.Format("serve.bad-key-line", file, TextTable.Line(i + 1)));
            }

            hashes.Add(Convert.FromHexString(line));
        }

        return hashes.Count > 0 ? hashes : throw new CliException(Texts.Format("serve.no-key-lines", file));
    }
}
