using System.Buffers;
using System.Text;
using System.Text.Json;
using InclusionModel.Contract;

namespace InclusionModel.Histories;

/// <summary>
/// Writes participant histories as NDJSON lines of docs/interchange-contract.md §1. What <see cref="HistoryReader"/>
/// reads back equals what was written; absent optional fields are left out, never written as <c>null</c>.
/// </summary>
public static class HistoryWriter
{
    /// <summary>Writes <paramref name="history"/> as one JSON object (no line end).</summary>
    /// <param name="writer">The JSON writer.</param>
    /// <param name="history">The history.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(Utf8JsonWriter writer, ParticipantHistory history)
    {
        Preconditions.CheckNotNull(writer);
        Preconditions.CheckNotNull(history);
        writer.WriteStartObject();
        writer.WriteString("participant"u8, history.Participant);
        writer.WriteString("program"u8, history.Program);
        if (history.Gender != Gender.Unspecified)
        {
            writer.WriteString("gender"u8, ContractNames<Gender>.Utf8Name(history.Gender));
        }

        if (history.BirthDate is { } birthDate)
        {
            writer.WriteString("birthDate"u8, IsoDates.Format(birthDate));
        }

        if (history.EducationLevel is { } education)
        {
            writer.WriteString("educationLevel"u8, ContractNames<EducationLevel>.Utf8Name(education));
        }

        writer.WriteStartArray("events"u8);
        foreach (var e in history.Events)
        {
            WriteEvent(writer, e);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Writes <paramref name="history"/> as one NDJSON line, without its line end.</summary>
    /// <param name="history">The history.</param>
    /// <returns>The line.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is null.</exception>
    public static string ToLine(ParticipantHistory history)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, history);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteEvent(Utf8JsonWriter writer, HistoryEvent e)
    {
        writer.WriteStartObject();
        writer.WriteString("on"u8, IsoDates.Format(e.On));
        writer.WriteString("type"u8, e.TypeName);
        WriteOptional(writer, "from"u8, e.From);
        if (e.Eligible is { } eligible)
        {
            writer.WriteBoolean("eligible"u8, eligible);
        }

        if (e.Phase is { } phase)
        {
            writer.WriteString("phase"u8, phase);
        }

        if (e.StudyDaysPerWeek is { } days)
        {
            writer.WriteNumber("studyDaysPerWeek"u8, days);
        }

        WriteOptional(writer, "reason"u8, e.PauseReason);
        WriteOptional(writer, "reason"u8, e.ExitReason);
        WriteOptional(writer, "kind"u8, e.ActivityKind);
        WriteOptional(writer, "result"u8, e.Result);
        WriteOptional(writer, "outcome"u8, e.Outcome);
        WriteOptional(writer, "employmentForm"u8, e.EmploymentForm);
        WriteOptional(writer, "subsidy"u8, e.Subsidy);
        if (e.SelfSupporting is { } selfSupporting)
        {
            writer.WriteBoolean("selfSupporting"u8, selfSupporting);
        }

        writer.WriteEndObject();
    }

    private static void WriteOptional<T>(Utf8JsonWriter writer, ReadOnlySpan<byte> name, T? value)
        where T : struct, Enum
    {
        if (value is { } v)
        {
            writer.WriteString(name, ContractNames<T>.Utf8Name(v));
        }
    }
}
