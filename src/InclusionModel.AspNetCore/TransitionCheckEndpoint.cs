using System.Text.Json;
using System.Text.Json.Nodes;
using InclusionModel.Histories;
using InclusionModel.Programs;
using InclusionModel.Validation;
using Microsoft.AspNetCore.Http;
using NodaTime;

namespace InclusionModel.AspNetCore;

/// <summary>
/// <c>POST /transitions/check</c>: may this event be appended to this record now? The record (a §1 history) is
/// validated as it is and with the event appended, both as of the date; the answer lists the violations the
/// event alone adds (those the record already had are not its doing).
/// </summary>
internal static class TransitionCheckEndpoint
{
    private static readonly JsonWriterOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    internal static IResult Answer(HttpContext http, byte[] body, LocalDate asOf, ProgramSet programs)
    {
        JsonObject? request;
        try
        {
            request = JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException e)
        {
            return InclusionModelEndpointRouteBuilderExtensions.Problem(StatusCodes.Status400BadRequest, "Not JSON", $"the body is not valid JSON (line {e.LineNumber + 1})");
        }

        if (request is null || request["record"] is not JsonObject record || request["event"] is not JsonObject added || request.Count != 2)
        {
            return InclusionModelEndpointRouteBuilderExtensions.Problem(StatusCodes.Status400BadRequest, "Not a transition check", "the body is {\"record\": <a history>, \"event\": <an event>} and nothing else");
        }

        var reader = new HistoryReader(programs);
        var before = reader.Read(record.ToJsonString(), 1);
        if (!before.Success)
        {
            return InclusionModelEndpointRouteBuilderExtensions.Problem(StatusCodes.Status400BadRequest, "The record is malformed", $"$.record: {before.Reason}");
        }

        var appended = (JsonObject)record.DeepClone();
        (appended["events"] as JsonArray)?.Add(added.DeepClone());
        var after = reader.Read(appended.ToJsonString(), 1);
        if (!after.Success)
        {
            return InclusionModelEndpointRouteBuilderExtensions.Problem(StatusCodes.Status400BadRequest, "The event is malformed", $"$.event: {after.Reason}");
        }

        var validator = new HistoryValidator(programs);
        var was = validator.Validate(before.Value!, asOf);
        var now = validator.Validate(after.Value!, asOf);
        var already = was.Violations.Select(v => (v.Rule, v.EventIndex)).ToHashSet();
        var adds = now.Violations.Where(v => !already.Contains((v.Rule, v.EventIndex))).ToList();

        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            w.WriteBoolean("allowed", adds.Count == 0);
            w.WriteString("stateBefore", was.FinalState.Name is { } b ? Privacy.PersonalIdentityNumbers.Redact(b) : null);
            w.WriteString("stateAfter", now.FinalState.Name is { } a ? Privacy.PersonalIdentityNumbers.Redact(a) : null);
            w.WriteStartArray("violations");
            foreach (var v in adds)
            {
                JsonValidationReportWriter.WriteViolation(w, v);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return Results.Bytes(buffer.ToArray(), "application/json");
    }
}
