using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using InclusionModel.AspNetCore;
using InclusionModel.Programs;
using InclusionModel.Runs;
using InclusionModel.Tests.Cli;
using InclusionModel.Tests.Docs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace InclusionModel.Tests.Http;

/// <summary>The endpoints of docs/interchange-contract.md §8 in an app of their own, in memory: each body is what the matching command prints.</summary>
public sealed class HttpEndpointsTest : IAsyncLifetime
{
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    private static string Sample(string name) => File.ReadAllText(EmbeddingSampleTest.RepositoryFile($"samples/{name}"));

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton<NodaTime.IClock>(new NodaTime.Testing.FakeClock(NodaTime.Instant.FromUtc(2015, 6, 1, 12, 0)));
        builder.Services.AddInclusionModel(o =>
        {
            o.MaxBodyBytes = 1 << 20;
            o.MaxTransitionCheckBytes = 64 << 10;
            o.MaxLineBytes = 64 << 10;
        });

        // What a host adds itself, for all its endpoints: problem details, and its OpenAPI document describing these.
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi(o => o.AddInclusionModel());
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

    private static StringContent Ndjson(string text) => new(text, Encoding.UTF8, "application/x-ndjson");

    private static string Command(params string[] args) => CliRun.Run(args).Output;

    private static string CommandWithInput(string stdin, params string[] args) => CliRun.Run(args, stdin: stdin).Output;

    [Fact]
    public async Task Programs_AreWhatTheCommandLists()
    {
        Assert.Equal(Command("programs", "--format", "json"), await _client.GetStringAsync("/inclusion/programs"));
        Assert.Equal(Command("programs", "show", "hallefors-all-in", "--format", "json"), await _client.GetStringAsync("/inclusion/programs/hallefors-all-in"));
    }

    [Fact]
    public async Task AnUnknownProgram_IsAProblemDocument_404()
    {
        var response = await _client.GetAsync("/inclusion/programs/stockholm-nowhere");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Contains("no program 'stockholm-nowhere'", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Check_IsWhatTheCommandSays()
    {
        string broken = Sample("programs/orebro-steget-broken.json");
        var response = await _client.PostAsync("/inclusion/programs/check", new StringContent(broken, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(CommandWithInput(broken, "programs", "check", "-", "--format", "json").TrimEnd('\n'), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Validate_IsWhatTheCommandPrints()
    {
        string histories = Sample("histories.ndjson");
        var response = await _client.PostAsync("/inclusion/validate?asOf=2015-06-01", Ndjson(histories));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(CommandWithInput(histories, "validate", "-", "--as-of", "2015-06-01", "--format", "json"), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Eligibility_AndReports_AreWhatTheCommandsPrint()
    {
        string people = Sample("people.ndjson");
        string allIn = Sample("all-in.ndjson");

        Assert.Equal(CommandWithInput(people, "eligibility", "-", "--format", "json"), await (await _client.PostAsync("/inclusion/eligibility", Ndjson(people))).Content.ReadAsStringAsync());
        var month = await _client.PostAsync("/inclusion/reports/hallefors-all-in?month=2019-06", Ndjson(allIn));
        Assert.True(month.IsSuccessStatusCode, await month.Content.ReadAsStringAsync());
        Assert.Equal(
            CommandWithInput(allIn, "report", "-", "--program", "hallefors-all-in", "--month", "2019-06", "--format", "json"),
            await month.Content.ReadAsStringAsync());
        Assert.Equal(
            CommandWithInput(allIn, "report", "-", "--program", "hallefors-all-in", "--final", "--publication", "--format", "json"),
            await (await _client.PostAsync("/inclusion/reports/hallefors-all-in?final=true&publication=true", Ndjson(allIn))).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GeneratedRuns_AreAnsweredAsTheCommandPrintsThem()
    {
        // A fixed sample of generated histories of every program, some broken, some cut short: 30 runs.
        var random = new Random(16);
        for (int run = 0; run < 30; run++)
        {
            var lines = new StringBuilder();
            foreach (var program in ProgramCatalogue.BuiltIn.All)
            {
                foreach (var generated in InclusionModel.Testing.HistoryGenerators.Sample(program, random.Next(0, 4), seed: random.Next()))
                {
                    string line = InclusionModel.Histories.HistoryWriter.ToLine(generated.History);
                    lines.Append(random.Next(10) == 0 ? line[..(line.Length / 2)] : line).Append('\n');
                }
            }

            string body = lines.ToString();
            var response = await _client.PostAsync("/inclusion/validate?asOf=2021-06-30", Ndjson(body));
            Assert.Equal(CommandWithInput(body, "validate", "-", "--as-of", "2021-06-30", "--format", "json"), await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task TheMeter_FromTheHostsMeterFactory_CountsRecordsAndViolationsByRule()
    {
        // Collectors on this app's IMeterFactory see this app's meter only: a static meter would not reach them.
        var meters = _app.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        using var records = new Microsoft.Extensions.Diagnostics.Metrics.Testing.MetricCollector<long>(meters, InclusionModelEndpointRouteBuilderExtensions.MeterName, "inclusionmodel.records");
        using var violations = new Microsoft.Extensions.Diagnostics.Metrics.Testing.MetricCollector<long>(meters, InclusionModelEndpointRouteBuilderExtensions.MeterName, "inclusionmodel.violations");

        // Two lines: a record whose exit support starts straight after enrolment (phase-order, as the transition check
        // below says of this event), and a line that is not JSON. Both are read: two records.
        string body = """{"participant":"p-1","program":"eskilstuna-romane-bucha","events":[{"on":"2013-01-02","type":"referred"},{"on":"2013-01-10","type":"assessed","eligible":true},{"on":"2013-01-15","type":"enrolled"},{"on":"2013-01-20","type":"phase-started","phase":"exit-support"}]}""" + "\n{not json\n";
        var response = await _client.PostAsync("/inclusion/validate?asOf=2013-02-01", Ndjson(body));
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        int written = document.GetProperty("participants").EnumerateArray().Sum(p => p.GetProperty("violations").GetArrayLength());

        Assert.Equal(2, records.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.Equal("validate", Assert.Single(records.GetMeasurementSnapshot()).Tags["endpoint"]);
        Assert.Equal(1, violations.GetMeasurementSnapshot().Where(m => Equals(m.Tags["rule"], "phase-order")).Sum(m => m.Value));
        Assert.Equal(written, violations.GetMeasurementSnapshot().Sum(m => m.Value));
    }

    [Fact]
    public async Task Validate_WithoutAsOf_InAHostThatRegistersNoClock_IsA400ProblemDocument()
    {
        // The library never reads the machine's clock: without a date and without the host's IClock there is no "today".
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddInclusionModel();
        await using var app = builder.Build();
        app.MapInclusionModel("/inclusion");
        await app.StartAsync();
        using var client = app.GetTestClient();

        var response = await client.PostAsync("/inclusion/validate", Ndjson(Sample("histories.ndjson")));
        var dated = await client.PostAsync("/inclusion/validate?asOf=2021-06-30", Ndjson(Sample("histories.ndjson")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("asOf is required", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, dated.StatusCode);
    }

    [Fact]
    public async Task Validate_WithoutAsOf_IsAsOfTodayByTheRegisteredClock()
    {
        string histories = Sample("histories.ndjson");
        var response = await _client.PostAsync("/inclusion/validate", Ndjson(histories));

        Assert.Equal(CommandWithInput(histories, "validate", "-", "--as-of", "2015-06-01", "--format", "json"), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Validate_WithoutAsOf_IsTodayInUtc_ByTheInjectedClock_AtEachRequest()
    {
        // 23:30 UTC on 1 June 2015 is still 1 June in UTC (in Stockholm it is 2 June); an hour later it is 2 June.
        var clock = new NodaTime.Testing.FakeClock(NodaTime.Instant.FromUtc(2015, 6, 1, 23, 30));
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton<NodaTime.IClock>(clock);
        builder.Services.AddInclusionModel();
        await using var app = builder.Build();
        app.MapInclusionModel();
        await app.StartAsync();
        using var client = app.GetTestClient();

        string first = await (await client.PostAsync("/validate", Ndjson(""))).Content.ReadAsStringAsync();
        clock.AdvanceHours(1);
        string second = await (await client.PostAsync("/validate", Ndjson(""))).Content.ReadAsStringAsync();

        Assert.Equal("2015-06-01", JsonDocument.Parse(first).RootElement.GetProperty("asOf").GetString());
        Assert.Equal("2015-06-02", JsonDocument.Parse(second).RootElement.GetProperty("asOf").GetString());
    }

    [Fact]
    public async Task MalformedLines_AreReportedInTheDocument_NotAnError()
    {
        var response = await _client.PostAsync("/inclusion/validate?asOf=2021-01-01", Ndjson("{not json\nnor this\n"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(2, document.GetProperty("summary").GetProperty("malformed").GetInt32());
    }

    [Theory]
    [InlineData("/inclusion/validate", "text/csv")]
    [InlineData("/inclusion/validate", "application/json")]
    [InlineData("/inclusion/eligibility", "text/plain")]
    [InlineData("/inclusion/programs/check", "application/x-ndjson")]
    public async Task AnotherContentType_Is415(string path, string type)
    {
        var response = await _client.PostAsync(path, new StringContent("{}", Encoding.UTF8, type));

        // Routing answers it from the endpoint's Accepts metadata, before the handler (a host's UseStatusCodePages gives it a problem body).
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task ABodyOverTheLimit_Is413()
    {
        string big = string.Concat(Enumerable.Repeat(Sample("histories.ndjson"), 500)); // over the 1 MiB of this app
        var response = await _client.PostAsync("/inclusion/validate?asOf=2015-06-01", Ndjson(big));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/inclusion/validate?asOf=2015-13-01")]
    [InlineData("/inclusion/reports/hallefors-all-in")]
    [InlineData("/inclusion/reports/hallefors-all-in?month=2019-06&final=true")]
    [InlineData("/inclusion/reports/hallefors-all-in?month=0000-01")] // the calendar has no year 0000: the command's reading
    [InlineData("/inclusion/reports/hallefors-all-in?halfYear=0000-H2")]
    [InlineData("/inclusion/reports/hallefors-all-in?month=2019-6")]
    public async Task AQueryThatCannotBeRead_Is400(string path)
    {
        var response = await _client.PostAsync(path, Ndjson(""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Compare_IsWhatTheCommandPrints_ForHistoriesAndPeople()
    {
        string histories = Sample("histories.ndjson");
        string candidate = Sample("programs/romane-bucha-employment-14.json");
        string people = Sample("people.ndjson");
        string allIn = Sample("programs/all-in-under-26.json");

        var response = await _client.PostAsync("/inclusion/compare?asOf=2015-06-01", Parts(("file", histories), ("candidate", candidate)));
        var decisions = await _client.PostAsync("/inclusion/compare?people=true", Parts(("file", people), ("candidate", allIn)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            CliRun.Run(["compare", "-", "--candidate", EmbeddingSampleTest.RepositoryFile("samples/programs/romane-bucha-employment-14.json"), "--as-of", "2015-06-01", "--format", "json"], stdin: histories).Output,
            await response.Content.ReadAsStringAsync());
        Assert.Equal(
            CliRun.Run(["compare", "-", "--people", "--candidate", EmbeddingSampleTest.RepositoryFile("samples/programs/all-in-under-26.json"), "--format", "json"], stdin: people).Output,
            await decisions.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Compare_OfAFileWithNoRecordOfTheProgram_Is200_WithTheCommandsDocument_OfProgramZero()
    {
        // Two lines of All in and one malformed line: nothing of Romane Bucha to compare (docs/contract.md, §8).
        string file = "{\"participant\":\"a-1\",\"program\":\"hallefors-all-in\",\"events\":[]}\nnot json\n{\"participant\":\"a-2\",\"program\":\"hallefors-all-in\",\"events\":[]}\n";
        var response = await _client.PostAsync("/inclusion/compare?asOf=2015-06-01", Parts(("file", file), ("candidate", Sample("programs/romane-bucha-employment-14.json"))));
        var summary = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("summary");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((3, 0, 0), (summary.GetProperty("read").GetInt32(), summary.GetProperty("ofProgram").GetInt32(), summary.GetProperty("changed").GetInt32()));
        Assert.Equal(
            CliRun.Run(["compare", "-", "--candidate", EmbeddingSampleTest.RepositoryFile("samples/programs/romane-bucha-employment-14.json"), "--as-of", "2015-06-01", "--format", "json"], stdin: file).Output,
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Compare_WithoutACandidate_Is400()
    {
        var response = await _client.PostAsync("/inclusion/compare", Parts(("file", Sample("histories.ndjson"))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'candidate'", await response.Content.ReadAsStringAsync());
    }

    private static MultipartFormDataContent Parts(params (string Name, string Text)[] parts)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, text) in parts)
        {
            content.Add(new StringContent(text, Encoding.UTF8), name, name);
        }

        return content;
    }

    [Fact]
    public async Task TransitionsCheck_SaysWhetherTheEventMayBeAppendedNow()
    {
        string record = """{"participant":"p-1","program":"eskilstuna-romane-bucha","events":[{"on":"2013-01-02","type":"referred"},{"on":"2013-01-10","type":"assessed","eligible":true},{"on":"2013-01-15","type":"enrolled"}]}""";
        var allowed = await Check(record, """{"on":"2013-01-20","type":"phase-started","phase":"preparation"}""");
        var refused = await Check(record, """{"on":"2013-01-20","type":"phase-started","phase":"exit-support"}""");

        Assert.True(allowed.GetProperty("allowed").GetBoolean());
        Assert.Equal(("enrolled", "preparation"), (allowed.GetProperty("stateBefore").GetString(), allowed.GetProperty("stateAfter").GetString()));
        Assert.Empty(allowed.GetProperty("violations").EnumerateArray());
        Assert.False(refused.GetProperty("allowed").GetBoolean());
        Assert.Equal("phase-order", Assert.Single(refused.GetProperty("violations").EnumerateArray().ToArray()).GetProperty("rule").GetString());
    }

    private async Task<JsonElement> Check(string record, string added)
    {
        var response = await _client.PostAsync("/inclusion/transitions/check?asOf=2013-02-01", new StringContent($$"""{"record":{{record}},"event":{{added}}}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task TheHostsOpenApiDocument_NamesEveryEndpoint()
    {
        var openApi = JsonDocument.Parse(await _client.GetStringAsync("/openapi/v1.json")).RootElement;

        Assert.StartsWith("3.1", openApi.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = openApi.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToArray();
        foreach (string path in new[] { "/inclusion/programs", "/inclusion/programs/{id}", "/inclusion/programs/check", "/inclusion/validate", "/inclusion/eligibility", "/inclusion/reports/{id}", "/inclusion/compare", "/inclusion/transitions/check" })
        {
            Assert.Contains(path, paths);
        }

        // Every POST names its body, and every endpoint its statuses.
        foreach (var path in openApi.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                Assert.True(operation.Value.GetProperty("responses").TryGetProperty("200", out _), $"{operation.Name} {path.Name} names no 200");
                if (operation.Name == "post")
                {
                    Assert.True(operation.Value.TryGetProperty("requestBody", out _), $"POST {path.Name} names no body");
                }
            }
        }

        Assert.Contains("415", openApi.GetProperty("paths").GetProperty("/inclusion/validate").GetProperty("post").GetProperty("responses").EnumerateObject().Select(r => r.Name));
    }

    [Fact]
    public async Task TheOpenApiDocument_ReadsEveryAnswer_FromTheHandlersTypedResults()
    {
        // Each handler's Results<…> names its answers; the document has each, and no other.
        var paths = JsonDocument.Parse(await _client.GetStringAsync("/openapi/v1.json")).RootElement.GetProperty("paths");
        string[] post = ["408", "413", "415", "503"]; // every body: the gate (408, 503), the limit (413), the content type (415)
        var expected = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["get /inclusion/programs"] = ["200"],
            ["get /inclusion/programs/{id}"] = ["200", "404"],
            ["post /inclusion/programs/check"] = ["200", .. post],
            ["post /inclusion/validate"] = ["200", "400", .. post],
            ["post /inclusion/eligibility"] = ["200", .. post],
            ["post /inclusion/reports/{id}"] = ["200", "400", "404", .. post],
            ["post /inclusion/compare"] = ["200", "400", "404", .. post],
            ["post /inclusion/transitions/check"] = ["200", "400", "404", .. post],
        };

        var seen = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var path in paths.EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var responses = operation.Value.GetProperty("responses").EnumerateObject().ToArray();
                seen[$"{operation.Name} {path.Name}"] = responses.Select(r => r.Name).Order(StringComparer.Ordinal).ToArray();
                foreach (var problem in responses.Where(r => r.Name != "200"))
                {
                    Assert.Equal(["application/problem+json"], problem.Value.GetProperty("content").EnumerateObject().Select(c => c.Name));
                }
            }
        }

        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => (e.Key, string.Join(",", e.Value.Order(StringComparer.Ordinal)))),
            seen.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => (e.Key, string.Join(",", e.Value))));
        foreach (string twoKinds in new[] { "/inclusion/reports/{id}", "/inclusion/compare" })
        {
            Assert.Equal(
                ["application/json", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
                paths.GetProperty(twoKinds).GetProperty("post").GetProperty("responses").GetProperty("200").GetProperty("content").EnumerateObject().Select(c => c.Name));
        }

        Assert.Equal(["allowed", "stateAfter", "stateBefore", "violations"],
            JsonDocument.Parse(await _client.GetStringAsync("/openapi/v1.json")).RootElement.GetProperty("components").GetProperty("schemas").GetProperty("TransitionCheckAnswer").GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task OptionsThatAllowNothing_StopTheHostAtStart_NamingEveryWrongOption()
    {
        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => StartAsync(o =>
        {
            o.MaxConcurrentUploads = 0;
            o.MaxLineBytes = 0;
            o.DefaultLanguage = "de";
        }));

        Assert.Contains("MaxConcurrentUploads must be at least 1, was 0.", error.Failures);
        Assert.Contains("MaxLineBytes must be above zero, was 0.", error.Failures);
        Assert.Contains("DefaultLanguage must be \"en\" or \"sv\", was \"de\".", error.Failures);
        Assert.Equal(3, error.Failures.Count());
    }

    private static async Task<(WebApplication App, HttpClient Client)> StartAsync(Action<InclusionModelHttpOptions> configure)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddInclusionModel(configure);
        builder.Services.AddProblemDetails(); // the host's: UseStatusCodePages writes routing's answers as problem documents
        var app = builder.Build();
        app.UseStatusCodePages();
        app.MapInclusionModel("/inclusion");
        await app.StartAsync();
        return (app, app.GetTestClient());
    }

    /// <summary>A body that sends some bytes, then nothing until it is released.</summary>
    private sealed class StalledContent : HttpContent
    {
        private readonly int _bytes;
        private readonly Task _release;

        public StalledContent(int bytes, Task release)
        {
            (_bytes, _release) = (bytes, release);
            Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(new string('\n', _bytes)));
            await stream.FlushAsync();
            await _release;
        }

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }

    private static async Task<JsonElement> ProblemOf(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task OpenApi_DescribesEvery200Body_TheCompareParts_AndDates()
    {
        var document = JsonDocument.Parse(await _client.GetStringAsync("/openapi/v1.json")).RootElement;
        var paths = document.GetProperty("paths");

        foreach (var path in paths.EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var ok = operation.Value.GetProperty("responses").GetProperty("200");
                Assert.True(ok.TryGetProperty("content", out var content) && content.EnumerateObject().All(c => c.Value.TryGetProperty("schema", out _)), $"{operation.Name} {path.Name}: its 200 body has no schema");
            }
        }

        string parts = paths.GetProperty("/inclusion/compare").GetProperty("post").GetProperty("requestBody").GetProperty("content").GetProperty("multipart/form-data").GetProperty("schema").GetProperty("$ref").GetString()!;
        var properties = document.GetProperty("components").GetProperty("schemas").GetProperty(parts.Split('/')[^1]).GetProperty("properties");
        Assert.Equal(["baseline", "candidate", "file"], properties.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));

        var asOf = paths.GetProperty("/inclusion/validate").GetProperty("post").GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "asOf");
        Assert.Equal("date", asOf.GetProperty("schema").GetProperty("format").GetString());
    }

    [Theory]
    [InlineData("hallefors-all-in", "", "Vilken period?", "ange en period: month=ÅÅÅÅ-MM, from=ÅÅÅÅ-MM-DD&to=ÅÅÅÅ-MM-DD, halfYear=ÅÅÅÅ-H1 eller final=true")]
    [InlineData("hallefors-all-in", "month=2019-6", "Perioden kan inte läsas", "month måste vara en månad ÅÅÅÅ-MM (01–12)")]
    [InlineData("hallefors-all-in", "halfYear=2019-H", "Perioden kan inte läsas", "halfYear måste vara ÅÅÅÅ-H1 eller ÅÅÅÅ-H2")]
    // Reader round 3, finding 4: the right form but not in the calendar says so, naming only what the service has read
    [InlineData("hallefors-all-in", "month=2019-13", "Perioden kan inte läsas", "month finns inte i kalendern: ett år har tolv månader, 01–12")]
    [InlineData("hallefors-all-in", "halfYear=2019-H3", "Perioden kan inte läsas", "halfYear finns inte i kalendern: ett år har två halvår, H1 och H2")]
    [InlineData("hallefors-all-in", "from=2019-06-31&to=2019-07-31", "Perioden kan inte läsas", "from finns inte i kalendern: juni 2019 har 30 dagar")]
    [InlineData("hallefors-all-in", "from=2019-06-01&to=2021-02-29", "Perioden kan inte läsas", "to finns inte i kalendern: februari 2021 har 28 dagar")]
    [InlineData("hallefors-all-in", "month=2019-06&final=true", "Mer än en period", "ange bara en period: month, from och to, halfYear eller final")]
    [InlineData("hallefors-all-in", "month=2019-06&halfYear=2019-H1", "Mer än en period", "ange bara en period: month, from och to, halfYear eller final")]
    [InlineData("hallefors-all-in", "from=2019-06-30&to=2019-06-01", "Perioden kan inte läsas", "perioden slutar (2019-06-01) innan den börjar (2019-06-30)")]
    [InlineData("hallefors-all-in", "from=2019-06-30", "Perioden kan inte läsas", "from måste anges tillsammans med to")]
    [InlineData("hallefors-all-in", "from=2019-6-30&to=<b>", "Perioden kan inte läsas", "from och to måste vara datum ÅÅÅÅ-MM-DD")]
    [InlineData("eskilstuna-romane-bucha", "final=true", "Projektperioden är ofullständig", "projektet anger inte när det startade, så slutrapporten kan inte avgränsas; ange perioden med from och to")]
    public async Task AReportsPeriod_ThatIsWrong_SaysWhatIsWrong_RepeatingNoValueOfTheRequest(string program, string query, string title, string detail)
    {
        // Issue 24, finding 6: "which period?" only when none is given; the command's distinctions, without echoing what was sent
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/inclusion/reports/{program}?{query}") { Content = Ndjson("") };
        request.Headers.AcceptLanguage.ParseAdd("sv");
        var problem = await ProblemOf(await _client.SendAsync(request), HttpStatusCode.BadRequest);

        Assert.Equal((title, detail), (problem.GetProperty("title").GetString(), problem.GetProperty("detail").GetString()));
    }

    [Theory]
    [InlineData("sv", "2021-02-30", "Ogiltigt datum", "asOf finns inte i kalendern: februari 2021 har 28 dagar")]
    [InlineData("en", "2021-02-30", "Not a date", "asOf is not in the calendar: February 2021 has 28 days")]
    [InlineData("sv", "2021-2-30", "Ogiltigt datum", "asOf måste vara ett datum ÅÅÅÅ-MM-DD")]
    public async Task AnAsOfNotInTheCalendar_SaysSo_RepeatingNoValueOfTheRequest(string language, string asOf, string title, string detail)
    {
        // Reader round 3, finding 4: the form is right, the day is not; only the month the service has read is named
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/inclusion/validate?asOf={asOf}") { Content = Ndjson("") };
        request.Headers.AcceptLanguage.ParseAdd(language);
        var problem = await ProblemOf(await _client.SendAsync(request), HttpStatusCode.BadRequest);

        Assert.Equal((title, detail), (problem.GetProperty("title").GetString(), problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Problems_FollowAcceptLanguage()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/inclusion/programs/stockholm-nowhere");
        request.Headers.AcceptLanguage.ParseAdd("sv-SE");
        var problem = await ProblemOf(await _client.SendAsync(request), HttpStatusCode.NotFound);

        Assert.Equal("Inget sådant projekt", problem.GetProperty("title").GetString());
        Assert.StartsWith("det finns inget projekt med id 'stockholm-nowhere'; de projekt som finns är: ", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sv", "Inget sådant projekt")]
    [InlineData("sv-FI", "Inget sådant projekt")] // a region of Swedish is Swedish
    [InlineData("de, sv;q=0.5", "Inget sådant projekt")] // German is not spoken here: the next language asked for
    [InlineData("en;q=0.2, sv;q=0.9", "Inget sådant projekt")]
    [InlineData("sv;q=0.4, en", "No such program")]
    [InlineData("de", "No such program")] // none of ours: the default
    [InlineData("", "No such program")]
    public async Task Problems_FollowAcceptLanguage_AsRequestLocalizationReadsIt(string acceptLanguage, string title)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/inclusion/programs/stockholm-nowhere");
        if (acceptLanguage.Length > 0)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        var problem = await ProblemOf(await _client.SendAsync(request), HttpStatusCode.NotFound);

        Assert.Equal(title, problem.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("sv", "Hittades inte")]
    [InlineData("de, sv;q=0.5", "Hittades inte")]
    [InlineData("sv;q=0.4, en", "Not found")]
    public async Task RoutingsOwnAnswers_ReadAcceptLanguage_AsTheEndpointsDo(string acceptLanguage, string title)
    {
        // No endpoint of the package runs for /nowhere, so no request localization either: the same options decide.
        var (app, client) = await StartAsync(o => o.ShapesEveryProblem = true);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/nowhere");
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
            var problem = await ProblemOf(await client.SendAsync(request), HttpStatusCode.NotFound);

            Assert.Equal(title, problem.GetProperty("title").GetString());
        }
        finally
        {
            client.Dispose();
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task TheEndpoints_ChooseTheLanguage_ByRequestLocalization_WhichTheHostSees()
    {
        string? seen = null;
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddInclusionModel(o => o.DefaultLanguage = "sv");
        await using var app = builder.Build();
        app.Use(async (context, next) =>
        {
            await next(context);
            seen = context.Features.Get<Microsoft.AspNetCore.Localization.IRequestCultureFeature>()?.RequestCulture.UICulture.Name;
        });
        app.MapInclusionModel();
        await app.StartAsync();
        using var client = app.GetTestClient();

        await client.GetAsync("/programs");

        Assert.Equal("sv", seen); // no Accept-Language: the default language of the options
    }

    [Theory]
    [InlineData("/inclusion/programs/19811218-9876")]
    [InlineData("/inclusion/programs/%1B%5B31mred")]
    public async Task Problems_RepeatNothingOfThePath(string path)
    {
        var problem = await ProblemOf(await _client.GetAsync(path), HttpStatusCode.NotFound);

        string text = problem.GetRawText();
        Assert.DoesNotContain("19811218", text, StringComparison.Ordinal);
        Assert.DoesNotContain("red", text.Replace("programs are", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.False(problem.TryGetProperty("instance", out _));
    }

    private Task<HttpResponseMessage> PostCheck(string body)
        => _client.PostAsync("/inclusion/transitions/check?asOf=2013-02-01", new StringContent(body, Encoding.UTF8, "application/json"));

    private const string Record = """{"participant":"p-1","program":"eskilstuna-romane-bucha","events":[{"on":"2013-01-02","type":"referred"}]}""";

    [Theory]
    [InlineData("""{"record":RECORD,"record":RECORD,"event":{"on":"2013-01-03","type":"referred"}}""")]
    [InlineData("""{"record":RECORD,"event":{"on":"2013-01-03","type":"referred"},"event":{"on":"2013-01-03","type":"referred"}}""")]
    [InlineData("""{"record":RECORD,"event":{"on":"2013-01-03","type":"referred"},"more":1}""")]
    [InlineData("""{"record":RECORD}""")]
    [InlineData("""{"record":RECORD,"event":[]}""")]
    [InlineData("""[1]""")]
    public async Task TransitionsCheck_NotOneRecordAndOneEvent_Is400(string body)
    {
        var problem = await ProblemOf(await PostCheck(body.Replace("RECORD", Record, StringComparison.Ordinal)), HttpStatusCode.BadRequest);

        Assert.Equal("Not a transition check", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task TransitionsCheck_AMalformedEvent_SaysWhatIsWrongWithTheEvent_NotAnIndexInTheRecord()
    {
        var problem = await ProblemOf(await PostCheck("""{"record":RECORD,"event":{"on":"2013-01-03","type":"assessed","eligible":true,"zz":1}}""".Replace("RECORD", Record, StringComparison.Ordinal)), HttpStatusCode.BadRequest);

        // The record holds one event, so the reader sees the sent event as events[1]: the caller never wrote that.
        Assert.Equal("$.event: 'zz' is not a field of an event", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task TransitionsCheck_BrokenJson_Is400_WithItsLine()
    {
        var problem = await ProblemOf(await PostCheck("{\n\"record\": {\n"), HttpStatusCode.BadRequest);

        Assert.Equal("Not JSON", problem.GetProperty("title").GetString());
        Assert.Equal("the body is not valid JSON (line 3)", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task TransitionsCheck_AnUnknownProgram_Is404()
    {
        var problem = await ProblemOf(
            await PostCheck("""{"record":{"participant":"p-1","program":"stockholm-nowhere","events":[{"on":"2013-01-02","type":"referred"}]},"event":{"on":"2013-01-03","type":"assessed","eligible":true}}"""),
            HttpStatusCode.NotFound);

        Assert.StartsWith("no program 'stockholm-nowhere'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TransitionsCheck_AnEmptyRecord_TakesTheEventAsItsFirst()
    {
        var answer = JsonDocument.Parse(await (await PostCheck("""{"event":{"on":"2013-01-02","type":"referred"},"record":{"participant":"p-1","program":"eskilstuna-romane-bucha","events":[ ]}}""")).Content.ReadAsStringAsync()).RootElement;

        Assert.True(answer.GetProperty("allowed").GetBoolean());
        Assert.Equal("referred", answer.GetProperty("stateAfter").GetString());
    }

    [Fact]
    public async Task TransitionsCheck_OverItsOwnLimit_Is413()
    {
        // 64 KiB in this app, under its 1 MiB body limit: the record and the event alone are held in memory.
        string events = string.Concat(Enumerable.Repeat("""{"on":"2013-01-02","type":"referred"},""", 2000));
        string body = """{"record":{"participant":"p-1","program":"eskilstuna-romane-bucha","events":[""" + events + """{"on":"2013-01-02","type":"referred"}]},"event":{"on":"2013-01-03","type":"referred"}}""";
        var problem = await ProblemOf(await PostCheck(body), HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal("the body is larger than 65,536 bytes, the limit of this endpoint", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ACompressedBody_Is415()
    {
        var content = Ndjson(Sample("histories.ndjson"));
        content.Headers.ContentEncoding.Add("gzip");
        var problem = await ProblemOf(await _client.PostAsync("/inclusion/validate?asOf=2015-06-01", content), HttpStatusCode.UnsupportedMediaType);

        Assert.Contains("Content-Encoding", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("file")]
    [InlineData("candidate")]
    public async Task Compare_APartTwice_Is400(string twice)
    {
        string candidate = Sample("programs/romane-bucha-employment-14.json");
        var parts = Parts(("file", Sample("histories.ndjson")), ("candidate", candidate), (twice, twice == "file" ? "" : candidate));
        var problem = await ProblemOf(await _client.PostAsync("/inclusion/compare?asOf=2015-06-01", parts), HttpStatusCode.BadRequest);

        Assert.Equal($"the part '{twice}' appears twice; each part is sent once", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Compare_APartsHeadersOverTheReadersLimit_Is400()
    {
        var content = new MultipartFormDataContent("b0undary");
        var part = new StringContent("x");
        part.Headers.Add("X-Long", new string('a', 20_000));
        content.Add(part, "file", "file");
        var problem = await ProblemOf(await _client.PostAsync("/inclusion/compare?asOf=2015-06-01", content), HttpStatusCode.BadRequest);

        Assert.DoesNotContain("aaaa", problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_ALineOverTheLimit_IsMalformed_AndNothingElseIsLost()
    {
        string[] lines = Sample("histories.ndjson").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        string body = lines[0] + "\n" + "{\"participant\":\"" + new string('x', 70_000) + "\"}\n" + lines[1] + "\n";
        var response = await _client.PostAsync("/inclusion/validate?asOf=2015-06-01", Ndjson(body));
        var summary = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("summary");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((3, 1), (summary.GetProperty("records").GetInt32(), summary.GetProperty("malformed").GetInt32()));
    }

    [Fact]
    public async Task ABodyThatStalls_AfterABurst_Is408_WithinAWindow()
    {
        var (app, client) = await StartAsync(o =>
        {
            o.MinBodyBytesPerSecond = 1000;
            o.BodyRateWindow = TimeSpan.FromSeconds(1);
        });
        var release = new TaskCompletionSource();
        try
        {
            // 200 kB at once is 200 windows' worth on average since the start, but the next window brings nothing.
            var response = await client.PostAsync("/inclusion/validate?asOf=2015-06-01", new StalledContent(200_000, release.Task)).WaitAsync(TimeSpan.FromSeconds(30));
            var problem = await ProblemOf(response, HttpStatusCode.RequestTimeout);

            Assert.Equal("the body came slower than 1,000 bytes a second over 1 seconds", problem.GetProperty("detail").GetString());
        }
        finally
        {
            release.TrySetResult();
            client.Dispose();
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task UploadsBeyondTheCap_Are503_WithRetryAfter()
    {
        // The gate takes its place before the endpoint reads the body: a body that tells when it is first read
        // tells the test that the first upload holds the one place. No polling, so no race with a busy machine.
        var firstRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddInclusionModel(o =>
        {
            o.MaxConcurrentUploads = 1;
            o.MinBodyBytesPerSecond = 0;
        });
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            if (context.Request.Headers.ContainsKey("X-Test-First"))
            {
                context.Request.Body = new FirstReadSignal(context.Request.Body, firstRead);
            }

            await next(context);
        });
        app.MapInclusionModel("/inclusion");
        await app.StartAsync();
        var client = app.GetTestClient();
        var release = new TaskCompletionSource();
        try
        {
            using var held = new HttpRequestMessage(HttpMethod.Post, "/inclusion/validate?asOf=2015-06-01") { Content = new StalledContent(10, release.Task) };
            held.Headers.Add("X-Test-First", "1");
            var first = client.SendAsync(held);
            await firstRead.Task.WaitAsync(TimeSpan.FromSeconds(60));

            var second = await client.PostAsync("/inclusion/validate?asOf=2015-06-01", Ndjson(Sample("histories.ndjson")));
            await ProblemOf(second, HttpStatusCode.ServiceUnavailable);
            Assert.Equal(TimeSpan.FromSeconds(5), second.Headers.RetryAfter?.Delta);

            release.TrySetResult();
            Assert.Equal(HttpStatusCode.OK, (await first.WaitAsync(TimeSpan.FromSeconds(30))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/inclusion/validate?asOf=2015-06-01", Ndjson(Sample("histories.ndjson")))).StatusCode);
        }
        finally
        {
            release.TrySetResult();
            client.Dispose();
            await app.DisposeAsync();
        }
    }

    /// <summary>A request body that signals the first time the server reads it.</summary>
    private sealed class FirstReadSignal(Stream inner, TaskCompletionSource signal) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            signal.TrySetResult();
            return inner.Read(buffer, offset, count);
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            signal.TrySetResult();
            return inner.ReadAsync(buffer, cancellationToken);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public async Task AHostThatShapesEveryProblem_GivesRoutingsOwnAnswersTheSameWords()
    {
        var (app, client) = await StartAsync(o => o.ShapesEveryProblem = true);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/nowhere/19811218-9876");
            request.Headers.AcceptLanguage.ParseAdd("sv");
            var problem = await ProblemOf(await client.SendAsync(request), HttpStatusCode.NotFound);

            Assert.Equal("Hittades inte", problem.GetProperty("title").GetString());
            Assert.DoesNotContain("19811218", problem.GetRawText(), StringComparison.Ordinal);
        }
        finally
        {
            client.Dispose();
            await app.DisposeAsync();
        }
    }
}
