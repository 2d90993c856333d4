using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using InclusionModel.Eligibility;
using InclusionModel.Histories;
using InclusionModel.Programs;
using InclusionModel.Reports;
using InclusionModel.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Headers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace InclusionModel.AspNetCore;

/// <summary>What the endpoints serve and accept.</summary>
public sealed class InclusionModelHttpOptions
{
    /// <summary>The programs the endpoints know: the built-in catalogue by default, or it with definition files (<c>ProgramCatalogue.BuiltIn.With(…)</c>).</summary>
    public ProgramSet Programs { get; set; } = ProgramCatalogue.BuiltIn;

    /// <summary>The largest request body accepted, in bytes; a larger one is answered 413. Default 1 GiB.</summary>
    public long MaxBodyBytes { get; set; } = 1L << 30;

    /// <summary>The language of messages for a request without <c>Accept-Language</c>: <c>en</c> (the default) or <c>sv</c>.</summary>
    public string DefaultLanguage { get; set; } = "en";
}

/// <summary>Registers what the InclusionModel endpoints need; public as <c>AddInclusionModel</c> in <c>Microsoft.Extensions.DependencyInjection</c>.</summary>
internal static class InclusionModelServices
{
    /// <summary>
    /// Adds the InclusionModel endpoints' services: their options, problem details (RFC 9457), the OpenAPI
    /// document and health checks. The library never reads the machine's clock: a request without <c>asOf</c> is
    /// dated by the <see cref="IClock"/> the host registers (NodaTime's system clock in a host's composition root,
    /// a <c>FakeClock</c> in a test); with none, such a request is answered 400.
    /// Map the endpoints with <see cref="Microsoft.AspNetCore.Builder.InclusionModelEndpointsExtensions.MapInclusionModel"/>.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configure">Sets the programs and limits; default the built-in catalogue and 1 GiB.</param>
    /// <returns>The services.</returns>
    internal static IServiceCollection AddInclusionModel(IServiceCollection services, Action<InclusionModelHttpOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<InclusionModelHttpOptions>().Configure(o => configure?.Invoke(o));
        services.AddProblemDetails();
        services.AddOpenApi();
        services.AddHealthChecks();
        return services;
    }
}

/// <summary>
/// The endpoints of docs/interchange-contract.md §8 and their meter (<see cref="MeterName"/>); a host maps them with
/// <see cref="Microsoft.AspNetCore.Builder.InclusionModelEndpointsExtensions.MapInclusionModel"/>.
/// </summary>
public static class InclusionModelEndpointRouteBuilderExtensions
{
    /// <summary>The meter's name ("InclusionModel"), for OpenTelemetry: records read by endpoint, violations by rule id, request durations by endpoint.</summary>
    public const string MeterName = "InclusionModel";

    private static readonly Meter Meter = new(MeterName);
    private static readonly CultureInfo Swedish = new("sv-SE");
    private static readonly Counter<long> Records = Meter.CreateCounter<long>("inclusionmodel.records", "{record}", "Records (lines) read from request bodies.");
    private static readonly Counter<long> Violations = Meter.CreateCounter<long>("inclusionmodel.violations", "{violation}", "Violations found by POST /validate, by rule id.");
    private static readonly Histogram<double> Durations = Meter.CreateHistogram<double>("inclusionmodel.request.duration", "s", "How long each request took.");

    /// <summary>
    /// Maps <c>GET /programs</c>, <c>GET /programs/{id}</c>, <c>POST /programs/check</c>, <c>POST /validate</c>,
    /// <c>POST /eligibility</c>, <c>POST /reports/{id}</c>, <c>POST /compare</c>, <c>POST /transitions/check</c>, <c>GET /health</c>
    /// and <c>GET /openapi/v1.json</c> under <paramref name="prefix"/>. Authentication is the host's: add
    /// <c>RequireAuthorization()</c> to the group that is returned.
    /// </summary>
    /// <param name="endpoints">The host's endpoints.</param>
    /// <param name="prefix">Where to map them, for example <c>/inclusion</c>; default the root.</param>
    /// <returns>The group of endpoints.</returns>
    internal static RouteGroupBuilder MapInclusionModel(IEndpointRouteBuilder endpoints, string prefix)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup(prefix);

        // Accept-Language: sv gives Swedish messages (docs/interchange-contract.md §9); the culture flows to the work the request starts.
        group.AddEndpointFilter(async (context, next) =>
        {
            var languages = context.HttpContext.Request.GetTypedHeaders().AcceptLanguage;
            string tag = languages.OrderByDescending(l => l.Quality ?? 1).FirstOrDefault()?.Value.Value
                ?? context.HttpContext.RequestServices.GetRequiredService<IOptions<InclusionModelHttpOptions>>().Value.DefaultLanguage;
            CultureInfo.CurrentUICulture = tag.StartsWith("sv", StringComparison.OrdinalIgnoreCase) ? Swedish : CultureInfo.InvariantCulture;
            return await next(context).ConfigureAwait(false);
        });
        group.MapOpenApi();
        group.MapHealthChecks("/health");

        group.MapGet("/programs", (IOptions<InclusionModelHttpOptions> options, HttpContext http)
            => Json(http, "programs", s => ProgramDefinitionJson.WriteSummaries(s, options.Value.Programs)))
            .WithSummary("The programs (inclusion programs --format json).").Produces(StatusCodes.Status200OK, contentType: "application/json");

        group.MapGet("/programs/{id}", (string id, IOptions<InclusionModelHttpOptions> options, HttpContext http)
            => options.Value.Programs.TryGet(id, out var program)
                ? Json(http, "program", s => s.Write(Encoding.UTF8.GetBytes(ProgramDefinitionJson.Serialize(program))))
                : NoProgram(id, options.Value.Programs))
            .WithSummary("One program as a definition file (inclusion programs show {id} --format json).")
            .Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/programs/check", async (HttpContext http) =>
        {
            if (Refused(http, "application/json") is { } refused)
            {
                return refused;
            }

            using var body = new MemoryStream();
            if (await CopyLimitedAsync(http, body, ProgramDefinitionLimits.MaxFileBytes + 1L).ConfigureAwait(false) is { } tooLarge)
            {
                return tooLarge;
            }

            var result = ProgramDefinitionJson.Parse(body.GetBuffer().AsSpan(0, (int)body.Length));
            return Json(http, "check", s => ProgramDefinitionJson.WriteCheck(s, "-", result));
        })
        .WithSummary("Check a program definition (inclusion programs check - --format json).").Accepts<JsonObject>("application/json")
        .Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        group.MapPost("/validate", async (HttpContext http, IOptions<InclusionModelHttpOptions> options, ILoggerFactory logs, string? asOf) =>
        {
            if (Refused(http, "application/x-ndjson") is { } refused)
            {
                return refused;
            }

            var (date, bad) = AsOf(asOf, http);
            if (bad is not null)
            {
                return bad;
            }

            return await RunOverBody(http, logs, "validate", options.Value, async (body, output, token) =>
            {
                using var writer = new JsonValidationReportWriter(output);
                var summary = await new NdjsonValidation(new HistoryValidator(options.Value.Programs)).RunAsync(body, date, new CountingSink(writer, Violations), token).ConfigureAwait(false);
                return summary.Records;
            }).ConfigureAwait(false);
        })
        .WithSummary("Validate NDJSON histories (inclusion validate - --as-of D --format json).").Accepts<string>("application/x-ndjson")
        .Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        group.MapPost("/eligibility", async (HttpContext http, IOptions<InclusionModelHttpOptions> options, ILoggerFactory logs) =>
        {
            if (Refused(http, "application/x-ndjson") is { } refused)
            {
                return refused;
            }

            return await RunOverBody(http, logs, "eligibility", options.Value, async (body, output, token) =>
            {
                using var writer = new JsonEligibilityReportWriter(output);
                var summary = await new EligibilityScreening(options.Value.Programs).RunAsync(body, writer, token).ConfigureAwait(false);
                return summary.Records;
            }).ConfigureAwait(false);
        })
        .WithSummary("Decide eligibility lines (inclusion eligibility - --format json).").Accepts<string>("application/x-ndjson")
        .Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        group.MapPost("/reports/{id}", async (string id, HttpContext http, IOptions<InclusionModelHttpOptions> options, ILoggerFactory logs,
            string? month, string? from, string? to, string? halfYear, bool? final, bool? publication, int? minCell) =>
        {
            if (!options.Value.Programs.TryGet(id, out var program))
            {
                return NoProgram(id, options.Value.Programs);
            }

            if (Refused(http, "application/x-ndjson") is { } refused)
            {
                return refused;
            }

            if (Period(program, month, from, to, halfYear, final ?? false) is not { } period)
            {
                return Problem(StatusCodes.Status400BadRequest, "Which period?", "give one period: month=YYYY-MM, from=YYYY-MM-DD&to=YYYY-MM-DD, halfYear=YYYY-H1 or final=true");
            }

            if (minCell is < 3 || (minCell is not null && publication != true))
            {
                return Problem(StatusCodes.Status400BadRequest, "Which threshold?", "minCell goes with publication=true and is at least 3");
            }

            var reportOptions = publication == true ? new ReportOptions(true) { MinCell = minCell ?? 5 } : ReportOptions.Internal;
            return await RunOverBody(http, logs, "report", options.Value, async (body, output, token) =>
            {
                var report = await new NdjsonReport(options.Value.Programs).RunAsync(body, program, period, token).ConfigureAwait(false);
                ReportWriter.WriteJson(report, output, reportOptions);
                return report.RecordsRead;
            }).ConfigureAwait(false);
        })
        .WithSummary("A program's report over a period (inclusion report - --program {id} … --format json).").Accepts<string>("application/x-ndjson")
        .Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        group.MapPost("/compare", async (HttpContext http, IOptions<InclusionModelHttpOptions> options, ILoggerFactory logs, string? asOf, bool? people) =>
        {
            if (Refused(http, "multipart/form-data") is { } refused)
            {
                return refused;
            }

            var (date, bad) = AsOf(asOf, http);
            if (bad is not null)
            {
                return bad;
            }

            return await CompareEndpoint.Answer(http, options.Value, date, people ?? false, logs.CreateLogger("InclusionModel.AspNetCore")).ConfigureAwait(false);
        })
        .WithSummary("Compare a candidate definition with the current one over histories or eligibility lines (inclusion compare … --format json).")
        .Accepts<IFormFile>("multipart/form-data")
        .Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        group.MapPost("/transitions/check", async (HttpContext http, IOptions<InclusionModelHttpOptions> options, string? asOf) =>
        {
            if (Refused(http, "application/json") is { } refused)
            {
                return refused;
            }

            var (date, bad) = AsOf(asOf, http);
            if (bad is not null)
            {
                return bad;
            }

            using var body = new MemoryStream();
            if (await CopyLimitedAsync(http, body, Math.Min(options.Value.MaxBodyBytes, 64L << 20)).ConfigureAwait(false) is { } tooLarge)
            {
                return tooLarge;
            }

            return TransitionCheckEndpoint.Answer(http, body.ToArray(), date, options.Value.Programs);
        })
        .WithSummary("May this event be appended to this record now, and if not, why?").Accepts<JsonObject>("application/json")
        .Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        return group;
    }

    /// <summary>Answers with a JSON document written by <paramref name="write"/>.</summary>
    private static IResult Json(HttpContext http, string what, Action<Stream> write)
    {
        var started = Stopwatch.GetTimestamp();
        using var buffer = new MemoryStream();
        write(buffer);
        Durations.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("endpoint", what));
        return Results.Bytes(buffer.ToArray(), "application/json");
    }

    /// <summary>
    /// Runs a command over the request body and streams its document into the response. The body is read with
    /// <see cref="InclusionModelHttpOptions.MaxBodyBytes"/> as its limit; the library copies it to an
    /// owner-only temporary spool (removed however the request ends) and writes the document to a spool of its
    /// own, which is then copied to the response without blocking a thread on the network.
    /// </summary>
    private static async Task<IResult> RunOverBody(HttpContext http, ILoggerFactory logs, string what, InclusionModelHttpOptions options, Func<Stream, Stream, CancellationToken, Task<long>> run)
    {
        var started = Stopwatch.GetTimestamp();
        var log = logs.CreateLogger("InclusionModel.AspNetCore");
        using var body = new LimitedStream(http.Request.Body, options.MaxBodyBytes);
        var output = new Spool();
        try
        {
            long records;
            try
            {
                records = await run(body, output, http.RequestAborted).ConfigureAwait(false);
            }
            catch (BodyTooLargeException)
            {
                output.Dispose();
                return Problem(StatusCodes.Status413PayloadTooLarge, "The body is too large", $"the body is larger than {options.MaxBodyBytes} bytes, the limit of this service");
            }

            Records.Add(records, new KeyValuePair<string, object?>("endpoint", what));
            Durations.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("endpoint", what));

            // What is logged: the endpoint, how many records and how long; never a body, an id or a message.
            log.LogInformation("{Endpoint}: {Records} records in {Milliseconds} ms", what, records, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return new SpoolResult(output);
        }
        catch
        {
            output.Dispose();
            throw;
        }
    }

    private static async Task<IResult?> CopyLimitedAsync(HttpContext http, MemoryStream into, long limit)
    {
        using var body = new LimitedStream(http.Request.Body, limit);
        try
        {
            await body.CopyToAsync(into, http.RequestAborted).ConfigureAwait(false);
            return null;
        }
        catch (BodyTooLargeException)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "The body is too large", $"the body is larger than {limit} bytes, the limit of this endpoint");
        }
    }

    /// <summary>415 unless the request says it sends <paramref name="expected"/>.</summary>
    private static IResult? Refused(HttpContext http, string expected)
    {
        string? type = http.Request.ContentType?.Split(';', 2)[0].Trim();
        return string.Equals(type, expected, StringComparison.OrdinalIgnoreCase)
            ? null
            : Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type", $"this endpoint takes {expected}, not {(type is null or "" ? "a body without a content type" : type)}");
    }

    /// <summary>
    /// The <c>asOf</c> of a request: the date it gives, else today in UTC by the <see cref="IClock"/> the host
    /// registered; or the problem with it (no date and no clock among them).
    /// </summary>
    private static (LocalDate Date, IResult? Problem) AsOf(string? text, HttpContext http)
        => text is null
            ? http.RequestServices.GetService<IClock>() is { } clock
                ? (clock.GetCurrentInstant().InUtc().Date, null)
                : (default, Problem(StatusCodes.Status400BadRequest, "No date", "asOf is required: this host registers no clock to give today's date"))
            : IsoDates.TryParse(text, out var date) ? (date, null)
            : (default, Problem(StatusCodes.Status400BadRequest, "Not a date", $"asOf must be a date YYYY-MM-DD, was '{Privacy.PersonalIdentityNumbers.SafeToQuote(text)}'"));

    private static ReportPeriod? Period(ProgramDefinition program, string? month, string? from, string? to, string? halfYear, bool final)
    {
        int given = (month is null ? 0 : 1) + (from is null && to is null ? 0 : 1) + (halfYear is null ? 0 : 1) + (final ? 1 : 0);
        if (given != 1)
        {
            return null;
        }

        if (month is not null)
        {
            return month.Length == 7 && month[4] == '-' && int.TryParse(month[..4], NumberStyles.None, CultureInfo.InvariantCulture, out int y)
                   && int.TryParse(month[5..], NumberStyles.None, CultureInfo.InvariantCulture, out int m) && m is >= 1 and <= 12
                ? ReportPeriod.Month(new YearMonth(y, m))
                : null;
        }

        if (halfYear is not null)
        {
            return halfYear.Length == 7 && halfYear[4] == '-' && halfYear[5] == 'H' && int.TryParse(halfYear[..4], NumberStyles.None, CultureInfo.InvariantCulture, out int y) && halfYear[6] is '1' or '2'
                ? ReportPeriod.HalfYear(y, halfYear[6] - '0')
                : null;
        }

        if (final)
        {
            var whole = program.Schedule.WholePeriod;
            return whole.Start is not null && whole.End is not null ? ReportPeriod.Final(program) : null;
        }

        return IsoDates.TryParse(from, out var first) && IsoDates.TryParse(to, out var last) && last >= first ? ReportPeriod.Between(first, last) : null;
    }

    internal static IResult NoProgram(string id, ProgramSet programs)
        => Problem(StatusCodes.Status404NotFound, "No such program", $"no program '{Privacy.PersonalIdentityNumbers.SafeToQuote(id)}'; the programs are {string.Join(", ", programs.All.Select(p => p.Id))}");

    internal static IResult Problem(int status, string title, string detail)
        => Results.Problem(title: title, detail: detail, statusCode: status);

    /// <summary>Copies a spooled document to the response asynchronously, then releases the spool.</summary>
    internal sealed class SpoolResult(Spool spool) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            using (spool)
            {
                httpContext.Response.ContentType = "application/json";
                httpContext.Response.ContentLength = spool.Length;
                await using var read = spool.OpenRead();
                await read.CopyToAsync(httpContext.Response.Body, httpContext.RequestAborted).ConfigureAwait(false);
            }
        }
    }
}
