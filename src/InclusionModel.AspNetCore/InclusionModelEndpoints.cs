using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using InclusionModel.Eligibility;
using InclusionModel.Histories;
using InclusionModel.IO;
using InclusionModel.Programs;
using InclusionModel.Reports;
using InclusionModel.Workbooks;
using InclusionModel.Runs;
using InclusionModel.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace InclusionModel.AspNetCore;

/// <summary>
/// The endpoints of docs/interchange-contract.md §8; public as <see cref="Microsoft.AspNetCore.Builder.InclusionModelEndpointsExtensions.MapInclusionModel"/>.
/// </summary>
internal static class InclusionModelEndpoints
{
    /// <summary>
    /// Maps <c>GET /programs</c>, <c>GET /programs/{id}</c>, <c>POST /programs/check</c>, <c>POST /validate</c>,
    /// <c>POST /eligibility</c>, <c>POST /reports/{id}</c>, <c>POST /compare</c>, and <c>POST /transitions/check</c> under
    /// <paramref name="prefix"/>. Authentication is the host's: add
    /// <c>RequireAuthorization()</c> to the group that is returned.
    /// </summary>
    /// <param name="endpoints">The host's endpoints.</param>
    /// <param name="prefix">Where to map them, for example <c>/inclusion</c>; default the root.</param>
    /// <returns>The group of endpoints.</returns>
    internal static RouteGroupBuilder MapInclusionModel(IEndpointRouteBuilder endpoints, string prefix)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup(prefix);
        group.WithMetadata(new HttpProblems.Marker());

        // Accept-Language: sv gives Swedish messages (docs/interchange-contract.md §9): request localization around each handler.
        group.AddEndpointFilter<RouteGroupBuilder, RequestLanguage>();
        group.AddEndpointFilter(UploadGate.Filter);
        ((IEndpointConventionBuilder)group).Add(UploadGate.Describe);

        group.MapGet("/programs", (IOptions<InclusionModelHttpOptions> options, EndpointMetrics metrics)
            => Json<JsonList>(metrics, "programs", s => ProgramDefinitionJson.WriteSummaries(s, options.Value.Programs)))
            .WithSummary("The programs (inclusion programs --format json).");

        group.MapGet("/programs/{id}", Results<Document<JsonDocumentShape>, Problem<Status404>> (string id, IOptions<InclusionModelHttpOptions> options, EndpointMetrics metrics)
            => options.Value.Programs.TryGet(id, out var program)
                ? Json<JsonDocumentShape>(metrics, "program", s => s.Write(Encoding.UTF8.GetBytes(ProgramDefinitionJson.Serialize(program))))
                : NoProgram(id, options.Value.Programs))
            .WithSummary("One program as a definition file (inclusion programs show {id} --format json).");

        group.MapPost("/programs/check", async Task<Results<Document<JsonDocumentShape>, Problem<Status413>, Problem<Status415>>> (HttpContext http, EndpointMetrics metrics) =>
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
            return Json<JsonDocumentShape>(metrics, "check", s => ProgramDefinitionJson.WriteCheck(s, "-", result));
        })
        .WithSummary("Check a program definition (inclusion programs check - --format json).").Accepts<JsonObject>("application/json");

        group.MapPost("/validate", async Task<Results<Results<Document<JsonDocumentShape>, Problem<Status413>>, Problem<Status400>, Problem<Status415>>> (
            HttpContext http, IOptions<InclusionModelHttpOptions> options, ILoggerFactory logs, EndpointMetrics metrics, [FromServices] IClock? clock, string? asOf) =>
        {
            if (Refused(http, "application/x-ndjson") is { } refused)
            {
                return refused;
            }

            var (date, bad) = AsOf(asOf, clock);
            if (bad is not null)
            {
                return bad;
            }

            return await RunOverBody<JsonDocumentShape>(http, logs, metrics, "validate", options.Value, async (body, output, token) =>
            {
                // Each violation is counted on the meter by rule as its entry is written: the document is the same, byte for byte.
                using var writer = new JsonValidationReportWriter(output, v => metrics.Violations.Add(1, new KeyValuePair<string, object?>("rule", v.RuleId)));
                var summary = await new NdjsonValidation(new HistoryValidator(options.Value.Programs)) { MaxLineBytes = options.Value.MaxLineBytes }.RunAsync(body, date, writer, token).ConfigureAwait(false);
                return summary.Records;
            }).ConfigureAwait(false);
        })
        .WithSummary("Validate NDJSON histories (inclusion validate - --as-of D --format json).").Accepts<string>("application/x-ndjson");

        group.MapPost("/eligibility", async Task<Results<Results<Document<JsonDocumentShape>, Problem<Status413>>, Problem<Status415>>> (
            HttpContext http, IOptions<InclusionModelHttpOptions> options, ILoggerFactory logs, EndpointMetrics metrics) =>
        {
            if (Refused(http, "application/x-ndjson") is { } refused)
            {
                return refused;
            }

            return await RunOverBody<JsonDocumentShape>(http, logs, metrics, "eligibility", options.Value, async (body, output, token) =>
            {
                using var writer = new JsonEligibilityReportWriter(output);
                var summary = await new EligibilityScreening(options.Value.Programs) { MaxLineBytes = options.Value.MaxLineBytes }.RunAsync(body, writer, token).ConfigureAwait(false);
                return summary.Records;
            }).ConfigureAwait(false);
        })
        .WithSummary("Decide eligibility lines (inclusion eligibility - --format json).").Accepts<string>("application/x-ndjson");

        group.MapPost("/reports/{id}", async Task<Results<Results<Document<JsonOrWorkbook>, Problem<Status413>>, Problem<Status400>, Problem<Status404>, Problem<Status415>>> (string id, HttpContext http, IOptions<InclusionModelHttpOptions> options, ILoggerFactory logs, EndpointMetrics metrics,
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

            var (period, wrongTitle, wrong) = Period(program, month, from, to, halfYear, final ?? false);
            if (period is null)
            {
                return HttpProblems.Problem<Status400>(wrongTitle!, wrong!);
            }

            if (minCell is < 3 || (minCell is not null && publication != true))
            {
                return HttpProblems.Problem<Status400>("http.which-threshold.title", Texts.Get("http.which-threshold"));
            }

            var reportOptions = publication == true ? new ReportOptions(true) { MinCell = minCell ?? 5 } : ReportOptions.Internal;
            bool workbook = ContentNegotiation.WantsWorkbook(http.Request);
            return await RunOverBody<JsonOrWorkbook>(http, logs, metrics, "report", options.Value, async (body, output, token) =>
            {
                var report = await new NdjsonReport(options.Value.Programs) { MaxLineBytes = options.Value.MaxLineBytes }.RunAsync(body, program, period, token).ConfigureAwait(false);
                if (workbook)
                {
                    WorkbookWriter.WriteReport(report, program, output, reportOptions);
                }
                else
                {
                    ReportWriter.WriteJson(report, output, reportOptions);
                }

                return report.RecordsRead;
            }, workbook).ConfigureAwait(false);
        })
        .WithSummary("A program's report over a period (inclusion report - --program {id} … --format json; the workbook of --format xlsx to Accept: " + WorkbookWriter.MediaType + ").").Accepts<string>("application/x-ndjson");

        group.MapPost("/compare", async Task<Results<Results<Document<JsonOrWorkbook>, Problem<Status400>, Problem<Status404>, Problem<Status413>>, Problem<Status415>>> (
            HttpContext http, IOptions<InclusionModelHttpOptions> options, ILoggerFactory logs, [FromServices] IClock? clock, string? asOf, bool? people) =>
        {
            if (Refused(http, "multipart/form-data") is { } refused)
            {
                return refused;
            }

            var (date, bad) = AsOf(asOf, clock);
            if (bad is not null)
            {
                return (Results<Document<JsonOrWorkbook>, Problem<Status400>, Problem<Status404>, Problem<Status413>>)bad;
            }

            return await CompareEndpoint.Answer(http, options.Value, date, people ?? false, logs.CreateLogger("InclusionModel.AspNetCore")).ConfigureAwait(false);
        })
        .WithSummary("Compare a candidate definition with the current one over histories or eligibility lines (inclusion compare … --format json; the workbook of --format xlsx to Accept: " + WorkbookWriter.MediaType + ").")
        .Accepts<CompareEndpoint.Parts>("multipart/form-data");

        group.MapPost("/transitions/check", async Task<Results<Results<Document<TransitionCheck>, Problem<Status400>, Problem<Status404>>, Problem<Status413>, Problem<Status415>>> (
            HttpContext http, IOptions<InclusionModelHttpOptions> options, [FromServices] IClock? clock, string? asOf) =>
        {
            if (Refused(http, "application/json") is { } refused)
            {
                return refused;
            }

            var (date, bad) = AsOf(asOf, clock);
            if (bad is not null)
            {
                return (Results<Document<TransitionCheck>, Problem<Status400>, Problem<Status404>>)bad;
            }

            // Its own small limit: one record and one event, held in memory while they are read.
            using var body = new MemoryStream();
            if (await CopyLimitedAsync(http, body, Math.Min(options.Value.MaxBodyBytes, options.Value.MaxTransitionCheckBytes)).ConfigureAwait(false) is { } tooLarge)
            {
                return tooLarge;
            }

            return TransitionCheckEndpoint.Answer(body.GetBuffer().AsMemory(0, (int)body.Length), date, options.Value.Programs);
        })
        .WithSummary("May this event be appended to this record now, and if not, why?").Accepts<JsonObject>("application/json");

        return group;
    }

    /// <summary>Answers with a JSON document written by <paramref name="write"/>.</summary>
    private static Document<TShape> Json<TShape>(EndpointMetrics metrics, string what, Action<Stream> write)
        where TShape : IDocumentShape
    {
        var started = Stopwatch.GetTimestamp();
        using var buffer = new MemoryStream();
        write(buffer);
        metrics.Durations.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("endpoint", what));
        return new(buffer.ToArray());
    }

    /// <summary>
    /// Runs a command over the request body and streams its document into the response. The body is read with
    /// <see cref="InclusionModelHttpOptions.MaxBodyBytes"/> as its limit; the library copies it to an
    /// owner-only temporary spool (removed however the request ends) and writes the document to a spool of its
    /// own, which is then copied to the response without blocking a thread on the network.
    /// </summary>
    private static async Task<Results<Document<TShape>, Problem<Status413>>> RunOverBody<TShape>(HttpContext http, ILoggerFactory logs, EndpointMetrics metrics, string what, InclusionModelHttpOptions options, Func<Stream, Stream, CancellationToken, Task<long>> run, bool workbook = false)
        where TShape : IDocumentShape
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
                return HttpProblems.Problem<Status413>("http.title.413", Texts.Format("http.too-large", options.MaxBodyBytes));
            }

            metrics.Records.Add(records, new KeyValuePair<string, object?>("endpoint", what));
            metrics.Durations.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("endpoint", what));

            // What is logged: the endpoint, how many records and how long; never a body, an id or a message.
            log.LogInformation("{Endpoint}: {Records} records in {Milliseconds} ms", what, records, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return workbook ? Document<TShape>.Workbook(output) : new Document<TShape>(output);
        }
        catch
        {
            output.Dispose();
            throw;
        }
    }

    private static async Task<Problem<Status413>?> CopyLimitedAsync(HttpContext http, MemoryStream into, long limit)
    {
        using var body = new LimitedStream(http.Request.Body, limit);
        try
        {
            await body.CopyToAsync(into, http.RequestAborted).ConfigureAwait(false);
            return null;
        }
        catch (BodyTooLargeException)
        {
            return HttpProblems.Problem<Status413>("http.title.413", Texts.Format("http.too-large", limit));
        }
    }

    /// <summary>415 unless the request says it sends <paramref name="expected"/> (the type it sent is not repeated).</summary>
    private static Problem<Status415>? Refused(HttpContext http, string expected)
    {
        string? type = http.Request.ContentType?.Split(';', 2)[0].Trim();
        return string.Equals(type, expected, StringComparison.OrdinalIgnoreCase)
            ? null
            : HttpProblems.Problem<Status415>("http.title.415", Texts.Format("http.content-type", expected));
    }

    /// <summary>
    /// The <c>asOf</c> of a request: the date it gives, else today in UTC by the <see cref="IClock"/> the host
    /// registered (injected into the handler, optional: the library never reads the machine's clock itself); or the
    /// problem with it (no date and no clock).
    /// </summary>
    private static (LocalDate Date, Problem<Status400>? Problem) AsOf(string? text, IClock? clock)
        => text is null
            ? clock is not null
                ? (clock.GetCurrentInstant().InUtc().Date, null)
                : (default, HttpProblems.Problem<Status400>("http.no-date.title", Texts.Get("http.no-date")))
            : IsoDates.TryParse(text, out var date) ? (date, null)
            : (default, HttpProblems.Problem<Status400>("http.not-a-date.title", NotInCalendar("asOf", text) ?? Texts.Get("http.not-a-date")));

    /// <summary>
    /// The period the query names, or what is wrong with it, as the command says it (issue 24: "which period?" only
    /// when none is given). The values of the request are not repeated: only dates the service has read itself.
    /// </summary>
    private static (ReportPeriod? Period, string? Title, string? Detail) Period(ProgramDefinition program, string? month, string? from, string? to, string? halfYear, bool final)
    {
        int given = (month is null ? 0 : 1) + (from is null && to is null ? 0 : 1) + (halfYear is null ? 0 : 1) + (final ? 1 : 0);
        if (given != 1)
        {
            return given == 0
                ? (null, "http.which-period.title", Texts.Get("http.which-period"))
                : (null, "http.one-period.title", Texts.Get("http.one-period"));
        }

        // The command's readings (ReportPeriod.TryParseMonth, TryParseHalfYear, IsoDates.TryParse): one rule for both.
        if (month is not null)
        {
            return ReportPeriod.TryParseMonth(month, out var monthly) ? (monthly, null, null) : (null, "http.bad-period.title", NotInCalendar("month", month) ?? Texts.Get("http.bad-month"));
        }

        if (halfYear is not null)
        {
            return ReportPeriod.TryParseHalfYear(halfYear, out var half) ? (half, null, null) : (null, "http.bad-period.title", NotInCalendar("halfYear", halfYear) ?? Texts.Get("http.bad-half-year"));
        }

        if (final)
        {
            var whole = program.Schedule.WholePeriod;
            return whole.Start is not null && whole.End is not null ? (ReportPeriod.Final(program), null, null)
                : (null, "http.no-final-period.title", Texts.Get($"http.no-final-period.{(whole.Start is null && whole.End is null ? "both" : whole.Start is null ? "start" : "end")}"));
        }

        if (from is null || to is null)
        {
            return (null, "http.bad-period.title", Texts.Get("http.from-to"));
        }

        if (!IsoDates.TryParse(from, out var first) || !IsoDates.TryParse(to, out var last))
        {
            return (null, "http.bad-period.title", NotInCalendar("from", from) ?? NotInCalendar("to", to) ?? Texts.Get("http.bad-from-to"));
        }

        return last >= first
            ? (ReportPeriod.Between(first, last), null, null)
            : (null, "http.bad-period.title", Texts.Format("http.period-backwards", IsoDates.Format(last), IsoDates.Format(first))); // dates as the service writes them, not as sent
    }

    /// <summary>
    /// A parameter of the right form that is not in the calendar, said as such (issue 24): <c>asOf finns inte i
    /// kalendern: februari 2021 har 28 dagar</c>; <c>null</c> for a form error. Only the year and month the service
    /// has read are named, not the value sent.
    /// </summary>
    private static string? NotInCalendar(string parameter, string text)
        => IsoDates.DescribeNonexistent(text) is { } why ? Texts.Format("http.not-in-calendar", parameter, why) : null;

    internal static Problem<Status404> NoProgram(string id, ProgramSet programs)
    {
        string all = string.Join(", ", programs.All.Select(p => p.Id));
        return HttpProblems.Problem<Status404>(
            "http.no-program.title",
            id.Length is > 0 and <= 64 && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-') && Privacy.PersonalIdentityNumbers.Redact(id) == id
                ? Texts.Format("http.no-program", id, all)
                : Texts.Format("http.no-program.unnamed", all));
    }
}
