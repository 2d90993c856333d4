using InclusionModel.Histories;
using InclusionModel.Programs;

namespace InclusionModel.Testing;

/// <summary>Shrinks valid generated histories to simpler valid ones: fewer events, then earlier dates.</summary>
public static class HistoryShrinker
{
    /// <summary>
    /// Simpler valid histories: prefixes (fewest events first), the history without one of its activities
    /// (which change no state), then the same history moved as early as its
    /// program allows in steps of four years (its first enrolment on or after the enrolment window's first
    /// day, or 2000-01-01 when the window has no start). Four-year steps keep every month's length and every
    /// leap day, so calendar-month durations do not change.
    /// </summary>
    /// <param name="generated">A valid generated history.</param>
    /// <returns>Simpler histories, simplest first.</returns>
    public static IEnumerable<GeneratedHistory> Shrink(GeneratedHistory generated)
    {
        ArgumentNullException.ThrowIfNull(generated);
        foreach (var prefix in HistoryGenerators.ShrinkToPrefixes(generated))
        {
            yield return prefix;
        }

        // Activities change no state: each can go without the history becoming invalid.
        var events = generated.History.Events;
        for (int i = 0; i < events.Length; i++)
        {
            if (events[i].Type == EventType.Activity)
            {
                yield return generated with { History = generated.History.WithEvents(events.RemoveAt(i)) };
            }
        }

        if (Earliest(generated) is { } earlier)
        {
            yield return earlier;
        }
    }

    /// <summary>The history moved by <paramref name="days"/> days, as-of date included (month lengths may then change its durations).</summary>
    /// <param name="generated">A generated history.</param>
    /// <param name="days">Days to add (negative: earlier).</param>
    /// <returns>The moved history.</returns>
    public static GeneratedHistory Shift(GeneratedHistory generated, int days)
    {
        ArgumentNullException.ThrowIfNull(generated);
        return generated with { History = generated.History.WithEvents(generated.History.Events.Select(e => e.WithDate(e.On.PlusDays(days)))), AsOf = generated.AsOf.PlusDays(days) };
    }

    private static GeneratedHistory? Earliest(GeneratedHistory generated)
    {
        int first = generated.History.Events.ToList().FindIndex(e => e.Type == EventType.Enrolled);
        if (first < 0)
        {
            return null;
        }

        var floor = generated.Program.EnrolmentWindow.Start ?? new NodaTime.LocalDate(2000, 1, 1);
        var enrolled = generated.History.Events[first].On;
        int steps = 0;
        while (enrolled.PlusYears(-4 * (steps + 1)) >= floor)
        {
            steps++;
        }

        int years = -4 * steps;
        return years == 0 ? null : generated with
        {
            History = generated.History.WithEvents(generated.History.Events.Select(e => e.WithDate(e.On.PlusYears(years)))),
            AsOf = generated.AsOf.PlusYears(years),
        };
    }
}
