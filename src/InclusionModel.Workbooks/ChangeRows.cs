using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using InclusionModel.RuleChanges;

namespace InclusionModel.Workbooks;

/// <summary>
/// A comparison's changes as they arrive, kept in an owner-only temporary file (deleted when closed, however the
/// run ends) until the summary before them is known: memory does not grow with the changes. One JSON array a
/// line: the line number, the id, then each side (its verdict or decision, and its rules). Read back as the
/// changes they were, so the workbook's words are chosen when it is written, as for every other sheet.
/// </summary>
internal sealed class ChangeRows : IDisposable
{
    private FileStream? _file;

    internal void Add(VerdictChange change) => Add(change.Line, change.Participant, w =>
    {
        w.WriteBooleanValue(change.Baseline.Valid);
        Rules(w, change.Baseline.Rules);
        w.WriteBooleanValue(change.Candidate.Valid);
        Rules(w, change.Candidate.Rules);
    });

    internal void Add(PersonChange change) => Add(change.Line, change.Person, w =>
    {
        w.WriteStringValue(change.Baseline.Decision);
        Rules(w, change.Baseline.Rules);
        w.WriteStringValue(change.Candidate.Decision);
        Rules(w, change.Candidate.Rules);
    });

    /// <summary>The records whose verdict changed, in the order they came. Read once.</summary>
    internal IEnumerable<VerdictChange> Histories() => Read(f => new VerdictChange(
        f[0].GetInt64(), f[1].GetString(), new VerdictSide(f[2].GetBoolean(), Rules(f[3])), new VerdictSide(f[4].GetBoolean(), Rules(f[5]))));

    /// <summary>The people whose decision changed, in the order they came. Read once.</summary>
    internal IEnumerable<PersonChange> People() => Read(f => new PersonChange(
        f[0].GetInt64(), f[1].GetString(), new PersonSide(f[2].GetString()!, Rules(f[3])), new PersonSide(f[4].GetString()!, Rules(f[5]))));

    public void Dispose() => _file?.Dispose();

    private void Add(long line, string? id, Action<Utf8JsonWriter> sides)
    {
        _file ??= Create();
        using (var writer = new Utf8JsonWriter(_file))
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(line);
            if (id is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                writer.WriteStringValue(id);
            }

            sides(writer);
            writer.WriteEndArray();
        }

        _file.WriteByte((byte)'\n');
    }

    private IEnumerable<T> Read<T>(Func<JsonElement[], T> change)
    {
        if (_file is null)
        {
            yield break;
        }

        _file.Flush();
        _file.Position = 0;
        using var reader = new StreamReader(_file, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16, leaveOpen: true);
        while (reader.ReadLine() is { } line)
        {
            using var row = JsonDocument.Parse(line);
            yield return change([.. row.RootElement.EnumerateArray()]);
        }
    }

    private static void Rules(Utf8JsonWriter w, ImmutableArray<string> rules)
    {
        w.WriteStartArray();
        foreach (string rule in rules)
        {
            w.WriteStringValue(rule);
        }

        w.WriteEndArray();
    }

    private static ImmutableArray<string> Rules(JsonElement rules) => [.. rules.EnumerateArray().Select(r => r.GetString()!)];

    private static FileStream Create()
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.ReadWrite, Options = FileOptions.DeleteOnClose, BufferSize = 1 << 16 };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite; // owner-only: the rows name participants
        }

        return new FileStream(Path.Combine(Path.GetTempPath(), $"inclusion-workbook-{Guid.NewGuid():N}.tmp"), options);
    }
}
