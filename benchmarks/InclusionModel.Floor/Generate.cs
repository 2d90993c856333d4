using System.Text.Json;
using InclusionModel.Histories;
using InclusionModel.Programs;
using InclusionModel.Testing;
using NodaTime;

namespace InclusionModel.Floor;

/// <summary>
/// A large realistic export: valid generated histories of all seven catalogue programs (pauses, activities,
/// exits and follow-ups as <see cref="HistoryGenerators"/> makes them), each line with a participant of its
/// own, and among them, at fixed rates, records that break <c>date-order</c> or <c>transition-not-allowed</c>,
/// repeated participants and lines cut short (malformed). Fixed seeds: the same size gives the same file.
/// </summary>
public static class Generate
{
    /// <summary>Writes at least <paramref name="megabytes"/> MB and returns the as-of date every valid record validates on.</summary>
    public static (long Records, long Bytes, LocalDate AsOf) Run(string path, int megabytes)
    {
        var pool = ProgramCatalogue.BuiltIn.All
            .SelectMany(p => HistoryGenerators.Sample(p, 2_000, seed: 11 + p.Id.Length))
            .ToArray();
        var asOf = pool.Max(g => g.AsOf);
        var random = new Random(2026);
        long target = (long)megabytes * 1_000_000;
        long records = 0;
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var buffer = new MemoryStream();
        while (file.Length < target)
        {
            foreach (var generated in pool)
            {
                var h = generated.History;
                string id = random.Next(500) == 0 && records > 0 ? $"x{random.NextInt64(records)}" : $"x{records}";
                var history = ParticipantHistory.Create(id, h.Program, h.Events, h.Gender, h.BirthDate, h.EducationLevel);
                int fault = random.Next(100);
                if (fault < 2 && history.Events.Length > 2)
                {
                    history = HistoryMutations.MoveBeforePredecessor(history, 1 + random.Next(history.Events.Length - 1), 1 + random.Next(30));
                }
                else if (fault < 3 && history.Events.Length > 1 && history.Events.Any(e => e.Type == EventType.Enrolled))
                {
                    history = HistoryMutations.RemoveFirstEnrolment(history);
                }

                buffer.SetLength(0);
                using (var writer = new Utf8JsonWriter(buffer))
                {
                    HistoryWriter.Write(writer, history);
                }

                int length = (int)buffer.Length;
                if (random.Next(1_000) == 0)
                {
                    length /= 2; // a line cut short: malformed
                }

                file.Write(buffer.GetBuffer(), 0, length);
                file.WriteByte((byte)'\n');
                records++;
            }
        }

        return (records, file.Length, asOf);
    }
}
