using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using InclusionModel.Tests.Cli;
using InclusionModel.Tests.Docs;
using InclusionModel.Tests.Workbooks;
using InclusionModel.Workbooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace InclusionModel.Tests.Http;

/// <summary><c>POST /reports/{id}</c> and <c>POST /compare</c> answer the workbook of <c>--format xlsx</c> to an <c>Accept</c> that prefers it (issue 24); JSON stays the default.</summary>
public sealed class HttpWorkbookTest : IAsyncLifetime
{
    private const string Xlsx = WorkbookWriter.MediaType;
    private static readonly string AllIn = EmbeddingSampleTest.RepositoryFile("samples/all-in.ndjson");
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddInclusionModel(o => o.MaxBodyBytes = 1 << 20);
        builder.Services.AddOpenApi(o => o.AddInclusionModel()); // the host's document, describing these endpoints
        _app = builder.Build();
        _app.MapOpenApi();
        _app.MapInclusionModel("/inclusion");
        await _app.StartAsync();
        _client = _app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    private async Task<HttpResponseMessage> Report(string? accept, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/inclusion/reports/hallefors-all-in?month=2019-06")
        {
            Content = new StringContent(File.ReadAllText(AllIn), Encoding.UTF8, "application/x-ndjson"),
        };
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        if (language is not null)
        {
            request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        }

        return await _client.SendAsync(request);
    }

    [Fact]
    public async Task Report_AcceptingTheWorkbook_IsTheCommandsWorkbook_InTheRequestsLanguage()
    {
        var response = await Report(Xlsx, "sv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Xlsx, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["sv"], response.Content.Headers.ContentLanguage);
        Assert.Contains("Accept", response.Headers.Vary);
        var command = CliRun.RunBinary(["report", AllIn, "--program", "hallefors-all-in", "--month", "2019-06", "--format", "xlsx", "--language", "sv"]);
        Assert.Equal(command.Output, await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData(null, "application/json")]
    [InlineData("application/json", "application/json")]
    [InlineData("*/*", "application/json")]
    [InlineData("text/html", "application/json")] // nothing it can answer: the default, as before
    [InlineData(Xlsx, Xlsx)]
    [InlineData("application/json, " + Xlsx + ";q=0.5", "application/json")]
    [InlineData("application/json;q=0.5, " + Xlsx, Xlsx)]
    [InlineData(Xlsx + ", application/json", "application/json")] // a tie is JSON
    [InlineData(Xlsx + ";q=0", "application/json")]
    [InlineData(Xlsx + ", */*;q=0.1", Xlsx)]
    [InlineData("application/*;q=0.2, " + Xlsx + ";q=0.3", Xlsx)]
    public async Task Report_ContentNegotiation_WeighsTheQualities(string? accept, string expected)
    {
        var response = await Report(accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Compare_AcceptingTheWorkbook_HasASheetPerTable_InEnglishByDefault()
    {
        var content = new MultipartFormDataContent
        {
            { new StringContent(File.ReadAllText(EmbeddingSampleTest.RepositoryFile("samples/histories.ndjson"))), "file", "file" },
            { new StringContent(File.ReadAllText(EmbeddingSampleTest.RepositoryFile("samples/programs/romane-bucha-employment-14.json"))), "candidate", "candidate" },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/inclusion/compare?asOf=2015-06-01") { Content = content };
        request.Headers.Accept.ParseAdd(Xlsx);

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((Xlsx, "en"), (response.Content.Headers.ContentType?.MediaType, response.Content.Headers.ContentLanguage.Single()));
        var sheets = WorkbookCells.Read(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Summary", "Changes", "Figures"], sheets.Select(s => s.Name));
        Assert.StartsWith("NOTE: this output holds sensitive personal data", sheets[0].Cells["A1"].Text, StringComparison.Ordinal); // Romane Bucha: a national minority
    }

    [Fact]
    public async Task OpenApi_ShowsTheWorkbook_AsASecondMediaType_OfBinaryContent()
    {
        var paths = JsonDocument.Parse(await _client.GetStringAsync("/openapi/v1.json")).RootElement.GetProperty("paths");

        foreach (string path in new[] { "/inclusion/reports/{id}", "/inclusion/compare" })
        {
            var content = paths.GetProperty(path).GetProperty("post").GetProperty("responses").GetProperty("200").GetProperty("content");
            Assert.True(content.TryGetProperty("application/json", out _), path);
            var workbook = content.GetProperty(Xlsx).GetProperty("schema");
            Assert.Equal(("string", "binary"), (workbook.GetProperty("type").GetString(), workbook.GetProperty("format").GetString()));
        }
    }
}
