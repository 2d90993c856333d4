using InclusionModel.Histories;
using InclusionModel.Lifecycle;
using InclusionModel.Programs;
using NodaTime;

namespace InclusionModel.Testing;

/// <summary>
/// Builds one valid history of a program from a random source: every move allowed, every enrolment in
/// the window, every phase within its minimum and maximum net of pauses, study days within bounds,
/// outcomes where required, completion only from the last phase.
/// </summary>
internal sealed class HistoryBuilder
{
    private static readonly LocalDate DefaultEarliest = new(2005, 1, 1);
    private static readonly LocalDate DefaultLatest = new(2025, 12, 31);

    private readonly ProgramDefinition _program;
    private readonly Random _random;
    private readonly List<HistoryEvent> _events = [];
    private LocalDate _date;
    private LocalDate? _openPhaseLimit;

    internal HistoryBuilder(ProgramDefinition program, Random random)
    {
        _program = program;
        _random = random;
    }

    internal GeneratedHistory Build(int participantNumber, bool requirePhase)
    {
        var window = _program.EnrolmentWindow;
        var earliest = window.Start ?? (window.End is { } end ? end.PlusYears(-6) : DefaultEarliest);
        var latest = window.End ?? (window.Start is { } start ? start.PlusYears(6) : DefaultLatest);
        _date = earliest.PlusDays(-_random.Next(0, 120));

        int episodes = requirePhase ? 1 : 1 + (_random.Next(0, 4) == 0 ? 1 : 0);
        // An episode needs at most about 75 days from referral to enrolment: start it early enough.
        for (int episode = 0; episode < episodes && _date < latest.PlusDays(-120); episode++)
        {
            Episode(latest, requirePhase, last: episode == episodes - 1);
        }

        var asOf = _date.PlusDays(_random.Next(0, 60));
        if (_openPhaseLimit is { } limit && asOf > limit)
        {
            asOf = limit;
        }

        var history = ParticipantHistory.Create(
            $"p-{participantNumber:D6}",
            _program.Id,
            _events,
            Pick(Enum.GetValues<Gender>()),
            _random.Next(0, 3) == 0 ? null : new LocalDate(1950 + _random.Next(0, 50), 1 + _random.Next(0, 12), 1 + _random.Next(0, 28)),
            _random.Next(0, 3) == 0 ? null : Pick(Enum.GetValues<EducationLevel>()));
        return new GeneratedHistory(_program, history, asOf);
    }

    private void Episode(LocalDate latestEnrolment, bool requirePhase, bool last)
    {
        _openPhaseLimit = null;
        Add(HistoryEvent.Referred(_date, _random.Next(0, 4) == 0 ? null : Pick(Enum.GetValues<ReferralSource>())));
        Step(0, 14);

        if (!requirePhase && _random.Next(0, 8) == 0)
        {
            Add(HistoryEvent.Assessed(_date, eligible: false));
            return;
        }

        Add(HistoryEvent.Assessed(_date, eligible: true));
        if (_random.Next(0, 4) == 0)
        {
            Step(0, 30);
            Add(HistoryEvent.Waitlisted(_date));
        }

        if (!requirePhase && _random.Next(0, 12) == 0)
        {
            Step(0, 30);
            Add(HistoryEvent.Exited(_date, Pick([ExitReason.Discontinued, ExitReason.Moved, ExitReason.Other])));
            FollowUpMaybe();
            return;
        }

        // Enrol inside the window.
        Step(0, 30);
        if (_program.EnrolmentWindow.Start is { } start && _date < start)
        {
            _date = start.PlusDays(_random.Next(0, 30));
        }

        if (_program.EnrolmentWindow.End is { } end && _date > end)
        {
            _date = end;
        }

        Add(HistoryEvent.Enrolled(_date));
        if (!requirePhase && _random.Next(0, 12) == 0)
        {
            Step(0, 30);
            Add(HistoryEvent.Exited(_date, ExitReason.Discontinued));
            FollowUpMaybe();
            return;
        }

        Step(0, 7);
        var phases = _program.Phases;
        int current = -1;
        while (true)
        {
            int next = NextPhase(current);
            if (next < 0)
            {
                break;
            }

            bool isLast = next == phases.Length - 1;
            var phase = phases[next];
            // Where the definition states no limit, any number of study days a week (0–5) is allowed.
            int? studyDays = _random.Next(0, 2) == 0 ? _random.Next(0, (phase.MaxStudyDaysPerWeek ?? 5) + 1) : null;
            Add(HistoryEvent.PhaseStarted(_date, phase.Id, studyDays));
            current = next;

            // Decide how this phase ends: the next phase, an exit, or still open at the end.
            int ending = _random.Next(0, 10);
            bool stayOpen = last && ending == 0;
            bool exitEarly = !isLast && ending == 1;
            var phaseStart = _date;
            int pausedDays = FillPhase(phase, leaveForNext: !stayOpen && !exitEarly);
            if (stayOpen)
            {
                _openPhaseLimit = phase.MaximumMonths is { } max ? PhaseDurations.AddMonths(phaseStart, max).PlusDays(pausedDays) : null;
                return;
            }

            if (exitEarly)
            {
                Add(Exit(completed: false));
                FollowUpMaybe();
                return;
            }

            if (isLast)
            {
                Add(Exit(completed: _random.Next(0, 3) != 0));
                FollowUpMaybe();
                return;
            }
        }
    }

    /// <summary>Fills a phase with activities and maybe a pause, moves the clock to the phase's end, and returns the paused days.</summary>
    private int FillPhase(PhaseDefinition phase, bool leaveForNext)
    {
        var start = _date;
        var lowest = phase.MinimumMonths is { } min && leaveForNext ? PhaseDurations.AddMonths(start, min) : start;
        var highest = PhaseDurations.AddMonths(start, phase.MaximumMonths ?? 18);
        if (highest < lowest)
        {
            highest = lowest;
        }

        int span = Period.DaysBetween(lowest, highest);
        var netEnd = lowest.PlusDays(_random.Next(0, span + 1));
        int netDays = Period.DaysBetween(start, netEnd);

        // Activities, and maybe one pause, inside the phase.
        int pausedDays = 0;
        int pauseAt = _random.Next(0, 4) == 0 && netDays > 2 ? _random.Next(1, netDays) : -1;
        int activities = _random.Next(0, 3);
        var offsets = Enumerable.Range(0, activities).Select(_ => _random.Next(0, netDays + 1)).Order().ToList();
        foreach (int offset in offsets.Where(o => pauseAt < 0 || o < pauseAt))
        {
            Add(Activity(start.PlusDays(offset)));
        }

        if (pauseAt >= 0)
        {
            pausedDays = _random.Next(1, 120);
            Add(HistoryEvent.Paused(start.PlusDays(pauseAt), _random.Next(0, 3) == 0 ? null : Pick(Enum.GetValues<PauseReason>())));
            Add(HistoryEvent.Resumed(start.PlusDays(pauseAt + pausedDays)));
            foreach (int offset in offsets.Where(o => o >= pauseAt))
            {
                Add(Activity(start.PlusDays(offset + pausedDays)));
            }
        }

        _date = netEnd.PlusDays(pausedDays);
        return pausedDays;
    }

    private HistoryEvent Activity(LocalDate on)
    {
        var kind = Pick(Enum.GetValues<ActivityKind>());
        InterviewResult? result = kind == ActivityKind.JobInterview && _random.Next(0, 2) == 0 ? Pick(Enum.GetValues<InterviewResult>()) : null;
        return HistoryEvent.Activity(on, kind, result);
    }

    private HistoryEvent Exit(bool completed)
    {
        var reason = completed ? ExitReason.Completed : Pick([ExitReason.EarlyExit, ExitReason.Discontinued, ExitReason.Moved, ExitReason.Other]);
        bool needsOutcome = reason is ExitReason.Completed or ExitReason.EarlyExit;
        Outcome? outcome = needsOutcome || _random.Next(0, 2) == 0 ? Pick(Enum.GetValues<Outcome>()) : null;
        EmploymentForm? form = outcome == Outcome.Work && _random.Next(0, 2) == 0 ? Pick(Enum.GetValues<EmploymentForm>()) : null;
        return HistoryEvent.Exited(_date, reason, outcome, form);
    }

    private void FollowUpMaybe()
    {
        if (_random.Next(0, 3) == 0)
        {
            Step(150, 200);
            var outcome = Pick(Enum.GetValues<Outcome>());
            Add(HistoryEvent.FollowedUp(_date, outcome, outcome == Outcome.Work && _random.Next(0, 2) == 0 ? Pick(Enum.GetValues<EmploymentForm>()) : null));
        }

        Step(1, 90);
    }

    private int NextPhase(int current)
    {
        var phases = _program.Phases;
        for (int next = current + 1; next < phases.Length; next++)
        {
            if (!phases[next].IsOptional || _random.Next(0, 2) == 0)
            {
                return next;
            }
        }

        return -1;
    }

    private void Step(int minDays, int maxDays) => _date = _date.PlusDays(_random.Next(minDays, maxDays + 1));

    private void Add(HistoryEvent e) => _events.Add(e);

    private T Pick<T>(T[] values) => values[_random.Next(0, values.Length)];
}
