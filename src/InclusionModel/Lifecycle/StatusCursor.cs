using NodaTime;

namespace InclusionModel.Lifecycle;

/// <summary>
/// The replay's working copy of a <see cref="ParticipantStatus"/>: the state as a table index and the
/// phase clock as plain fields, so that a move costs a few integer operations. The one place where a
/// move updates the phase start and the paused days.
/// </summary>
internal struct StatusCursor
{
    internal int State;
    internal LocalDate PhaseStart;
    internal int PausedDays;
    internal LocalDate PausedOn;
    internal int PausedOnDay;
    internal bool IsPaused;

    internal static StatusCursor From(ProgramLifecycle lifecycle, ParticipantStatus status)
        => new()
        {
            State = lifecycle.StateIndex(status.State),
            PhaseStart = status.PhaseStartedOn ?? default,
            PausedDays = status.PausedDays,
            PausedOn = status.PausedOn ?? default,
            PausedOnDay = status.PausedOn is { } on ? IsoDates.DayNumber(on) : 0,
            IsPaused = status.State.Kind == StateKind.Paused,
        };

    /// <summary>The paused days inside the current phase up to the day <paramref name="day"/>, an open pause included.</summary>
    internal readonly int PausedDaysUntil(int day)
        => PausedDays + (IsPaused ? Math.Max(0, day - PausedOnDay) : 0);

    /// <summary>Makes the move of <paramref name="cell"/> on <paramref name="on"/> (day number <paramref name="day"/>).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal void Move(CompiledTransition cell, LocalDate on, int day)
    {
        switch (cell.Clock)
        {
            case ClockMove.Stay:
                return;
            case ClockMove.EnterPhase:
                PhaseStart = on;
                PausedDays = 0;
                break;
            case ClockMove.Pause:
                PausedOn = on;
                PausedOnDay = day;
                IsPaused = true;
                break;
            case ClockMove.Resume:
                PausedDays += Math.Max(0, day - PausedOnDay);
                IsPaused = false;
                break;
            default:
                PausedDays = 0;
                IsPaused = false;
                break;
        }

        State = cell.Target;
    }

    internal readonly ParticipantStatus ToStatus(ProgramLifecycle lifecycle)
    {
        var state = lifecycle.StateAt(State);
        return state.Kind switch
        {
            StateKind.Phase => new ParticipantStatus(state, PhaseStart, PausedDays, null),
            StateKind.Paused => new ParticipantStatus(state, PhaseStart, PausedDays, PausedOn),
            _ => new ParticipantStatus(state, null, 0, null),
        };
    }
}
