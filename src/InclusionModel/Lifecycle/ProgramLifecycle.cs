using System.Collections.Immutable;
using InclusionModel.Contract;
using InclusionModel.Histories;
using InclusionModel.Programs;
using NodaTime;
using Stateless;
using Stateless.Graph;

namespace InclusionModel.Lifecycle;

/// <summary>
/// The participant lifecycle of one program (docs/interchange-contract.md §2): one Stateless state machine definition,
/// configured once, with the participant's state held outside it, and a transition table compiled from
/// that definition for bulk replay.
/// </summary>
/// <remarks>
/// <para>
/// The Stateless definition is the single source of the lifecycle. Moves whose rules depend on the
/// participant (the enrolment window, places, minimum durations, study days, completion from the last
/// phase) are guards whose descriptions are the rule ids of docs/interchange-contract.md §3, so
/// <see cref="CheckTransition"/> can say why a move is refused, and diagrams show the rules on the edges.
/// </para>
/// <para>
/// <see cref="StateMachine{TState,TTrigger}.GetInfo"/> is compiled into a table of states × triggers
/// that the history validator reads without allocating. Instances are immutable from the outside and
/// safe to share across threads; the Stateless machine is only touched under a lock, and only by
/// <see cref="CheckTransition"/> and the diagram exports.
/// </para>
/// </remarks>
public sealed class ProgramLifecycle
{
    private const int FixedStateCount = (int)StateKind.Phase;

    private readonly object _gate = new();
    private readonly StateMachine<LifecycleState, LifecycleTrigger> _machine;
    private readonly StateMachine<LifecycleState, LifecycleTrigger>.TriggerWithParameters<TransitionRequest>[] _parameterized;
    private readonly CompiledTransition[] _table;
    private readonly bool[] _acceptsPhaseStart;
    private readonly ImmutableArray<LifecycleState> _states;
    private readonly StateKind[] _kinds;
    private readonly int _triggerCount;
    private readonly int _windowStartDay;
    private readonly int _windowEndDay;
    private readonly ImmutableArray<LifecycleTrigger> _triggers;
    private readonly Lazy<string> _mermaid;
    private readonly Lazy<string> _dot;
    private LifecycleState _scratch = LifecycleState.Start;

    internal ProgramLifecycle(ProgramDefinition program)
    {
        Program = program;
        int phaseCount = program.Phases.Length;

        var states = ImmutableArray.CreateBuilder<LifecycleState>(FixedStateCount + (2 * phaseCount));
        states.AddRange(LifecycleState.Start, LifecycleState.Referred, LifecycleState.Eligible, LifecycleState.Ineligible,
            LifecycleState.Waitlisted, LifecycleState.Enrolled, LifecycleState.Exited);
        states.AddRange(program.Phases.Select((p, i) => new LifecycleState(StateKind.Phase, i, p.Id)));
        states.AddRange(program.Phases.Select((p, i) => new LifecycleState(StateKind.Paused, i, p.Id)));
        _states = states.MoveToImmutable();
        _kinds = [.. _states.Select(st => st.Kind)];

        var triggers = ImmutableArray.CreateBuilder<LifecycleTrigger>(LifecycleTrigger.FixedKindCount + phaseCount);
        for (int k = 0; k < LifecycleTrigger.FixedKindCount; k++)
        {
            triggers.Add(new LifecycleTrigger((TriggerKind)k, -1, null));
        }

        triggers.AddRange(program.Phases.Select((p, i) => new LifecycleTrigger(TriggerKind.PhaseStarted, i, p.Id)));
        _triggers = triggers.MoveToImmutable();
        _triggerCount = _triggers.Length;
        _windowStartDay = program.EnrolmentWindow.Start is { } windowStart ? IsoDates.DayNumber(windowStart) : int.MinValue;
        _windowEndDay = program.EnrolmentWindow.End is { } windowEnd ? IsoDates.DayNumber(windowEnd) : int.MaxValue;

        _machine = new StateMachine<LifecycleState, LifecycleTrigger>(() => _scratch, s => _scratch = s);
        _parameterized = _triggers.Select(t => _machine.SetTriggerParameters<TransitionRequest>(t)).ToArray();
        Configure();
        (_table, _acceptsPhaseStart) = Compile();
        _mermaid = new Lazy<string>(() => WithInitialState(() => MermaidGraph.Format(_machine.GetInfo())));
        _dot = new Lazy<string>(() => WithInitialState(() => UmlDotGraph.Format(_machine.GetInfo())));
    }

    /// <summary>The program whose lifecycle this is.</summary>
    public ProgramDefinition Program { get; }

    /// <summary>Every state of this program's lifecycle: the fixed ones, then one per phase, then one paused state per phase.</summary>
    public ImmutableArray<LifecycleState> States => _states;

    /// <summary>Every trigger of this program's lifecycle: the fixed ones, then one <c>phase-started</c> per phase.</summary>
    public ImmutableArray<LifecycleTrigger> Triggers => _triggers;

    /// <summary>The state of being in the phase <paramref name="phaseId"/>.</summary>
    /// <param name="phaseId">A phase id of the program.</param>
    /// <returns>The state.</returns>
    /// <exception cref="ArgumentException">The program has no such phase.</exception>
    public LifecycleState PhaseState(string phaseId) => _states[FixedStateCount + RequirePhase(phaseId)];

    /// <summary>The state of being paused in the phase <paramref name="phaseId"/>.</summary>
    /// <param name="phaseId">A phase id of the program.</param>
    /// <returns>The state.</returns>
    /// <exception cref="ArgumentException">The program has no such phase.</exception>
    public LifecycleState PausedState(string phaseId) => _states[FixedStateCount + Program.Phases.Length + RequirePhase(phaseId)];

    /// <summary>The trigger that starts the phase <paramref name="phaseId"/>.</summary>
    /// <param name="phaseId">A phase id of the program.</param>
    /// <returns>The trigger.</returns>
    /// <exception cref="ArgumentException">The program has no such phase.</exception>
    public LifecycleTrigger StartPhase(string phaseId) => _triggers[LifecycleTrigger.FixedKindCount + RequirePhase(phaseId)];

    /// <summary>The trigger of a history event in this program.</summary>
    /// <param name="historyEvent">An event.</param>
    /// <returns>
    /// The trigger, or <c>null</c> when the event's type is not one of the contract's or it starts a phase
    /// the program does not have (the validator's <c>unknown-event</c> and <c>unknown-phase</c>).
    /// </returns>
    public LifecycleTrigger? TriggerOf(in HistoryEvent historyEvent)
    {
        var kind = historyEvent.Trigger;
        if (kind == HistoryEvent.NoTrigger)
        {
            return null;
        }

        if (kind != TriggerKind.PhaseStarted)
        {
            return _triggers[(int)kind];
        }

        int phase = Program.IndexOfPhase(historyEvent.Phase);
        return phase < 0 ? null : _triggers[PhaseTriggerIndex(phase)];
    }

    /// <summary>The phases that may follow <paramref name="state"/> in program order (skipping optional phases only).</summary>
    /// <param name="state">An <c>enrolled</c> or phase state.</param>
    /// <returns>The phase ids, in program order; empty for any other state and for the last phase.</returns>
    public IReadOnlyList<string> NextPhases(LifecycleState state)
    {
        int from = StateIndex(state);
        var next = new List<string>();
        for (int p = 0; p < Program.Phases.Length; p++)
        {
            if (_table[(from * _triggerCount) + LifecycleTrigger.FixedKindCount + p].Target >= 0)
            {
                next.Add(Program.Phases[p].Id);
            }
        }

        return next;
    }

    /// <summary>The moves the lifecycle has from <paramref name="state"/>, guards aside, in trigger order (what a refused move's message offers instead).</summary>
    internal IReadOnlyList<LifecycleTrigger> MovesFrom(LifecycleState state)
    {
        int from = StateIndex(state);
        return [.. _triggers.Where((_, t) => _table[(from * _triggerCount) + t].Target >= 0)];
    }

    /// <summary>The state that <paramref name="trigger"/> leads to from <paramref name="state"/>, guards aside.</summary>
    /// <param name="state">A state of this lifecycle.</param>
    /// <param name="trigger">A trigger of this lifecycle.</param>
    /// <returns>The target state, or <c>null</c> when the table of docs/interchange-contract.md §2 has no such move.</returns>
    /// <exception cref="ArgumentException">The state or the trigger does not belong to this program.</exception>
    public LifecycleState? TargetOf(LifecycleState state, LifecycleTrigger trigger)
    {
        var cell = Cell(StateIndex(state), TriggerIndex(trigger));
        return cell.Target < 0 ? null : _states[cell.Target];
    }

    /// <summary>
    /// Asks the Stateless definition whether <paramref name="status"/> may make the move
    /// <paramref name="trigger"/> on <paramref name="on"/>, and why not: every unmet guard is returned as
    /// a reason with its rule id; a move the lifecycle does not have at all gives
    /// <c>transition-not-allowed</c> or <c>phase-order</c>.
    /// </summary>
    /// <param name="status">The participant's status.</param>
    /// <param name="trigger">The move asked for.</param>
    /// <param name="on">The date of the move.</param>
    /// <param name="placesTaken">How many enrolments the program has so far; <c>null</c> skips the places check.</param>
    /// <param name="studyDaysPerWeek">For a phase start, the study days a week planned; <c>null</c> skips that check.</param>
    /// <returns>The answer.</returns>
    /// <exception cref="ArgumentException">The state or the trigger does not belong to this program.</exception>
    /// <example>Why may this participant not start the employment phase today?
    /// <code>
    /// var check = lifecycle.CheckTransition(status, lifecycle.StartPhase("exit-support"), today);
    /// foreach (var reason in check.Reasons) Console.WriteLine($"{reason.RuleId}: {reason.Message}");
    /// </code></example>
    public TransitionCheck CheckTransition(ParticipantStatus status, LifecycleTrigger trigger, LocalDate on, int? placesTaken = null, int? studyDaysPerWeek = null)
    {
        StateIndex(status.State);
        int triggerIndex = TriggerIndex(trigger);
        var request = new TransitionRequest(status, on, placesTaken, studyDaysPerWeek);
        lock (_gate)
        {
            _scratch = status.State;
            var parameterized = _parameterized[triggerIndex];
            if (_machine.CanFire(parameterized, request, out ICollection<string>? unmet))
            {
                _machine.Fire(parameterized, request);
                return new TransitionCheck(true, _scratch, []);
            }

            // Stateless gives no unmet guards (null) when the state has no handler for the trigger at all.
            ImmutableArray<Violation> reasons = unmet is { Count: > 0 }
                ? [.. unmet.Select(id => Reason(ParseGuard(id), request, trigger))]
                : [StructuralRefusal(status.State, trigger, on)];
            return new TransitionCheck(false, null, reasons);
        }
    }

    /// <summary>
    /// Applies the move <paramref name="trigger"/> on <paramref name="on"/> to <paramref name="status"/>,
    /// keeping the phase start and the paused days up to date. Guarded rules are not checked (use
    /// <see cref="CheckTransition"/>); the move itself must exist.
    /// </summary>
    /// <param name="status">The participant's status.</param>
    /// <param name="trigger">The move.</param>
    /// <param name="on">The date of the move.</param>
    /// <returns>The status after the move.</returns>
    /// <exception cref="ArgumentException">The state or the trigger does not belong to this program.</exception>
    /// <exception cref="InvalidOperationException">The lifecycle has no such move from the status's state.</exception>
    public ParticipantStatus Apply(ParticipantStatus status, LifecycleTrigger trigger, LocalDate on)
    {
        var cursor = StatusCursor.From(this, status);
        int target = Cell(cursor.State, TriggerIndex(trigger)).Target;
        if (target < 0)
        {
            throw new InvalidOperationException($"'{trigger}' is not allowed from state '{status.State}'.");
        }

        cursor.Move(Cell(cursor.State, TriggerIndex(trigger)), on, IsoDates.DayNumber(on));
        return cursor.ToStatus(this);
    }

    /// <summary>The lifecycle as a Mermaid state diagram; guard rule ids appear on the edges.</summary>
    /// <returns>The Mermaid source.</returns>
    public string ToMermaid() => _mermaid.Value;

    /// <summary>The lifecycle as a Graphviz DOT graph; guard rule ids appear on the edges.</summary>
    /// <returns>The DOT source.</returns>
    public string ToDot() => _dot.Value;

    internal CompiledTransition Cell(int stateIndex, int triggerIndex) => _table[(stateIndex * _triggerCount) + triggerIndex];

    /// <summary>Whether the day number <paramref name="day"/> is inside the enrolment window.</summary>
    internal bool InEnrolmentWindow(int day) => day >= _windowStartDay && day <= _windowEndDay;

    internal bool AcceptsPhaseStart(int stateIndex) => _acceptsPhaseStart[stateIndex];

    internal LifecycleState StateAt(int stateIndex) => _states[stateIndex];

    internal StateKind KindAt(int stateIndex) => _kinds[stateIndex];

    internal static int PhaseTriggerIndex(int phaseIndex) => LifecycleTrigger.FixedKindCount + phaseIndex;

    internal int StateIndex(LifecycleState state)
    {
        int index = state.Kind switch
        {
            StateKind.Phase => FixedStateCount + state.PhaseIndex,
            StateKind.Paused => FixedStateCount + Program.Phases.Length + state.PhaseIndex,
            _ => (int)state.Kind,
        };
        if (index < 0 || index >= _states.Length || _states[index] != state)
        {
            // The message is built only here: this runs once per kept verdict.
            throw new ArgumentException($"State '{state}' does not belong to program {Program.Id}.", nameof(state));
        }

        return index;
    }

    internal int TriggerIndex(LifecycleTrigger trigger)
    {
        int index = trigger.Kind == TriggerKind.PhaseStarted ? PhaseTriggerIndex(trigger.PhaseIndex) : (int)trigger.Kind;
        if (index < 0 || index >= _triggers.Length || _triggers[index] != trigger)
        {
            throw new ArgumentException($"Trigger '{trigger}' does not belong to program {Program.Id}.", nameof(trigger));
        }

        return index;
    }

    private int RequirePhase(string phaseId)
    {
        int index = Program.IndexOfPhase(Preconditions.CheckNotNull(phaseId));
        if (index < 0)
        {
            throw new ArgumentException($"'{phaseId}' is not a phase of {Program.Id}.", nameof(phaseId));
        }

        return index;
    }

    private LifecycleState PhaseAt(int index) => _states[FixedStateCount + index];

    private LifecycleState PausedAt(int index) => _states[FixedStateCount + Program.Phases.Length + index];

    private void Configure()
    {
        var phases = Program.Phases;
        int last = phases.Length - 1;
        var exitable = new List<LifecycleState> { LifecycleState.Referred, LifecycleState.Eligible, LifecycleState.Waitlisted, LifecycleState.Enrolled };

        foreach (var s in new[] { LifecycleState.Start, LifecycleState.Ineligible, LifecycleState.Exited })
        {
            Permit(s, TriggerKind.Referred, LifecycleState.Referred);
        }

        Permit(LifecycleState.Referred, TriggerKind.AssessedEligible, LifecycleState.Eligible);
        Permit(LifecycleState.Referred, TriggerKind.AssessedIneligible, LifecycleState.Ineligible);
        Permit(LifecycleState.Eligible, TriggerKind.Waitlisted, LifecycleState.Waitlisted);

        var enrolGuards = new List<(ValidationRule, Func<TransitionRequest, bool>)>();
        if (Program.EnrolmentWindow.IsBounded)
        {
            enrolGuards.Add((ValidationRule.OutsideEnrolmentWindow, r => Program.EnrolmentWindow.Contains(r.On)));
        }

        if (Program.Places is { } places)
        {
            enrolGuards.Add((ValidationRule.CapacityExceeded, r => r.PlacesTaken is not { } taken || taken < places));
        }

        Permit(LifecycleState.Eligible, TriggerKind.Enrolled, LifecycleState.Enrolled, enrolGuards);
        Permit(LifecycleState.Waitlisted, TriggerKind.Enrolled, LifecycleState.Enrolled, enrolGuards);
        PermitPhaseStarts(LifecycleState.Enrolled, -1);
        Reenter(LifecycleState.Enrolled, TriggerKind.Activity);

        for (int i = 0; i < phases.Length; i++)
        {
            var phase = PhaseAt(i);
            var paused = PausedAt(i);
            PermitPhaseStarts(phase, i);
            Permit(phase, TriggerKind.Paused, paused);
            Permit(paused, TriggerKind.Resumed, phase);
            Reenter(phase, TriggerKind.Activity);
            exitable.Add(phase);
            exitable.Add(paused);
        }

        foreach (var s in exitable)
        {
            var completedGuards = new List<(ValidationRule, Func<TransitionRequest, bool>)>();
            if (!(s.Kind == StateKind.Phase && s.PhaseIndex == last))
            {
                completedGuards.Add((ValidationRule.CompletedTooEarly, _ => false));
            }

            if (s.Kind is StateKind.Phase or StateKind.Paused && phases[s.PhaseIndex].MinimumMonths.HasValue)
            {
                completedGuards.Add((ValidationRule.PhaseMinDuration, MinimumReached(phases[s.PhaseIndex])));
            }

            Permit(s, TriggerKind.ExitedCompleted, LifecycleState.Exited, completedGuards);
            Permit(s, TriggerKind.Exited, LifecycleState.Exited);
        }

        Reenter(LifecycleState.Exited, TriggerKind.FollowedUp);
    }

    private void PermitPhaseStarts(LifecycleState from, int fromPhase)
    {
        var phases = Program.Phases;
        for (int next = fromPhase + 1; next < phases.Length; next++)
        {
            var guards = new List<(ValidationRule, Func<TransitionRequest, bool>)>();
            if (fromPhase >= 0 && phases[fromPhase].MinimumMonths.HasValue)
            {
                guards.Add((ValidationRule.PhaseMinDuration, MinimumReached(phases[fromPhase])));
            }

            if (phases[next].MaxStudyDaysPerWeek is { } maxDays)
            {
                guards.Add((ValidationRule.StudyDaysExceeded, r => r.StudyDaysPerWeek is not { } d || d <= maxDays));
            }

            Permit(from, TriggerKind.PhaseStarted, PhaseAt(next), guards, next);
            if (!phases[next].IsOptional)
            {
                break; // "the next phase" may skip optional phases, never a required one
            }
        }
    }

    private static Func<TransitionRequest, bool> MinimumReached(PhaseDefinition phase)
        => r => r.Status.PhaseStartedOn is not { } start
            || !PhaseDurations.IsBelowMinimum(phase, start, r.On, r.Status.PausedDaysUntil(r.On));

    private void Permit(LifecycleState from, TriggerKind kind, LifecycleState to, List<(ValidationRule Rule, Func<TransitionRequest, bool> Guard)>? guards = null, int phase = -1)
    {
        var trigger = _parameterized[kind == TriggerKind.PhaseStarted ? PhaseTriggerIndex(phase) : (int)kind];
        var configuration = _machine.Configure(from);
        if (guards is null || guards.Count == 0)
        {
            configuration.Permit(trigger.Trigger, to);
        }
        else
        {
            configuration.PermitIf(trigger, to, [.. guards.Select(g => Tuple.Create(g.Guard, g.Rule.Id()))]);
        }
    }

    private void Reenter(LifecycleState state, TriggerKind kind)
        => _machine.Configure(state).PermitReentry(_triggers[(int)kind]);

    private (CompiledTransition[] Table, bool[] AcceptsPhaseStart) Compile()
    {
        var table = Enumerable.Repeat(CompiledTransition.None, _states.Length * _triggers.Length).ToArray();
        var acceptsPhaseStart = new bool[_states.Length];
        foreach (var state in _machine.GetInfo().States)
        {
            int from = StateIndex((LifecycleState)state.UnderlyingState);
            if (state.DynamicTransitions.Any() || state.IgnoredTriggers.Any())
            {
                throw new InvalidOperationException("The lifecycle definition uses dynamic or ignored transitions, which the compiled table cannot hold.");
            }

            foreach (var transition in state.FixedTransitions)
            {
                int trigger = TriggerIndex((LifecycleTrigger)transition.Trigger.UnderlyingTrigger);
                int to = StateIndex((LifecycleState)transition.DestinationState.UnderlyingState);
                var checks = GuardChecks.None;
                foreach (var guard in transition.GuardConditionsMethodDescriptions)
                {
                    checks |= GuardChecksExtensions.FromRule(ParseGuard(guard.Description));
                }

                var source = _states[from];
                var target = _states[to];
                bool leaves = source.Kind is StateKind.Phase or StateKind.Paused
                    && (target.Kind == StateKind.Exited || (target.Kind == StateKind.Phase && target.PhaseIndex != source.PhaseIndex))
                    && Program.Phases[source.PhaseIndex].MaximumMonths.HasValue;
                var clock = from == to ? ClockMove.Stay
                    : target.Kind == StateKind.Paused ? ClockMove.Pause
                    : target.Kind == StateKind.Phase && source.Kind == StateKind.Paused ? ClockMove.Resume
                    : target.Kind == StateKind.Phase ? ClockMove.EnterPhase
                    : ClockMove.Reset;
                table[(from * _triggers.Length) + trigger] = new CompiledTransition((short)to, checks, leaves, clock);
                acceptsPhaseStart[from] |= trigger >= LifecycleTrigger.FixedKindCount;
            }
        }

        return (table, acceptsPhaseStart);
    }

    private static ValidationRule ParseGuard(string description)
        => ValidationRules.TryParse(description, out var rule)
            ? rule
            : throw new InvalidOperationException($"Guard '{description}' is not described by a rule id.");

    private Violation Reason(ValidationRule rule, TransitionRequest request, LifecycleTrigger trigger)
    {
        var (status, on) = (request.Status, request.On);
        string message = rule switch
        {
            ValidationRule.OutsideEnrolmentWindow => ViolationMessages.OutsideEnrolmentWindow(Program, on),
            ValidationRule.CapacityExceeded => ViolationMessages.CapacityExceeded(Program),
            ValidationRule.PhaseMinDuration => ViolationMessages.MinDuration(Program.Phases[status.State.PhaseIndex], status.PhaseStartedOn!.Value, on, status.PausedDaysUntil(on)),
            ValidationRule.CompletedTooEarly => ViolationMessages.CompletedTooEarly(Program, status.State),
            ValidationRule.StudyDaysExceeded => ViolationMessages.StudyDays(Program.Phases[trigger.PhaseIndex], request.StudyDaysPerWeek ?? 0),
            _ => rule.Id(),
        };
        return new Violation(rule, null, on, message);
    }

    private Violation StructuralRefusal(LifecycleState from, LifecycleTrigger trigger, LocalDate on)
        => trigger.Kind == TriggerKind.PhaseStarted && AcceptsPhaseStart(StateIndex(from))
            ? new Violation(ValidationRule.PhaseOrder, null, on, ViolationMessages.PhaseOrder(this, from, trigger.PhaseId!))
            : new Violation(ValidationRule.TransitionNotAllowed, null, on, ViolationMessages.TransitionNotAllowed(this, from, trigger.ToString()));

    private string WithInitialState(Func<string> format)
    {
        lock (_gate)
        {
            _scratch = LifecycleState.Start;
            return format();
        }
    }
}
