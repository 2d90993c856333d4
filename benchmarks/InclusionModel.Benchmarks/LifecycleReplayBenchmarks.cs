using BenchmarkDotNet.Attributes;
using InclusionModel.Contract;
using InclusionModel.Histories;
using InclusionModel.Lifecycle;
using InclusionModel.Programs;
using InclusionModel.Validation;
using Stateless;

namespace InclusionModel.Benchmarks;

/// <summary>
/// Issue 2's speed targets, per event, in one run: (a) the history validator on pre-parsed histories;
/// (b) a naive implementation that configures a Stateless machine per participant and fires each event;
/// (c) a hand-written switch that checks transitions only, the floor.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class LifecycleReplayBenchmarks
{
    private readonly HistoryValidator _validator = new();
    private readonly List<Violation> _violations = new(16);
    private ParticipantHistory[] _histories = [];
    private NodaTime.LocalDate[] _asOf = [];
    private ProgramDefinition[] _programs = [];

    [GlobalSetup]
    public void Setup()
    {
        _histories = [.. Workload.Histories.Select(g => g.History)];
        _asOf = [.. Workload.Histories.Select(g => g.AsOf)];
        _programs = [.. Workload.Histories.Select(g => g.Program)];

        // Every program's lifecycle is built once, before measuring, as it is in a long-running host.
        foreach (var program in ProgramCatalogue.BuiltIn.All)
        {
            _ = program.Lifecycle;
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Workload.EventCount, Description = "(a) HistoryValidator, compiled table")]
    public int Validator()
    {
        int violations = 0;
        for (int i = 0; i < _histories.Length; i++)
        {
            _violations.Clear();
            _validator.Validate(_histories[i], _asOf[i], _violations);
            violations += _violations.Count;
        }

        return violations;
    }

    [Benchmark(OperationsPerInvoke = Workload.EventCount, Description = "(b) Stateless machine configured per participant")]
    public int NaiveStateless()
    {
        int refused = 0;
        for (int i = 0; i < _histories.Length; i++)
        {
            refused += NaiveStatelessReplay.Replay(_programs[i], _histories[i]);
        }

        return refused;
    }

    [Benchmark(OperationsPerInvoke = Workload.EventCount, Description = "(c) hand-written switch, transitions only")]
    public int HandWrittenSwitch()
    {
        int refused = 0;
        for (int i = 0; i < _histories.Length; i++)
        {
            refused += SwitchReplay.Replay(_programs[i], _histories[i]);
        }

        return refused;
    }
}

/// <summary>(b): what a first implementation does: a new Stateless machine for every participant, every event fired.</summary>
internal static class NaiveStatelessReplay
{
    internal static int Replay(ProgramDefinition program, ParticipantHistory history)
    {
        var lifecycle = program.Lifecycle;
        var machine = new StateMachine<LifecycleState, LifecycleTrigger>(LifecycleState.Start);
        foreach (var state in lifecycle.States)
        {
            var configuration = machine.Configure(state);
            foreach (var trigger in lifecycle.Triggers)
            {
                if (lifecycle.TargetOf(state, trigger) is { } target)
                {
                    if (target == state)
                    {
                        configuration.PermitReentry(trigger);
                    }
                    else
                    {
                        configuration.Permit(trigger, target);
                    }
                }
            }
        }

        int refused = 0;
        foreach (var e in history.Events)
        {
            var trigger = lifecycle.TriggerOf(e);
            if (trigger is { } t && machine.CanFire(t))
            {
                machine.Fire(t);
            }
            else
            {
                refused++;
            }
        }

        return refused;
    }
}

/// <summary>(c): the floor: the transitions of docs/interchange-contract.md §2 as a switch, no durations, no messages.</summary>
internal static class SwitchReplay
{
    private const int Start = 0, Referred = 1, Eligible = 2, Ineligible = 3, Waitlisted = 4, Enrolled = 5, Exited = 6, Phase = 7, Paused = 8;

    internal static int Replay(ProgramDefinition program, ParticipantHistory history)
    {
        var phases = program.Phases;
        int state = Start, phase = -1, refused = 0;
        foreach (var e in history.Events)
        {
            int next = -1;
            switch (e.Type)
            {
                case EventType.Referred when state is Start or Ineligible or Exited:
                    (next, phase) = (Referred, -1);
                    break;
                case EventType.Assessed when state == Referred:
                    next = e.Eligible == true ? Eligible : Ineligible;
                    break;
                case EventType.Waitlisted when state == Eligible:
                    next = Waitlisted;
                    break;
                case EventType.Enrolled when state is Eligible or Waitlisted:
                    next = Enrolled;
                    break;
                case EventType.PhaseStarted when state is Enrolled or Phase:
                    int target = program.IndexOfPhase(e.Phase);
                    bool skipsOnlyOptional = target > phase;
                    for (int p = phase + 1; p < target && skipsOnlyOptional; p++)
                    {
                        skipsOnlyOptional = phases[p].IsOptional;
                    }

                    if (skipsOnlyOptional)
                    {
                        (next, phase) = (Phase, target);
                    }

                    break;
                case EventType.Paused when state == Phase:
                    next = Paused;
                    break;
                case EventType.Resumed when state == Paused:
                    next = Phase;
                    break;
                case EventType.Activity when state is Enrolled or Phase:
                    next = state;
                    break;
                case EventType.Exited when state is not (Start or Ineligible or Exited):
                    next = Exited;
                    break;
                case EventType.FollowedUp when state == Exited:
                    next = Exited;
                    break;
            }

            if (next < 0)
            {
                refused++;
            }
            else
            {
                state = next;
            }
        }

        return refused;
    }
}
