using InclusionModel.IO;
using InclusionModel.Programs;
using InclusionModel.RuleChanges;
using InclusionModel.Validation;
using InclusionModel.Workbooks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;
using NodaTime;

namespace InclusionModel.AspNetCore;

/// <summary>
/// <c>POST /compare</c>: a multipart body with <c>file</c> (NDJSON), <c>candidate</c> (a definition) and, when the
/// candidate is not of a known program, <c>baseline</c>. The parts are read as they arrive: the file into an
/// owner-only temporary spool (under the body limit), the definitions into memory (each at most 1 MiB).
/// </summary>
internal static class CompareEndpoint
{
    internal static async Task<Results<Document<JsonOrWorkbook>, Problem<Status400>, Problem<Status404>, Problem<Status413>>> Answer(HttpContext http, InclusionModelHttpOptions options, LocalDate asOf, bool people, ILogger log)
    {
        string? boundary = MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type) ? HeaderUtilities.RemoveQuotes(type.Boundary).Value : null;
        if (string.IsNullOrEmpty(boundary))
        {
            return HttpProblems.Problem<Status400>("http.not-multipart.title", Texts.Get("http.not-multipart"));
        }

        var file = new Spool();
        try
        {
            byte[]? candidate = null, baseline = null;
            bool sawFile = false;
            var reader = new MultipartReader(boundary, http.Request.Body); // headers of a part: at most 16 KiB, 16 of them (else InvalidDataException)
            try
            {
                long total = 0;
                while (await reader.ReadNextSectionAsync(http.RequestAborted).ConfigureAwait(false) is { } section)
                {
                    string? name = ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) ? HeaderUtilities.RemoveQuotes(disposition.Name).Value : null;
                    if ((name == "file" && sawFile) || (name == "candidate" && candidate is not null) || (name == "baseline" && baseline is not null))
                    {
                        // Each part once: a second one is refused rather than joined to the first or taking its place.
                        return HttpProblems.Problem<Status400>("http.part.title", Texts.Format("http.part-twice", name));
                    }

                    using var limited = new LimitedStream(section.Body, name == "file" ? options.MaxBodyBytes - total : ProgramDefinitionLimits.MaxFileBytes);
                    switch (name)
                    {
                        case "file":
                            await limited.CopyToAsync(file, http.RequestAborted).ConfigureAwait(false);
                            total += file.Length;
                            sawFile = true;
                            break;
                        case "candidate":
                            candidate = await Read(limited, http.RequestAborted).ConfigureAwait(false);
                            break;
                        case "baseline":
                            baseline = await Read(limited, http.RequestAborted).ConfigureAwait(false);
                            break;
                        default:
                            return HttpProblems.Problem<Status400>("http.part.title", Texts.Get("http.unknown-part"));
                    }
                }
            }
            catch (BodyTooLargeException)
            {
                return HttpProblems.Problem<Status413>("http.title.413", Texts.Format("http.compare-too-large", options.MaxBodyBytes, (long)ProgramDefinitionLimits.MaxFileBytes));
            }
            catch (Exception e) when (e is InvalidDataException || (e is IOException && e is not (BadHttpRequestException or BodyTooSlowException)))
            {
                // A malformed document, or a part's headers over the reader's limits; the server's own refusals
                // (413 over its limit) and a body that came too slowly are answered by the upload filter.
                return HttpProblems.Problem<Status400>("http.not-multipart.title", Texts.Get("http.bad-multipart"));
            }

            if (!sawFile || candidate is null)
            {
                return HttpProblems.Problem<Status400>("http.part.title", Texts.Get("http.missing-part"));
            }

            var changed = ProgramDefinitionJson.Parse(candidate);
            if (!changed.Success)
            {
                return HttpProblems.Problem<Status400>("http.candidate-invalid", string.Join("; ", changed.Problems));
            }

            ProgramDefinition current;
            if (baseline is not null)
            {
                var parsed = ProgramDefinitionJson.Parse(baseline);
                if (!parsed.Success)
                {
                    return HttpProblems.Problem<Status400>("http.baseline-invalid", string.Join("; ", parsed.Problems));
                }

                current = parsed.Program!;
            }
            else if (!options.Programs.TryGet(changed.Program!.Id, out current!))
            {
                return InclusionModelEndpoints.NoProgram(changed.Program.Id, options.Programs);
            }

            if (current.Id != changed.Program!.Id)
            {
                return HttpProblems.Problem<Status400>("http.two-programs.title", Texts.Format("http.two-programs", current.Id, changed.Program.Id));
            }

            var impact = new RuleChangeImpact(current, changed.Program, options.Programs) { MaxLineBytes = options.MaxLineBytes };
            bool workbook = ContentNegotiation.WantsWorkbook(http.Request);
            var output = new Spool();
            try
            {
                using var writer = new RuleChangeJsonWriter();
                using var sheet = new ComparisonWorkbook(); // the changes in an owner-only temporary file, as the JSON writer's spool

                await using var input = file.OpenRead();
                long records;
                if (people)
                {
                    var result = await Task.Run(() => impact.ComparePeople(input, workbook ? sheet.People : writer.People, cancellationToken: http.RequestAborted), http.RequestAborted).ConfigureAwait(false);
                    if (workbook)
                    {
                        sheet.WritePeople(result, impact.Differences, output);
                    }
                    else
                    {
                        writer.WritePeople(output, result, impact.Differences);
                    }

                    records = result.Read;
                }
                else
                {
                    var result = await Task.Run(() => impact.CompareHistories(input, asOf, workbook ? sheet.Histories : writer.Histories, http.RequestAborted), http.RequestAborted).ConfigureAwait(false);
                    if (workbook)
                    {
                        sheet.WriteHistories(result, current.Name, output);
                    }
                    else
                    {
                        writer.WriteHistories(output, result);
                    }

                    records = result.Read;
                }

                log.LogInformation("{Endpoint}: {Records} records", "compare", records);
                return workbook ? Document<JsonOrWorkbook>.Workbook(output) : new Document<JsonOrWorkbook>(output);
            }
            catch
            {
                output.Dispose();
                throw;
            }
        }
        finally
        {
            file.Dispose();
        }
    }

    private static async Task<byte[]> Read(Stream part, CancellationToken cancellationToken)
    {
        using var memory = new MemoryStream();
        await part.CopyToAsync(memory, cancellationToken).ConfigureAwait(false);
        return memory.ToArray();
    }

    /// <summary>The parts of the body, each at most once, for the OpenAPI document only.</summary>
    internal sealed class Parts
    {
        /// <summary>The histories (NDJSON), or the eligibility lines with <c>people=true</c>.</summary>
        public required IFormFile File { get; init; }

        /// <summary>The candidate definition (JSON).</summary>
        public required IFormFile Candidate { get; init; }

        /// <summary>The baseline definition (JSON), when the candidate is not of a known program.</summary>
        public IFormFile? Baseline { get; init; }
    }
}
