using InclusionModel.IO;
using InclusionModel.Programs;
using InclusionModel.Validation;
using Microsoft.AspNetCore.Http;
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
    internal static async Task<IResult> Answer(HttpContext http, InclusionModelHttpOptions options, LocalDate asOf, bool people, ILogger log)
    {
        string? boundary = MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type) ? HeaderUtilities.RemoveQuotes(type.Boundary).Value : null;
        if (string.IsNullOrEmpty(boundary))
        {
            return InclusionModelEndpointRouteBuilderExtensions.Problem(StatusCodes.Status400BadRequest, "Not multipart", "the body is multipart/form-data with a boundary");
        }

        var file = new Spool();
        try
        {
            byte[]? candidate = null, baseline = null;
            bool sawFile = false;
            var reader = new MultipartReader(boundary, http.Request.Body);
            try
            {
                long total = 0;
                while (await reader.ReadNextSectionAsync(http.RequestAborted).ConfigureAwait(false) is { } section)
                {
                    string? name = ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) ? HeaderUtilities.RemoveQuotes(disposition.Name).Value : null;
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
                            return InclusionModelEndpointRouteBuilderExtensions.Problem(StatusCodes.Status400BadRequest, "Unknown part", $"the parts are file, candidate and baseline, not '{Privacy.PersonalIdentityNumbers.SafeToQuote(name ?? "")}'");
                    }
                }
            }
            catch (BodyTooLargeException)
            {
                return InclusionModelEndpointRouteBuilderExtensions.Problem(StatusCodes.Status413PayloadTooLarge, "The body is too large", $"the file is larger than {options.MaxBodyBytes} bytes, or a definition than {ProgramDefinitionLimits.MaxFileBytes}");
            }
            catch (IOException e) when (e is not BodyTooLargeException)
            {
                return InclusionModelEndpointRouteBuilderExtensions.Problem(StatusCodes.Status400BadRequest, "Not multipart", "the body is not a well-formed multipart/form-data document");
            }

            if (!sawFile || candidate is null)
            {
                return InclusionModelEndpointRouteBuilderExtensions.Problem(StatusCodes.Status400BadRequest, "Missing part", "the body needs a 'file' part and a 'candidate' part");
            }

            var changed = ProgramDefinitionJson.Parse(candidate);
            if (!changed.Success)
            {
                return InclusionModelEndpointRouteBuilderExtensions.Problem(StatusCodes.Status400BadRequest, "The candidate is invalid", string.Join("; ", changed.Problems));
            }

            ProgramDefinition current;
            if (baseline is not null)
            {
                var parsed = ProgramDefinitionJson.Parse(baseline);
                if (!parsed.Success)
                {
                    return InclusionModelEndpointRouteBuilderExtensions.Problem(StatusCodes.Status400BadRequest, "The baseline is invalid", string.Join("; ", parsed.Problems));
                }

                current = parsed.Program!;
            }
            else if (!options.Programs.TryGet(changed.Program!.Id, out current!))
            {
                return InclusionModelEndpointRouteBuilderExtensions.NoProgram(changed.Program.Id, options.Programs);
            }

            if (current.Id != changed.Program!.Id)
            {
                return InclusionModelEndpointRouteBuilderExtensions.Problem(StatusCodes.Status400BadRequest, "Two programs", $"the baseline defines '{current.Id}' and the candidate '{changed.Program.Id}'; compare two definitions of one program");
            }

            var impact = new RuleChangeImpact(current, changed.Program, options.Programs);
            var output = new Spool();
            try
            {
                using var writer = new RuleChangeJsonWriter();
                await using var input = file.OpenRead();
                long records;
                if (people)
                {
                    var result = await Task.Run(() => impact.ComparePeople(input, writer.People, cancellationToken: http.RequestAborted), http.RequestAborted).ConfigureAwait(false);
                    writer.WritePeople(output, result, impact.Differences);
                    records = result.Read;
                }
                else
                {
                    var result = await Task.Run(() => impact.CompareHistories(input, asOf, writer.Histories, http.RequestAborted), http.RequestAborted).ConfigureAwait(false);
                    writer.WriteHistories(output, result);
                    records = result.Read;
                }

                log.LogInformation("{Endpoint}: {Records} records", "compare", records);
                return new InclusionModelEndpointRouteBuilderExtensions.SpoolResult(output);
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
}
