using InclusionModel.Histories;

namespace InclusionModel.Testing;

/// <summary>Targeted mutations of a valid history, each of which breaks one named rule.</summary>
public static class HistoryMutations
{
    /// <summary>
    /// Dates event <paramref name="index"/> <paramref name="daysBefore"/> days before its predecessor:
    /// breaks <c>date-order</c>.
    /// </summary>
    /// <param name="history">A history.</param>
    /// <param name="index">An event index from 1.</param>
    /// <param name="daysBefore">How many days before the predecessor, from 1.</param>
    /// <returns>The mutated history.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> or <paramref name="daysBefore"/> is out of range.</exception>
    public static ParticipantHistory MoveBeforePredecessor(ParticipantHistory history, int index, int daysBefore)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentOutOfRangeException.ThrowIfLessThan(index, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, history.Events.Length);
        ArgumentOutOfRangeException.ThrowIfLessThan(daysBefore, 1);
        var events = history.Events.ToArray();
        events[index] = events[index].WithDate(events[index - 1].On.PlusDays(-daysBefore));
        return history.WithEvents(events);
    }

    /// <summary>
    /// Removes the first <c>enrolled</c> event: when a phase start follows it, that start breaks
    /// <c>transition-not-allowed</c>.
    /// </summary>
    /// <param name="history">A history with an <c>enrolled</c> event.</param>
    /// <returns>The mutated history.</returns>
    /// <exception cref="ArgumentException">The history has no <c>enrolled</c> event.</exception>
    public static ParticipantHistory RemoveFirstEnrolment(ParticipantHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        int index = -1;
        for (int i = 0; i < history.Events.Length && index < 0; i++)
        {
            index = history.Events[i].Type == EventType.Enrolled ? i : -1;
        }

        if (index < 0)
        {
            throw new ArgumentException("The history has no enrolled event.", nameof(history));
        }

        return history.WithEvents(history.Events.RemoveAt(index));
    }
}
