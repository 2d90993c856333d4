using System.Text;
using System.Text.Json;
using InclusionModel.Histories;
using InclusionModel.Programs;
using InclusionModel.Testing;
using NodaTime;

namespace InclusionModel.Benchmarks;

/// <summary>
/// The shared workload: valid generated histories of every catalogue program, cut so that they hold
/// exactly <see cref="EventCount"/> events, each with the as-of date it validates clean on.
/// </summary>
public static class Workload
{
    public const int EventCount = 100_000;

    public static IReadOnlyList<GeneratedHistory> Histories { get; } = Build();

    private static IReadOnlyList<GeneratedHistory> Build()
    {
        var programs = ProgramCatalogue.BuiltIn.All;
        var result = new List<GeneratedHistory>();
        int events = 0;
        int round = 0;
        while (events < EventCount)
        {
            foreach (var generated in programs.SelectMany(p => HistoryGenerators.Sample(p, 100, seed: (round * 31) + p.Id.Length)))
            {
                int room = EventCount - events;
                if (room <= 0)
                {
                    break;
                }

                var history = generated.History;
                if (history.Events.Length > room)
                {
                    var prefix = history.Events.Take(room).ToArray();
                    result.Add(generated with { History = history.WithEvents(prefix), AsOf = prefix[^1].On });
                }
                else
                {
                    result.Add(generated);
                }

                events += Math.Min(room, history.Events.Length);
            }

            round++;
        }

        return result;
    }

    /// <summary>
    /// The workload as NDJSON, repeated until it is at least <paramref name="minimumBytes"/> long. Every line
    /// has a participant id of its own (<c>b{n}</c>), so that no repetition is a <c>duplicate-participant</c>:
    /// the file is what a real export of that many distinct participants looks like.
    /// </summary>
    public static byte[] Ndjson(int minimumBytes)
    {
        var lines = new MemoryStream();
        int n = 0;
        while (lines.Length < minimumBytes)
        {
            foreach (var generated in Histories)
            {
                var h = generated.History;
                var distinct = ParticipantHistory.Create($"b{n++}", h.Program, h.Events, h.Gender, h.BirthDate, h.EducationLevel);
                using (var writer = new Utf8JsonWriter(lines))
                {
                    HistoryWriter.Write(writer, distinct);
                }

                lines.WriteByte((byte)'\n');
            }
        }

        return lines.ToArray();
    }

    public static LocalDate LatestAsOf => Histories.Max(h => h.AsOf);
}
