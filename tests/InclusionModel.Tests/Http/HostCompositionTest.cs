using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace InclusionModel.Tests.Http;

/// <summary>
/// <c>AddInclusionModel</c> and <c>MapInclusionModel</c> add the package's own services and endpoints and nothing of
/// the host's (issue 23): the OpenAPI document, health checks and problem details stay the host's to add.
/// </summary>
public sealed class HostCompositionTest
{
    private static async Task<(WebApplication App, HttpClient Client)> StartAsync(Action<WebApplicationBuilder> services, Action<WebApplication> endpoints)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        services(builder);
        var app = builder.Build();
        endpoints(app);
        await app.StartAsync();
        return (app, app.GetTestClient());
    }

    [Fact]
    public async Task AHostThatAddsNothing_GetsNoOpenApiDocument_NoHealthChecks_NoProblemDetailsService()
    {
        var (app, client) = await StartAsync(b => b.Services.AddInclusionModel(), a => a.MapInclusionModel("/inclusion"));
        await using var running = app;
        using var calling = client;

        Assert.Null(app.Services.GetService<HealthCheckService>());
        Assert.Null(app.Services.GetService<IProblemDetailsService>());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/inclusion/openapi/v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/inclusion/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/inclusion/programs")).StatusCode);
    }

    [Fact]
    public void AddInclusionModel_RegistersNothingOfOpenApi_HealthChecks_OrProblemDetails()
    {
        var services = new ServiceCollection().AddInclusionModel();
        var hosts = new[] { typeof(Microsoft.AspNetCore.OpenApi.OpenApiOptions).Assembly, typeof(HealthCheckService).Assembly, typeof(Microsoft.AspNetCore.Http.ProblemDetailsOptions).Assembly };

        // Of these assemblies only one thing may appear: the package's part of the host's problem details (its options, not their service).
        var theirs = services.Where(d => d.ServiceType != typeof(IConfigureOptions<ProblemDetailsOptions>)
            && new[] { d.ServiceType }.Concat(d.ServiceType.GenericTypeArguments).Concat(d.ImplementationType is { } t ? [t] : []).Any(t => hosts.Contains(t.Assembly)));
        Assert.Empty(theirs.Select(d => d.ServiceType.FullName));
    }

    [Fact]
    public async Task MapInclusionModel_MapsTheEightEndpointsOnly()
    {
        var (app, client) = await StartAsync(b => b.Services.AddInclusionModel(), a => a.MapInclusionModel("/inclusion"));
        await using var running = app;
        using var calling = client;

        var patterns = app.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>().Select(e => e.RoutePattern.RawText).Order(StringComparer.Ordinal);
        Assert.Equal(
            ["/inclusion/compare", "/inclusion/eligibility", "/inclusion/programs", "/inclusion/programs/check", "/inclusion/programs/{id}", "/inclusion/reports/{id}", "/inclusion/transitions/check", "/inclusion/validate"],
            patterns);
    }

    [Fact]
    public async Task TheHostsOwnHealthAndOpenApi_AtTheRoot_BesideTheEndpointsAtTheRoot_AnswerOnce()
    {
        // The host registers a check of its own and maps health and its document where the endpoints are too: one
        // endpoint each (before, the package's own /health and /openapi/v1.json made the match ambiguous, a 500).
        var (app, client) = await StartAsync(
            b =>
            {
                b.Services.AddHealthChecks().AddCheck("database", () => HealthCheckResult.Healthy());
                b.Services.AddOpenApi(o => o.AddInclusionModel());
                b.Services.AddInclusionModel();
            },
            a =>
            {
                a.MapHealthChecks("/health");
                a.MapOpenApi();
                a.MapInclusionModel();
            });
        await using var running = app;
        using var calling = client;

        Assert.Equal("database", Assert.Single(app.Services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations).Name);
        var health = await client.GetAsync("/health");
        Assert.Equal((HttpStatusCode.OK, "Healthy"), (health.StatusCode, await health.Content.ReadAsStringAsync()));
        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        Assert.True(document.GetProperty("paths").TryGetProperty("/validate", out _));
    }

    [Fact]
    public async Task TheOpenApiDescription_TouchesThePackagesOperations_NotTheHosts()
    {
        // The host's own endpoint has an asOf of its own: the package's description of dates is not its business.
        var (app, client) = await StartAsync(
            b =>
            {
                b.Services.AddOpenApi(o => o.AddInclusionModel());
                b.Services.AddInclusionModel();
            },
            a =>
            {
                a.MapOpenApi();
                a.MapGet("/mine", (string? asOf) => asOf ?? "");
                a.MapInclusionModel("/inclusion");
            });
        await using var running = app;
        using var calling = client;

        var paths = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement.GetProperty("paths");
        var mine = paths.GetProperty("/mine").GetProperty("get").GetProperty("parameters").EnumerateArray().Single();
        var theirs = paths.GetProperty("/inclusion/validate").GetProperty("post").GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "asOf");

        Assert.False(mine.GetProperty("schema").TryGetProperty("format", out _));
        Assert.Equal("date", theirs.GetProperty("schema").GetProperty("format").GetString());
    }

    [Fact]
    public void AddInclusionModel_Twice_ShapesTheHostsProblemsOnce()
    {
        var services = new ServiceCollection().AddInclusionModel().AddInclusionModel();

        Assert.Single(services, d => d.ServiceType == typeof(IConfigureOptions<ProblemDetailsOptions>));
    }

    [Fact]
    public async Task ARequestBody_IsReadAsynchronouslyOnly_EvenWhereTheHostAllowsSynchronousIO()
    {
        // A synchronous read would hold a thread until the client sends: the wrappers refuse it.
        using var limited = new InclusionModel.AspNetCore.LimitedStream(new MemoryStream(new byte[4]), 10);
        using var paced = new InclusionModel.AspNetCore.PacedStream(new MemoryStream(new byte[4]), 1, TimeSpan.FromSeconds(1));

        Assert.Throws<NotSupportedException>(() => limited.Read(new byte[4], 0, 4));
        Assert.Throws<NotSupportedException>(() => paced.Read(new byte[4].AsSpan()));
        Assert.Equal(4, await limited.ReadAsync(new byte[4]));
        Assert.Equal(4, await paced.ReadAsync(new byte[4]));
    }
}
