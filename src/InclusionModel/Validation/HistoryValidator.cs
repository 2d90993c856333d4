using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using InclusionModel.Contract;
using InclusionModel.Histories;
using InclusionModel.Lifecycle;
using InclusionModel.Programs;
using NodaTime;

namespace InclusionModel.Validation;

/// <summary>
/// Replays participant histories against their program's lifecycle and reports every violation of the
/// rules of docs/interchange-contract.md §3. A pure function of the program, the history, the as-of date and, for
/// <c>capacity-exceeded</c>, the run's <see cref="CapacityPlan"/>. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// <para>Events that break <c>unknown-event</c>, <c>unknown-phase</c>, <c>transition-not-allowed</c> or
/// <c>phase-order</c> are not applied; after any other violation the move is still applied.</para>
/// <para>The replay reads the transition table compiled from each program's Stateless definition and does
/// not allocate for an event that breaks no rule.</para>
/// </remarks>
public sealed class HistoryValidator
{
    /// <summary>Creates a validator over <paramref name="programs"/>.</summary>
    /// <param name="programs">The programs histories may refer to; default the built-in catalogue.</param>
    public HistoryValidator(ProgramSet? programs = null)
    {
        Programs = programs ?? ProgramCatalogue.BuiltIn;
    }

    /// <summary>The programs histories may refer to.</summary>
    public ProgramSet Programs { get; }

    /// <summary>Starts the first pass of a run that checks <c>capacity-exceeded</c>.</summary>
    /// <returns>An empty ledger for this validator's programs.</returns>
    public EnrolmentLedger CreateLedger() => new(this);

    /// <summary>Validates one history on its own, as of <paramref name="asOf"/>.</summary>
    /// <param name="history">The history.</param>
    /// <param name="asOf">The as-of date: later events break <c>future-date</c>; an open phase is measured to it.</param>
    /// <param name="capacity">The run's capacity verdicts; default <see cref="CapacityPlan.Unchecked"/> (places are not checked).</param>
    /// <param name="sequence">The history's position in the run, as given to <see cref="EnrolmentLedger.Observe"/>.</param>
    /// <returns>The verdict.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is null.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public HistoryValidationResult Validate(ParticipantHistory history, LocalDate asOf, CapacityPlan? capacity = null, long sequence = 0)
    {
        Preconditions.CheckNotNull(history);
        var violations = RentViolationList();
        var status = Replay(history, asOf, capacity ?? CapacityPlan.Unchecked, sequence, violations, null, out var program);
        return Result(history.ParticipantLooksLikeIdentityNumber ? null : history.Participant, history.Program, program, status, ToImmutable(violations), asOf);
    }

    /// <summary>Validates one history as of today's date in <paramref name="zone"/> by <paramref name="clock"/>.</summary>
    /// <param name="history">The history.</param>
    /// <param name="clock">The clock that says what day it is.</param>
    /// <param name="zone">The time zone whose date is meant.</param>
    /// <returns>The verdict.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public HistoryValidationResult Validate(ParticipantHistory history, IClock clock, DateTimeZone zone)
        => Validate(history, Preconditions.CheckNotNull(clock).GetCurrentInstant().InZone(Preconditions.CheckNotNull(zone)).Date);

    /// <summary>
    /// Validates one history into a caller-owned list, for bulk use: an event that breaks no rule costs no
    /// allocation. The list is not cleared first.
    /// </summary>
    /// <param name="history">The history.</param>
    /// <param name="asOf">The as-of date.</param>
    /// <param name="violations">Receives every violation.</param>
    /// <param name="capacity">The run's capacity verdicts; default <see cref="CapacityPlan.Unchecked"/>.</param>
    /// <param name="sequence">The history's position in the run.</param>
    /// <returns>The status after the last applied event.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> or <paramref name="violations"/> is null.</exception>
    public ParticipantStatus Validate(ParticipantHistory history, LocalDate asOf, List<Violation> violations, CapacityPlan? capacity = null, long sequence = 0)
        => Replay(Preconditions.CheckNotNull(history), asOf, capacity ?? CapacityPlan.Unchecked, sequence, Preconditions.CheckNotNull(violations), null, out _);

    /// <summary>
    /// Validates a whole run held in memory, capacity and duplicates included: the first pass counts
    /// enrolments, the second validates, and a history whose participant and program an earlier one has
    /// breaks <c>duplicate-participant</c>. Each history's sequence is its index in the list.
    /// </summary>
    /// <param name="histories">The run.</param>
    /// <param name="asOf">The as-of date.</param>
    /// <returns>One verdict per history, in order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="histories"/> or one of them is null.</exception>
    public ImmutableArray<HistoryValidationResult> ValidateAll(IReadOnlyList<ParticipantHistory> histories, LocalDate asOf)
    {
        Preconditions.CheckNotNull(histories);
        var ledger = CreateLedger();
        for (int i = 0; i < histories.Count; i++)
        {
            ledger.Observe(histories[i], i);
        }

        var plan = ledger.ToPlan();
        var results = ImmutableArray.CreateBuilder<HistoryValidationResult>(histories.Count);
        var seen = new HashSet<(string Participant, string Program)>();
        for (int i = 0; i < histories.Count; i++)
        {
            var verdict = Validate(histories[i], asOf, plan, i);
            results.Add(seen.Add((histories[i].Participant, histories[i].Program)) ? verdict : verdict.AsDuplicate());
        }

        return results.MoveToImmutable();
    }

    /// <summary>Replays <paramref name="history"/> and adds the keys of its applied enrolments to <paramref name="enrolments"/>.</summary>
    internal ProgramDefinition? CollectEnrolments(ParticipantHistory history, long sequence, List<EnrolmentKey> enrolments)
    {
        Replay(history, LocalDate.MaxIsoValue, CapacityPlan.Unchecked, sequence, null, enrolments, out var program);
        return program;
    }

    /// <summary>
    /// Validates without places into a caller-owned list (not cleared first) and collects the applied enrolments
    /// in the same replay, without building a verdict: the reading side of a streamed run, whose outcome
    /// <see cref="WithCapacity"/> completes once the run's plan is known.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal ParticipantStatus ValidateCollecting(ParticipantHistory history, LocalDate asOf, long sequence, List<Violation> violations, List<EnrolmentKey> enrolments)
        => Replay(history, asOf, CapacityPlan.Unchecked, sequence, violations, enrolments, out _);

    // One scratch list per thread for the verdict-returning overloads: the validator stays immutable and
    // thread-safe, and a record that breaks no rule allocates no list.
    [ThreadStatic]
    private static List<Violation>? _scratchViolations;

    private static List<Violation> RentViolationList()
    {
        var list = _scratchViolations ??= new List<Violation>(8);
        list.Clear();
        return list;
    }

    private static ImmutableArray<Violation> ToImmutable(List<Violation> violations)
        => violations.Count == 0 ? ImmutableArray<Violation>.Empty : [.. violations];

    /// <summary>A verdict from its parts; the open phase's progress is worked out when first read.</summary>
    internal static HistoryValidationResult Result(string? participant, string programId, ProgramDefinition? program, ParticipantStatus status, ImmutableArray<Violation> violations, LocalDate asOf)
    {
        var open = program is not null && status.State.Kind is StateKind.Phase or StateKind.Paused ? program : null;
        return new HistoryValidationResult(participant, programId, status, violations, open, asOf);
    }

    /// <summary>
    /// Adds <c>capacity-exceeded</c> for the enrolments at <paramref name="exceeded"/> (event index and date)
    /// where the replay would have put it: after the event's date, outcome and window rules, before the
    /// later events and the open phase's maximum.
    /// </summary>
    internal static ImmutableArray<Violation> WithCapacity(ImmutableArray<Violation> violations, ProgramDefinition program, IEnumerable<(int EventIndex, LocalDate On)> exceeded)
    {
        var result = violations.ToBuilder();
        foreach (var (index, on) in exceeded)
        {
            int at = 0;
            while (at < result.Count && !ComesAfterCapacity(result[at], index))
            {
                at++;
            }

            result.Insert(at, new Violation(ValidationRule.CapacityExceeded, index, on, ViolationMessages.CapacityExceeded(program)));
        }

        return result.ToImmutable();
    }

    private static bool ComesAfterCapacity(Violation v, int index)
        => v.EventIndex is { } e
            ? e > index || (e == index && v.Rule is not (ValidationRule.DateOrder or ValidationRule.FutureDate or ValidationRule.OutcomeRequired or ValidationRule.OutsideEnrolmentWindow or ValidationRule.CapacityExceeded))
            : v.Rule == ValidationRule.PhaseMaxDuration;

    /// <summary><c>start + months</c> (clamped to the month's end); past 9999-12 an overflow, never the calendar's last day (which <see cref="PhaseDurations.AddMonths"/> gives).</summary>
    private static LocalDate MonthsLater(LocalDate start, int months)
        => (start.Year * 12L) + start.Month - 1 + months >= 10000 * 12L ? throw new OverflowException() : start.PlusMonths(months);

    /// <summary>A date that may fall after 9999-12-31 (a phase begun late in the calendar): <c>null</c> then.</summary>
    private static LocalDate? InCalendar(Func<LocalDate> date)
    {
        try
        {
            return date();
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    internal static OpenPhaseProgress Progress(ProgramDefinition program, ParticipantStatus status, LocalDate asOf)
    {
        var phase = program.Phases[status.State.PhaseIndex];
        var start = status.PhaseStartedOn!.Value;
        int paused = status.PausedDaysUntil(asOf);
        var netEnd = PhaseDurations.NetEnd(asOf, paused);
        var elapsed = netEnd >= start ? Period.Between(start, netEnd, PeriodUnits.Months | PeriodUnits.Days) : Period.Zero;
        LocalDate? earliest = phase.MinimumMonths is { } min ? InCalendar(() => MonthsLater(start, min).PlusDays(paused)) : null;
        LocalDate? latest = phase.MaximumMonths is { } max ? InCalendar(() => MonthsLater(start, max).PlusDays(paused)) : null;
        Period? remaining = latest is { } l ? Period.Between(asOf, l, PeriodUnits.Months | PeriodUnits.Days) : null;
        return new OpenPhaseProgress(phase.Id, start, paused, elapsed, earliest, latest, remaining);
    }

    /// <summary>The one replay: validation (violations given) and the applied enrolments of a run's first pass (enrolments given).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ParticipantStatus Replay(
        ParticipantHistory history,
        LocalDate asOf,
        CapacityPlan capacity,
        long sequence,
        List<Violation>? violations,
        List<EnrolmentKey>? enrolments,
        out ProgramDefinition? program)
    {
        Programs.TryGet(history.Program, out program);
        var lifecycle = program?.Lifecycle;
        if (violations is not null)
        {
            if (program is null)
            {
                violations.Add(new Violation(ValidationRule.UnknownProgram, null, null, ViolationMessages.UnknownProgram(history.Program)));
            }

            if (history.ParticipantLooksLikeIdentityNumber)
            {
                violations.Add(new Violation(ValidationRule.PiiInIdentifier, null, null, ViolationMessages.PiiInIdentifier()));
            }
        }

        var cursor = default(StatusCursor); // state 0 is LifecycleState.Start
        int asOfDay = violations is null ? int.MaxValue : IsoDates.DayNumber(asOf);
        int previousDay = int.MinValue;
        var events = history.Events.AsSpan();
        for (int i = 0; i < events.Length; i++)
        {
            ref readonly HistoryEvent e = ref events[i];
            int day = e.DayNumber;
            if (violations is not null)
            {
                if (day < previousDay)
                {
                    violations.Add(new Violation(ValidationRule.DateOrder, i, e.On, ViolationMessages.DateOrder(e.On, events[i - 1].On)));
                }

                if (day > asOfDay)
                {
                    violations.Add(new Violation(ValidationRule.FutureDate, i, e.On, ViolationMessages.FutureDate(e.On, asOf)));
                }

                if (e.LacksRequiredOutcome)
                {
                    violations.Add(new Violation(ValidationRule.OutcomeRequired, i, e.On, ViolationMessages.OutcomeRequired(ContractNames<ExitReason>.Name(e.ExitReason!.Value))));
                }

                previousDay = day;
            }

            var kind = e.Trigger;
            if (kind == HistoryEvent.NoTrigger)
            {
                violations?.Add(new Violation(ValidationRule.UnknownEvent, i, e.On, ViolationMessages.UnknownEvent(e.TypeName)));
                continue;
            }

            if (lifecycle is null)
            {
                continue;
            }

            int trigger = (int)kind;
            if (kind == TriggerKind.PhaseStarted)
            {
                int phaseIndex = program!.IndexOfPhase(e.Phase);
                if (phaseIndex < 0)
                {
                    violations?.Add(new Violation(ValidationRule.UnknownPhase, i, e.On, ViolationMessages.UnknownPhase(program, e.Phase)));
                    continue;
                }

                trigger = ProgramLifecycle.PhaseTriggerIndex(phaseIndex);
            }

            var cell = lifecycle.Cell(cursor.State, trigger);
            if (cell.Target < 0)
            {
                if (violations is not null)
                {
                    var from = lifecycle.StateAt(cursor.State);
                    violations.Add(trigger >= LifecycleTrigger.FixedKindCount && lifecycle.AcceptsPhaseStart(cursor.State)
                        ? new Violation(ValidationRule.PhaseOrder, i, e.On, ViolationMessages.PhaseOrder(lifecycle, from, e.Phase!))
                        : new Violation(ValidationRule.TransitionNotAllowed, i, e.On, ViolationMessages.TransitionNotAllowed(lifecycle, from, e.TypeName)));
                }

                continue;
            }

            if (violations is not null && cell.HasRules)
            {
                CheckMove(program!, lifecycle, cursor, cell, in e, i, capacity, sequence, violations);
            }

            if (enrolments is not null && kind == TriggerKind.Enrolled)
            {
                enrolments.Add(new EnrolmentKey(e.On, sequence, i));
            }

            cursor.Move(cell, e.On, day);
        }

        if (lifecycle is null)
        {
            return ParticipantStatus.Initial;
        }

        if (violations is not null && lifecycle.KindAt(cursor.State) is StateKind.Phase or StateKind.Paused)
        {
            var phase = program!.Phases[lifecycle.StateAt(cursor.State).PhaseIndex];
            int paused = cursor.PausedDaysUntil(asOfDay);
            if (PhaseDurations.IsAboveMaximum(phase, cursor.PhaseStart, asOfDay, paused))
            {
                violations.Add(new Violation(ValidationRule.PhaseMaxDuration, null, null, ViolationMessages.MaxDuration(phase, cursor.PhaseStart, asOf, paused, open: true)));
            }
        }

        return cursor.ToStatus(lifecycle);
    }

    /// <summary>The rules of an allowed move: the guards the compiled cell carries, and the maximum of a phase being left.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CheckMove(
        ProgramDefinition program,
        ProgramLifecycle lifecycle,
        in StatusCursor cursor,
        CompiledTransition cell,
        in HistoryEvent e,
        int index,
        CapacityPlan capacity,
        long sequence,
        List<Violation> violations)
    {
        var on = e.On;
        var from = lifecycle.StateAt(cursor.State);
        var checks = cell.Checks;
        if ((checks & GuardChecks.EnrolmentWindow) != 0 && !lifecycle.InEnrolmentWindow(e.DayNumber))
        {
            violations.Add(new Violation(ValidationRule.OutsideEnrolmentWindow, index, on, ViolationMessages.OutsideEnrolmentWindow(program, on)));
        }

        if ((checks & GuardChecks.Capacity) != 0 && capacity.Exceeds(program, new EnrolmentKey(on, sequence, index)))
        {
            violations.Add(new Violation(ValidationRule.CapacityExceeded, index, on, ViolationMessages.CapacityExceeded(program)));
        }

        if ((checks & GuardChecks.StudyDays) != 0 && e.StudyDaysPerWeek is { } days)
        {
            var target = program.Phases[lifecycle.StateAt(cell.Target).PhaseIndex];
            if (days > target.MaxStudyDaysPerWeek)
            {
                violations.Add(new Violation(ValidationRule.StudyDaysExceeded, index, on, ViolationMessages.StudyDays(target, days)));
            }
        }

        if ((checks & GuardChecks.CompletedTooEarly) != 0)
        {
            violations.Add(new Violation(ValidationRule.CompletedTooEarly, index, on, ViolationMessages.CompletedTooEarly(program, from)));
        }

        if ((checks & GuardChecks.MinDuration) == 0 && !cell.LeavesBoundedPhase)
        {
            return;
        }

        var phase = program.Phases[from.PhaseIndex];
        int paused = cursor.PausedDaysUntil(e.DayNumber);
        if ((checks & GuardChecks.MinDuration) != 0 && PhaseDurations.IsBelowMinimum(phase, cursor.PhaseStart, e.DayNumber, paused))
        {
            violations.Add(new Violation(ValidationRule.PhaseMinDuration, index, on, ViolationMessages.MinDuration(phase, cursor.PhaseStart, on, paused)));
        }

        if (cell.LeavesBoundedPhase && PhaseDurations.IsAboveMaximum(phase, cursor.PhaseStart, e.DayNumber, paused))
        {
            violations.Add(new Violation(ValidationRule.PhaseMaxDuration, index, on, ViolationMessages.MaxDuration(phase, cursor.PhaseStart, on, paused, open: false)));
        }
    }

}
