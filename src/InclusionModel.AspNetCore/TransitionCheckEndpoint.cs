using System.Text.Json;
using System.Text.Json.Nodes;
using InclusionModel.Histories;
using InclusionModel.Programs;
using InclusionModel.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace InclusionModel.AspNetCore;

/// <summary>
/// <c>POST /transitions/check</c>: may this event be appended to this record now? The record (a §1 history) is
/// validated as it is and with the event appended, both as of the date; the answer lists the violations the
/// event alone adds (those the record already had are not its doing). The body is read up to its own small limit
/// (<see cref="InclusionModelHttpOptions.MaxTransitionCheckBytes"/>) and scanned, not built into a tree: the
/// record is read by the history reader from its bytes, and the event spliced into its <c>events</c> array.
/// </summary>
internal static class TransitionCheckEndpoint
{
    private static readonly JsonWriterOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    internal static Results<Document<TransitionCheck>, Problem<Status400>, Problem<Status404>> Answer(ReadOnlyMemory<byte> body, LocalDate asOf, ProgramSet programs)
    {
        if (!TrySplit(body.Span, out var recordRange, out var eventRange, out long? badLine))
        {
            return badLine is { } line
                ? HttpProblems.Problem<Status400>("http.not-json.title", Texts.Format("http.not-json", TextTable.Line(line)))
                : HttpProblems.Problem<Status400>("http.not-check.title", Texts.Get("http.not-check"));
        }

        var record = body.Span[recordRange];
        var reader = new HistoryReader(programs);
        var before = reader.Read(record, 1);
        if (!before.Success)
        {
            return HttpProblems.Problem<Status400>("http.record-malformed", $"$.record: {before.Reason}");
        }

        if (!programs.TryGet(before.Value!.Program, out _))
        {
            return InclusionModelEndpoints.NoProgram(before.Value.Program, programs);
        }

        var after = reader.Read(Appended(record, body.Span[eventRange]), 1);
        if (!after.Success)
        {
            // The reader locates the fault in the record with the event appended ("events[3]: …"); the caller sent
            // one event, so the detail names it as $.event, not by an index in a record it never wrote.
            string appended = $"events[{before.Value.Events.Length}]: ";
            string reason = after.Reason!.StartsWith(appended, StringComparison.Ordinal) ? after.Reason[appended.Length..] : after.Reason;
            return HttpProblems.Problem<Status400>("http.event-malformed", $"$.event: {reason}");
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
        return new Document<TransitionCheck>(buffer.ToArray());
    }

    /// <summary>
    /// Finds the two values of <c>{"record": {…}, "event": {…}}</c>: an object with exactly these keys, each once,
    /// each an object. <paramref name="badLine"/> is the line of a JSON syntax error, if that is what is wrong.
    /// </summary>
    internal static bool TrySplit(ReadOnlySpan<byte> body, out Range record, out Range added, out long? badLine)
    {
        record = added = default;
        badLine = null;
        bool sawRecord = false, sawEvent = false;
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return Rest(ref reader, ref badLine);
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isRecord = reader.ValueTextEquals("record"u8), isEvent = !isRecord && reader.ValueTextEquals("event"u8);
                if (!(isRecord || isEvent) || (isRecord && sawRecord) || (isEvent && sawEvent) || !reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                {
                    return Rest(ref reader, ref badLine);
                }

                int start = (int)reader.TokenStartIndex;
                reader.Skip();
                var range = start..(int)reader.BytesConsumed;
                (record, added, sawRecord, sawEvent) = isRecord ? (range, added, true, sawEvent) : (record, range, sawRecord, true);
            }

            if (reader.TokenType != JsonTokenType.EndObject || !sawRecord || !sawEvent)
            {
                return Rest(ref reader, ref badLine);
            }

            return !reader.Read(); // a second value after the object is a syntax error (JsonException), as is anything unfinished
        }
        catch (JsonException e)
        {
            badLine = (e.LineNumber ?? 0) + 1;
            return false;
        }
    }

    /// <summary>The body is not a transition check: read on only to tell a JSON syntax error (and its line) from a wrong shape.</summary>
    private static bool Rest(ref Utf8JsonReader reader, ref long? badLine)
    {
        try
        {
            while (reader.Read())
            {
            }
        }
        catch (JsonException e)
        {
            badLine = (e.LineNumber ?? 0) + 1;
        }

        return false;
    }

    /// <summary>The record with the event added at the end of its <c>events</c> array (the record has been read, so the array is there, once).</summary>
    private static byte[] Appended(ReadOnlySpan<byte> record, ReadOnlySpan<byte> added)
    {
        var reader = new Utf8JsonReader(record);
        reader.Read(); // the record's {
        int end = -1;
        bool empty = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool events = reader.ValueTextEquals("events"u8);
            reader.Read();
            if (events && reader.TokenType == JsonTokenType.StartArray)
            {
                reader.Read();
                empty = reader.TokenType == JsonTokenType.EndArray;
                if (!empty)
                {
                    reader.Skip();
                    while (reader.TokenType != JsonTokenType.EndArray)
                    {
                        reader.Read();
                        reader.Skip();
                    }
                }

                end = (int)reader.TokenStartIndex;
                break;
            }

            reader.Skip();
        }

        var joined = new byte[record.Length + added.Length + 1];
        record[..end].CopyTo(joined);
        int at = end;
        if (!empty)
        {
            joined[at++] = (byte)',';
        }

        added.CopyTo(joined.AsSpan(at));
        at += added.Length;
        record[end..].CopyTo(joined.AsSpan(at));
        return joined[..(at + record.Length - end)];
    }

    /// <summary>The answer's shape, for the OpenAPI document only.</summary>
    internal sealed record TransitionCheckAnswer(bool Allowed, string? StateBefore, string? StateAfter, JsonArray Violations);
}
