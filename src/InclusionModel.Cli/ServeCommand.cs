using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using InclusionModel.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InclusionModel.Cli;

/// <summary><c>inclusion serve</c> (docs/interchange-contract.md §8): the endpoints of InclusionModel.AspNetCore on Kestrel.</summary>
internal static partial class CliApp
{
    private static Command ServeCommand(CliHost host, StreamWriter output)
    {
        var urls = new Option<string>("--urls") { Description = Texts.Get("serve.urls"), DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var definitions = DefinitionFilesOption();
        var keys = new Option<string>("--api-keys") { Description = Texts.Get("serve.api-keys") };
        var maxBody = WholeNumber("--max-body", n => n, 1L << 30);
        maxBody.Description = Texts.Get("serve.max-body");
        maxBody.DefaultValueFactory = _ => 1L << 30;
        var command = new Command("serve", Texts.Get("serve")) { urls, definitions, keys, maxBody };
        command.SetAction(parsed =>
        {
            var programs = LoadPrograms(parsed.GetValue(definitions) ?? []);
            string address = parsed.GetValue(urls)!;
            string? keysFile = parsed.GetValue(keys);
            long limit = parsed.GetValue(maxBody);
            if (limit < 1)
            {
                throw new CliException(Texts.Format("serve.bad-max-body", limit));
            }

            if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                throw new CliException(Texts.Format("serve.bad-url", address));
            }

            var hashes = keysFile is null ? null : ReadKeyHashes(keysFile);
            if (hashes is null && !IsLoopback(uri))
            {
                throw new CliException(Texts.Format("serve.needs-keys", address));
            }

            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
            builder.WebHost.UseUrls(address);
            builder.WebHost.ConfigureKestrel(k =>
            {
                k.Limits.MaxRequestBodySize = limit;
                k.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(30);
                k.Limits.MinRequestBodyDataRate = new Microsoft.AspNetCore.Server.Kestrel.Core.MinDataRate(240, TimeSpan.FromSeconds(10));
            });
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton<NodaTime.IClock>(NodaTime.SystemClock.Instance); // the command's composition root says what "today" is
            builder.Services.AddInclusionModel(o =>
            {
                o.Programs = programs;
                o.MaxBodyBytes = limit;
            });
            using var app = builder.Build();
            app.UseStatusCodePages();
            if (hashes is not null)
            {
                app.Use(async (context, next) =>
                {
                    if (context.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal))
                    {
                        await next(context).ConfigureAwait(false);
                        return;
                    }

                    string? header = context.Request.Headers.Authorization;
                    if (header is null || !header.StartsWith("Bearer ", StringComparison.Ordinal))
                    {
                        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                        context.Response.Headers.WWWAuthenticate = "Bearer";
                        return;
                    }

                    byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim()));
                    if (!hashes.Any(h => CryptographicOperations.FixedTimeEquals(h, hash)))
                    {
                        context.Response.StatusCode = StatusCodes.Status403Forbidden;
                        return;
                    }

                    await next(context).ConfigureAwait(false);
                });
            }

            app.MapInclusionModel();
            app.Start();
            string listening = string.Join(", ", app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []);
            output.WriteLine(Texts.Format("serve.listening", listening, hashes is null ? Texts.Get("serve.no-keys") : Texts.Format("serve.keys", hashes.Count)));
            output.Flush();
            app.WaitForShutdown();
            return Valid;
        });
        return command;
    }

    /// <summary>Whether the address is the machine's own: 127.0.0.0/8, ::1 or localhost.</summary>
    private static bool IsLoopback(Uri uri)
        => uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    /// <summary>
    /// Reads the keys file: one SHA-256 hash of a key a line, in hex (<c>printf %s "$KEY" | sha256sum</c>), blank
    /// lines and <c>#</c> comments skipped. The keys themselves are never stored.
    /// </summary>
    private static List<byte[]> ReadKeyHashes(string file)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(file);
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
                throw new CliException(Texts.Format("serve.bad-key-line", file, i + 1));
            }

            hashes.Add(Convert.FromHexString(line));
        }

        return hashes.Count > 0 ? hashes : throw new CliException(Texts.Format("serve.no-key-lines", file));
    }
}
