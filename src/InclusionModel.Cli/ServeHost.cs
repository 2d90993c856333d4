using System.Net;
using System.Security.Cryptography;
using System.Text;
using InclusionModel.Programs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.OpenApi;

namespace InclusionModel.Cli;

/// <summary>
/// What <c>inclusion serve</c> is as a host: the services and endpoints it adds around the package's (problem
/// details, the OpenAPI document, health, the keys); where it listens and how it says so (issue 22): its addresses
/// come from <c>--urls</c> alone, each one checked before the start, and what Kestrel actually bound is checked
/// again after it.
/// </summary>
internal static class ServeHost
{
    /// <summary>The largest keys file read (1 MiB): one 64-character hash a line is some 16,000 keys.</summary>
    internal const int MaxKeysFileBytes = 1 << 20;

    /// <summary>
    /// The host's services: the package's (<c>AddInclusionModel</c>), and what the host adds for all its endpoints,
    /// as any host of the package would: problem details, health checks and one OpenAPI document that describes the
    /// package's endpoints (<c>AddInclusionModel</c> on its options), has no <c>servers</c> and, with keys, names the
    /// bearer scheme. The clock is the caller's (the command registers the system clock).
    /// </summary>
    internal static void AddServices(IServiceCollection services, ProgramSet programs, long maxBodyBytes, bool keys)
    {
        services.AddInclusionModel(o =>
        {
            o.Programs = programs;
            o.MaxBodyBytes = maxBodyBytes;
            o.ShapesEveryProblem = true; // this host serves nothing else: every problem document echoes nothing of the request
        });
        services.AddProblemDetails();
        services.AddHealthChecks();
        services.AddOpenApi(o =>
        {
            o.AddInclusionModel();
            o.AddDocumentTransformer(NoServers);
            if (keys)
            {
                DescribeKeys(o);
            }
        });
    }

    /// <summary>
    /// The pipeline and the endpoints: a defect is a bare 500 problem document, every other answer without a body
    /// gets one; with keys, every request but <c>/health</c> needs one; then <c>GET /openapi/v1.json</c>, <c>GET</c>
    /// and <c>HEAD /health</c> and the package's endpoints at the root (docs/interchange-contract.md §8).
    /// </summary>
    internal static void Configure(WebApplication app, IReadOnlyCollection<byte[]>? hashes)
    {
        app.UseExceptionHandler(); // a defect is a bare 500 problem document: no exception, no stack trace
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

                // The scheme's name is case-insensitive (RFC 9110 §11.1): "bearer" is "Bearer".
                string? header = context.Request.Headers.Authorization;
                if (header is null || header.Length <= "Bearer ".Length || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
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

        // One document at one fixed address: /openapi/<anything else>.json is routing's 404, which repeats nothing of the path.
        app.MapOpenApi("/openapi/v1.json");
        app.MapMethods("/health", [HttpMethods.Get, HttpMethods.Head], (HealthCheckService health, CancellationToken cancellationToken) => Health(health, cancellationToken)) // a lambda: tagged by the app's name as the other endpoints are
            .WithSummary("200 when ready (GET or HEAD; no key needed).").Produces<string>(StatusCodes.Status200OK, "text/plain").ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapInclusionModel();
    }

    /// <summary><c>/health</c>: <c>Healthy</c>, or a 503 problem document (its words are the package's, as for every problem of this host).</summary>
    internal static async Task<Results<ContentHttpResult, ProblemHttpResult>> Health(HealthCheckService health, CancellationToken cancellationToken)
        => (await health.CheckHealthAsync(cancellationToken).ConfigureAwait(false)).Status == HealthStatus.Unhealthy
            ? TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable)
            : TypedResults.Text("Healthy", "text/plain");

    /// <summary>The document has no <c>servers</c>: the generator would copy them from the request's <c>Host</c> header, a document that repeats what the caller sent.</summary>
    internal static Task NoServers(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Servers = [];
        return Task.CompletedTask;
    }

    /// <summary>One address of <c>--urls</c>.</summary>
    /// <param name="Text">As given.</param>
    /// <param name="Host">Its host: an IP address, <c>localhost</c>, or another name (which Kestrel binds on every interface).</param>
    /// <param name="Port">Its port; 0 lets the system choose.</param>
    internal sealed record Endpoint(string Text, string Host, int Port)
    {
        /// <summary>Whether only this machine can connect: 127.0.0.0/8, ::1 or <c>localhost</c>.</summary>
        internal bool Loopback => IsLoopbackHost(Host);

        internal void Listen(KestrelServerOptions kestrel)
        {
            if (IPAddress.TryParse(Host, out var ip))
            {
                kestrel.Listen(ip, Port);
            }
            else if (string.Equals(Host, "localhost", StringComparison.OrdinalIgnoreCase))
            {
                if (Port == 0)
                {
                    kestrel.Listen(IPAddress.Loopback, 0); // a chosen port cannot be shared by 127.0.0.1 and ::1
                }
                else
                {
                    kestrel.ListenLocalhost(Port);
                }
            }
            else
            {
                kestrel.ListenAnyIP(Port); // what Kestrel does for any other name; allowed only with keys
            }
        }
    }

    /// <summary>
    /// The addresses of <c>--urls</c>, separated by <c>;</c>: each <c>http://host:port</c> with no user, path,
    /// query or fragment. https is refused: serve reads no configuration, so it has no certificate.
    /// </summary>
    /// <exception cref="CliException">An address is not of that form.</exception>
    internal static List<Endpoint> ParseUrls(string urls)
    {
        var endpoints = new List<Endpoint>();
        foreach (string text in urls.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                throw new CliException(Texts.Format("serve.bad-url", Privacy.PersonalIdentityNumbers.SafeToQuote(text)));
            }

            if (text.IndexOfAny(['#', '?', '@', '\\']) >= 0 || uri.AbsolutePath != "/" || uri.UserInfo.Length > 0)
            {
                throw new CliException(Texts.Format("serve.urls-list", Privacy.PersonalIdentityNumbers.SafeToQuote(text)));
            }

            if (uri.Scheme == "https")
            {
                throw new CliException(Texts.Format("serve.https", Privacy.PersonalIdentityNumbers.SafeToQuote(text)));
            }

            endpoints.Add(new Endpoint(text, uri.Host.Trim('[', ']'), uri.Port));
        }

        return endpoints.Count > 0 ? endpoints : throw new CliException(Texts.Format("serve.bad-url", Privacy.PersonalIdentityNumbers.SafeToQuote(urls)));
    }

    /// <summary>The first address Kestrel reports that is not loopback (<c>http://[::]:5080</c>, <c>http://0.0.0.0:5080</c>, a name), or <c>null</c>.</summary>
    internal static string? FirstBeyondLoopback(IEnumerable<string> bound)
        => bound.FirstOrDefault(address => !(Uri.TryCreate(address, UriKind.Absolute, out var uri) && IsLoopbackHost(uri.Host.Trim('[', ']'))));

    /// <summary>With keys, the OpenAPI document names the bearer scheme, and every operation but /health its 401 and 403.</summary>
    internal static void DescribeKeys(OpenApiOptions options) => options.AddDocumentTransformer((document, _, _) =>
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "Authorization: Bearer <key>, a key whose SHA-256 hash is in the service's --api-keys file.",
        };
        var requirement = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] };
        foreach (var (path, item) in document.Paths)
        {
            if (path == "/health" || item.Operations is null)
            {
                continue;
            }

            foreach (var operation in item.Operations.Values)
            {
                operation.Security = [requirement];
                operation.Responses ??= [];
                operation.Responses["401"] = new OpenApiResponse { Description = "No Authorization: Bearer <key> (a problem document)." };
                operation.Responses["403"] = new OpenApiResponse { Description = "A key that is not one of the service's (a problem document)." };
            }
        }

        return Task.CompletedTask;
    });

    private static bool IsLoopbackHost(string host)
        => string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
}
