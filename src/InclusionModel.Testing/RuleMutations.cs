using System.Collections.Immutable;
using InclusionModel.Contract;
using InclusionModel.Histories;
using InclusionModel.Programs;
using InclusionModel.Validation;

namespace InclusionModel.Testing;

/// <summary>
/// One targeted mutation per lifecycle rule of docs/interchange-contract.md §3 that a single record can break (all but
/// <c>capacity-exceeded</c> and <c>duplicate-participant</c>, which are properties of a whole run): applied to a valid history, each yields its
/// rule id. The kit's own tests prove it over generated histories of every catalogue program.
/// </summary>
public static class RuleMutations
{
    /// <summary>Every mutation, one per rule.</summary>
    public static ImmutableArray<RuleMutation> All { get; } =
    [
        new(ValidationRule.DateOrder, "an event moved to the day before its predecessor", g => g.History.Events.Length < 2 ? null
            : g with { History = HistoryMutations.MoveBeforePredecessor(g.History, g.History.Events.Length - 1, 1) }),
        new(ValidationRule.FutureDate, "the last event moved to the day after the as-of date", g => g.History.Events.IsEmpty ? null
            : g with { History = g.History.WithEvents(g.History.Events.SetItem(g.History.Events.Length - 1, g.History.Events[^1].WithDate(g.AsOf.PlusDays(1)))) }),
        new(ValidationRule.TransitionNotAllowed, "the first enrolment removed, so its phase starts without one", g =>
        {
            int i = g.History.Events.ToList().FindIndex(e => e.Type == EventType.Enrolled);
            var next = g.History.Events.Skip(i + 1).FirstOrDefault(e => e.Type != EventType.Activity);
            return i >= 0 && next.Type == EventType.PhaseStarted ? g with { History = HistoryMutations.RemoveFirstEnrolment(g.History) } : null;
        }),
        new(ValidationRule.UnknownEvent, "an event of an unknown type added at the end", g => g.History.Events.IsEmpty ? null
            : g with { History = g.History.WithEvents([.. g.History.Events, HistoryEvent.Unrecognised(g.History.Events[^1].On, "interview-booked")]) }),
        new(ValidationRule.UnknownProgram, "the record names a program that does not exist", g
            => g with { History = ParticipantHistory.Create(g.History.Participant, "no-such-program", g.History.Events, g.History.Gender, g.History.BirthDate, g.History.EducationLevel) }),
        new(ValidationRule.PiiInIdentifier, "the participant id is a personal identity number", g
            => g with { History = ParticipantHistory.Create("811218-9876", g.History.Program, g.History.Events, g.History.Gender, g.History.BirthDate, g.History.EducationLevel) }),
        new(ValidationRule.UnknownPhase, "a phase renamed to one the program does not have", g =>
        {
            int i = g.History.Events.ToList().FindIndex(e => e.Type == EventType.PhaseStarted);
            return i < 0 ? null : g with { History = g.History.WithEvents(g.History.Events.SetItem(i, HistoryEvent.PhaseStarted(g.History.Events[i].On, "no-such-phase"))) };
        }),
        new(ValidationRule.PhaseOrder, "a later phase started again after the one that follows it", g =>
        {
            // Find a phase-started of phase k >= 1; add, just after it, a start of phase k - 1 (going back).
            int i = g.History.Events.ToList().FindIndex(e => e.Type == EventType.PhaseStarted && g.Program.IndexOfPhase(e.Phase) >= 1);
            if (i < 0)
            {
                return null;
            }

            var e = g.History.Events[i];
            var back = HistoryEvent.PhaseStarted(e.On, g.Program.Phases[g.Program.IndexOfPhase(e.Phase) - 1].Id);
            return g with { History = g.History.WithEvents(g.History.Events.Insert(i + 1, back)) };
        }),
        new(ValidationRule.OutcomeRequired, "a completed exit loses its outcome", g =>
        {
            int i = g.History.Events.ToList().FindIndex(e => e.Type == EventType.Exited && e.ExitReason == ExitReason.Completed && e.Outcome is not null);
            return i < 0 ? null : g with { History = g.History.WithEvents(g.History.Events.SetItem(i, HistoryEvent.Exited(g.History.Events[i].On, ExitReason.Completed))) };
        }),
        new(ValidationRule.StudyDaysExceeded, "a phase started with one study day a week more than allowed", g =>
        {
            int i = g.History.Events.ToList().FindIndex(e => e.Type == EventType.PhaseStarted && g.Program.Phases.FirstOrDefault(p => p.Id == e.Phase)?.MaxStudyDaysPerWeek is < 5);
            if (i < 0)
            {
                return null;
            }

            var e = g.History.Events[i];
            int max = g.Program.Phases.First(p => p.Id == e.Phase).MaxStudyDaysPerWeek!.Value;
            return g with { History = g.History.WithEvents(g.History.Events.SetItem(i, HistoryEvent.PhaseStarted(e.On, e.Phase!, max + 1))) };
        }),
        new(ValidationRule.OutsideEnrolmentWindow, "the whole history moved so that it enrols the day before the window opens (or after it closes)", g =>
        {
            var window = g.Program.EnrolmentWindow;
            int first = g.History.Events.ToList().FindIndex(e => e.Type == EventType.Enrolled);
            if (first < 0 || !window.IsBounded)
            {
                return null;
            }

            var enrolled = g.History.Events[first].On;
            int shift = window.Start is { } start
                ? NodaTime.Period.Between(enrolled, start.PlusDays(-1), NodaTime.PeriodUnits.Days).Days
                : NodaTime.Period.Between(enrolled, window.End!.Value.PlusDays(1), NodaTime.PeriodUnits.Days).Days;
            return HistoryShrinker.Shift(g, shift);
        }),
        new(ValidationRule.PhaseMaxDuration, "everything after the start of a phase with a maximum delayed past that maximum", g =>
        {
            int i = g.History.Events.ToList().FindIndex(e => e.Type == EventType.PhaseStarted && g.Program.Phases.FirstOrDefault(p => p.Id == e.Phase)?.MaximumMonths is not null);
            if (i < 0 || i == g.History.Events.Length - 1)
            {
                return null;
            }

            int months = g.Program.Phases.First(p => p.Id == g.History.Events[i].Phase).MaximumMonths!.Value + 1;
            int days = (months * 31) + 1;
            var events = g.History.Events.Select((e, j) => j > i ? e.WithDate(e.On.PlusDays(days)) : e);
            return g with { History = g.History.WithEvents(events), AsOf = g.AsOf.PlusDays(days) };
        }),
        new(ValidationRule.PhaseMinDuration, "a phase with a minimum left the day after it started", g =>
        {
            int i = g.History.Events.ToList().FindIndex(e => e.Type == EventType.PhaseStarted && g.Program.Phases.FirstOrDefault(p => p.Id == e.Phase)?.MinimumMonths is > 0);
            if (i < 0)
            {
                return null;
            }

            var start = g.History.Events[i];
            int index = g.Program.IndexOfPhase(start.Phase);
            var next = index + 1 < g.Program.Phases.Length
                ? HistoryEvent.PhaseStarted(start.On.PlusDays(1), g.Program.Phases[index + 1].Id)
                : HistoryEvent.Exited(start.On.PlusDays(1), ExitReason.Completed, Outcome.Work, EmploymentForm.Regular);
            return g with { History = g.History.WithEvents([.. g.History.Events.Take(i + 1), next]), AsOf = start.On.PlusDays(1) };
        }),
        new(ValidationRule.CompletedTooEarly, "the participant completes the program from a phase that is not the last", g =>
        {
            int i = g.History.Events.ToList().FindIndex(e => e.Type == EventType.PhaseStarted && g.Program.IndexOfPhase(e.Phase) is var p && p >= 0 && p < g.Program.Phases.Length - 1);
            if (i < 0)
            {
                return null;
            }

            var exit = HistoryEvent.Exited(g.History.Events[i].On.PlusDays(1), ExitReason.Completed, Outcome.Work, EmploymentForm.Regular);
            return g with { History = g.History.WithEvents([.. g.History.Events.Take(i + 1), exit]), AsOf = exit.On };
        }),
    ];

    /// <summary>The mutation that breaks <paramref name="rule"/>.</summary>
    /// <remarks>
    /// Each mutation yields its own rule id. <c>For(ValidationRule.PhaseOrder)</c> yields <c>phase-order</c>,
    /// not <c>transition-not-allowed</c>: it starts an earlier phase right after a later phase has started
    /// (never while paused, never before enrolment, where the move itself would be refused as
    /// <c>transition-not-allowed</c>). The mutated history may break other rules as well (a phase left too
    /// early, say); the kit's tests hold that the named rule is always among them.
    /// </remarks>
    /// <param name="rule">A rule a single record can break.</param>
    /// <returns>The mutation.</returns>
    /// <exception cref="ArgumentException">The rule is <c>capacity-exceeded</c> or <c>duplicate-participant</c>, properties of a run.</exception>
    public static RuleMutation For(ValidationRule rule)
        => All.FirstOrDefault(m => m.Rule == rule) ?? throw new ArgumentException($"{ValidationRules.Id(rule)} is broken by a run, not by one record.", nameof(rule));
}
