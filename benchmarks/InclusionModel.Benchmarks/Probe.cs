using System.Diagnostics;
using InclusionModel.Histories;
using InclusionModel.Lifecycle;
using InclusionModel.Programs;
using InclusionModel.Validation;
using NodaTime;

namespace InclusionModel.Benchmarks;

internal static class Probe
{
    internal static void Run()
    {
        var h = Workload.Histories.ToArray();
        var v = new HistoryValidator();
        var list = new List<Violation>();
        foreach (var p in ProgramCatalogue.BuiltIn.All) _ = p.Lifecycle;
        var variants = new (string Name, Action Run)[]
        {
            ("full", () => { foreach (var g in h) { list.Clear(); v.Validate(g.History, g.AsOf, list); } }),
            ("variantAll", () => { foreach (var g in h) Variant(g.History, g.AsOf, checkMove: true, endCheck: true); }),
            ("bare", () => { foreach (var g in h) Variant(g.History, g.AsOf, checkMove: false, endCheck: false); }),
            ("cursorOnly", () => { foreach (var g in h) CursorOnly(g.Program, g.History); }),
            ("tableOnly", () => { foreach (var g in h) TableOnly(g.Program, g.History); }),
            ("eventsOnly", () => { foreach (var g in h) EventsOnly(g.History); }),
            ("switch", () => { foreach (var g in h) SwitchReplay.Replay(g.Program, g.History); }),
        };
        var best = variants.ToDictionary(x => x.Name, _ => double.MaxValue);
        for (int round = 0; round < 40; round++)
        {
            foreach (var (name, run) in variants)
            {
                best[name] = Math.Min(best[name], Time(run));
            }
        }

        Console.WriteLine(string.Join("  ", best.Select(b => $"{b.Key} {b.Value:F1}")) + "  (best ns/event)");
    }

    private static int Variant(ParticipantHistory history, LocalDate asOf, bool checkMove, bool endCheck)
    {
        ProgramCatalogue.BuiltIn.TryGet(history.Program, out var program);
        var lifecycle = program!.Lifecycle;
        var cursor = default(StatusCursor);
        int asOfDay = endCheck ? IsoDates.DayNumber(asOf) : int.MaxValue;
        int bad = 0;
        foreach (ref readonly var e in history.Events.AsSpan())
        {
            int trigger = e.Type switch
            {
                EventType.PhaseStarted => ProgramLifecycle.PhaseTriggerIndex(program.IndexOfPhase(e.Phase)),
                EventType.Assessed => (int)(e.Eligible == true ? TriggerKind.AssessedEligible : TriggerKind.AssessedIneligible),
                EventType.Exited => (int)(e.ExitReason == ExitReason.Completed ? TriggerKind.ExitedCompleted : TriggerKind.Exited),
                EventType.Referred => 0, EventType.Waitlisted => 3, EventType.Enrolled => 4, EventType.Paused => 5, EventType.Resumed => 6, EventType.Activity => 7,
                _ => 10,
            };
            var cell = lifecycle.Cell(cursor.State, trigger);
            if (cell.Target < 0) { bad++; continue; }
            if (checkMove && cell.HasRules && cell.LeavesBoundedPhase)
            {
                var phase = program.Phases[lifecycle.StateAt(cursor.State).PhaseIndex];
                int paused = cursor.PausedDaysUntil(e.DayNumber);
                if (PhaseDurations.IsBelowMinimum(phase, cursor.PhaseStart, e.On, paused)) bad++;
                if (PhaseDurations.IsAboveMaximum(phase, cursor.PhaseStart, e.On, paused)) bad++;
            }

            cursor.Move(cell, e.On, e.DayNumber);
        }

        if (endCheck && lifecycle.KindAt(cursor.State) is StateKind.Phase or StateKind.Paused)
        {
            var phase = program.Phases[lifecycle.StateAt(cursor.State).PhaseIndex];
            if (PhaseDurations.IsAboveMaximum(phase, cursor.PhaseStart, asOf, cursor.PausedDaysUntil(asOfDay))) bad++;
        }

        return bad + cursor.ToStatus(lifecycle).PausedDays;
    }

    private static int TableOnly(ProgramDefinition program, ParticipantHistory history)
    {
        var lifecycle = program.Lifecycle;
        int state = 0, bad = 0;
        foreach (ref readonly var e in history.Events.AsSpan())
        {
            int trigger = e.Type switch
            {
                EventType.PhaseStarted => ProgramLifecycle.PhaseTriggerIndex(program.IndexOfPhase(e.Phase)),
                EventType.Assessed => (int)(e.Eligible == true ? TriggerKind.AssessedEligible : TriggerKind.AssessedIneligible),
                EventType.Exited => (int)(e.ExitReason == ExitReason.Completed ? TriggerKind.ExitedCompleted : TriggerKind.Exited),
                EventType.Referred => 0, EventType.Waitlisted => 3, EventType.Enrolled => 4, EventType.Paused => 5, EventType.Resumed => 6, EventType.Activity => 7,
                _ => 10,
            };
            var cell = lifecycle.Cell(state, trigger);
            if (cell.Target < 0) { bad++; continue; }
            state = cell.Target;
        }

        return bad + state;
    }

    private static int CursorOnly(ProgramDefinition program, ParticipantHistory history)
    {
        var lifecycle = program.Lifecycle;
        var cursor = default(StatusCursor);
        int bad = 0;
        foreach (ref readonly var e in history.Events.AsSpan())
        {
            int trigger = e.Type switch
            {
                EventType.PhaseStarted => ProgramLifecycle.PhaseTriggerIndex(program.IndexOfPhase(e.Phase)),
                EventType.Assessed => (int)(e.Eligible == true ? TriggerKind.AssessedEligible : TriggerKind.AssessedIneligible),
                EventType.Exited => (int)(e.ExitReason == ExitReason.Completed ? TriggerKind.ExitedCompleted : TriggerKind.Exited),
                EventType.Referred => 0, EventType.Waitlisted => 3, EventType.Enrolled => 4, EventType.Paused => 5, EventType.Resumed => 6, EventType.Activity => 7,
                _ => 10,
            };
            var cell = lifecycle.Cell(cursor.State, trigger);
            if (cell.Target < 0) { bad++; continue; }
            cursor.Move(cell, e.On, e.DayNumber);
        }

        return bad + cursor.State;
    }

    private static int EventsOnly(ParticipantHistory history)
    {
        int sum = 0;
        foreach (ref readonly var e in history.Events.AsSpan())
        {
            sum += (int)(e.Type ?? 0) + e.DayNumber;
        }

        return sum;
    }

    private static double Time(Action action)
    {
        var sw = Stopwatch.StartNew();
        action();
        return sw.Elapsed.TotalNanoseconds / Workload.EventCount;
    }
}
