using System.Net;
using System.Text.Json;
using InclusionModel.Cli;
using InclusionModel.Programs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace InclusionModel.Tests.Http;

/// <summary>
/// <c>inclusion serve</c> as a host, in memory: the services and pipeline of <see cref="ServeHost"/> that the command
/// runs on Kestrel. What the package leaves to its host (the OpenAPI document, <c>/health</c>, problem details) is
/// added here, and answers as docs/interchange-contract.md §8 says.
/// </summary>
public sealed class ServeHostTest : IAsyncLifetime
{
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton<NodaTime.IClock>(new NodaTime.Testing.FakeClock(NodaTime.Instant.FromUtc(2015, 6, 1, 12, 0)));
        ServeHost.AddServices(builder.Services, ProgramCatalogue.BuiltIn, 1 << 20, keys: false);
        _app = builder.Build();
        ServeHost.Configure(_app, hashes: null);
        await _app.StartAsync();
        _client = _app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Health_AnswersGetAndHeadOnly()
    {
        var get = await _client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal("Healthy", await get.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/health"))).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await _client.PostAsync("/health", new StringContent(""))).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await _client.SendAsync(new HttpRequestMessage(HttpMethod.Trace, "/health"))).StatusCode);
    }

    [Fact]
    public async Task TheOpenApiDocument_NamesEveryEndpoint_HealthToo_EachWithA200Body()
    {
        var document = JsonDocument.Parse(await _client.GetStringAsync("/openapi/v1.json")).RootElement;
        var paths = document.GetProperty("paths");

        Assert.StartsWith("3.1", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Equal(
            ["/compare", "/eligibility", "/health", "/programs", "/programs/check", "/programs/{id}", "/reports/{id}", "/transitions/check", "/validate"],
            paths.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["get", "head"], paths.GetProperty("/health").EnumerateObject().Select(o => o.Name).Order(StringComparer.Ordinal));
        Assert.Equal("string", paths.GetProperty("/health").GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("text/plain").GetProperty("schema").GetProperty("type").GetString());

        // The package's description is in the host's document: its dates.
        var asOf = paths.GetProperty("/validate").GetProperty("post").GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "asOf");
        Assert.Equal("date", asOf.GetProperty("schema").GetProperty("format").GetString());
    }

    [Fact]
    public async Task OpenApi_AnotherDocumentName_Is404_WithoutThePath()
    {
        var response = await _client.GetAsync("/openapi/19811218-9876.json");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("19811218", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_Servers_AreNotTakenFromTheHostHeader()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        request.Headers.Host = "evil.example";
        string document = await (await _client.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Contains("\"paths\"", document, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", document, StringComparison.Ordinal);
        Assert.DoesNotContain("\"servers\"", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RoutingsOwn405_IsAProblemDocument_InTheLanguageAsked()
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, "/programs");
        request.Headers.AcceptLanguage.ParseAdd("sv");
        var response = await _client.SendAsync(request);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Metoden är inte tillåten", problem.GetProperty("title").GetString());
    }
}
