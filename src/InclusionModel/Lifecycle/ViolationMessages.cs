using InclusionModel.Contract;
using InclusionModel.Lifecycle;
using InclusionModel.Programs;
using NodaTime;

namespace InclusionModel.Lifecycle;

/// <summary>
/// Every sentence the validator and the transition checker write, in one place, so that none of them
/// ever quotes a participant id and all of them read alike.
/// </summary>
internal static class ViolationMessages
{
    internal static string UnknownProgram(string programId)
        => Texts.Format("violation.unknown-program", Privacy.PersonalIdentityNumbers.SafeToQuote(programId));

    internal static string UnknownEvent(string? type)
        => Texts.Format("violation.unknown-event", Privacy.PersonalIdentityNumbers.SafeToQuote(type ?? ""));

    internal static string UnknownPhase(ProgramDefinition program, string? phase)
        => Texts.Format(program.Phases.Length == 1 ? "violation.unknown-phase-one" : "violation.unknown-phase", Privacy.PersonalIdentityNumbers.SafeToQuote(phase ?? ""), NameWithId(program), string.Join(", ", program.Phases.Select(p => program.NameWithId(DisplayNames.Phase, p.Id))));

    internal static string DateOrder(LocalDate on, LocalDate previous)
        => Texts.Format("violation.date-order", IsoDates.Format(on), IsoDates.Format(previous));

    internal static string FutureDate(LocalDate on, LocalDate asOf)
        => Texts.Format("violation.future-date", IsoDates.Format(on), IsoDates.Format(asOf));

    /// <summary>
    /// A move the lifecycle does not have, with the events it does have from that state (issue 24): <c>Inskrivning
    /// (enrolled) är inte tillåten från status Anvisad (referred); från Anvisad kan nästa händelse vara Bedömning
    /// (assessed) eller Avslut (exited)</c>.
    /// </summary>
    internal static string TransitionNotAllowed(ProgramLifecycle lifecycle, LifecycleState from, string eventName)
    {
        if (from.Kind == StateKind.Start)
        {
            return Texts.Format("violation.first-event", eventName);
        }

        var program = lifecycle.Program;
        var allowed = lifecycle.MovesFrom(from)
            .OrderBy(t => t.Kind != TriggerKind.PhaseStarted) // the next phase first: the way forward, then the rest in the contract's order
            .Select(t => t.Kind == TriggerKind.PhaseStarted
                ? Texts.Format("violation.transition.phase-start", "phase-started", program.NameWithId(DisplayNames.Phase, t.PhaseId!))
                : DisplayNames.WithId(DisplayNames.Event, ContractNames<Histories.EventType>.Name(t.EventType)))
            .Distinct()
            .ToList();
        return Texts.Format("violation.transition", DisplayNames.WithId(DisplayNames.Event, eventName), DisplayNames.StateWithId(from.Name ?? ""), DisplayNames.StateName(from.Name ?? ""), Texts.List(allowed, "list.or"));
    }

    internal static string PhaseOrder(ProgramLifecycle lifecycle, LifecycleState from, string phase)
    {
        var next = lifecycle.NextPhases(from);
        var program = lifecycle.Program;
        string expected = next.Count == 0 ? Texts.Get("violation.phase-order.none") : string.Join(Texts.Get("violation.phase-order.or"), next.Select(p => program.NameWithId(DisplayNames.Phase, p)));
        return Texts.Format("violation.phase-order", program.NameWithId(DisplayNames.Phase, phase), DisplayNames.StateWithId(from.Name ?? ""), expected);
    }

    internal static string OutsideEnrolmentWindow(ProgramDefinition program, LocalDate on)
        => Texts.Format("violation.outside-window", IsoDates.Format(on), program.EnrolmentWindow.ToString()); // the line already names the program

    internal static string CapacityExceeded(ProgramDefinition program)
        => Texts.Format("violation.capacity", NameWithId(program), program.Places);

    /// <summary>A program as a message names it: <c>All in (hallefors-all-in)</c>.</summary>
    private static string NameWithId(ProgramDefinition program) => $"{program.Name} ({program.Id})";

    internal static string MinDuration(PhaseDefinition phase, LocalDate start, LocalDate end, int pausedDays)
        => Texts.Format("violation.min-duration", DisplayNames.WithId(DisplayNames.Phase, phase.Id, phase.Names), Lasted(start, end, pausedDays), Months(phase.MinimumMonths ?? 0));

    internal static string MaxDuration(PhaseDefinition phase, LocalDate start, LocalDate end, int pausedDays, bool open)
        => Texts.Format(open ? "violation.max-duration.open" : "violation.max-duration", DisplayNames.WithId(DisplayNames.Phase, phase.Id, phase.Names), Lasted(start, end, pausedDays), Months(phase.MaximumMonths ?? 0), IsoDates.Format(end));

    internal static string StudyDays(PhaseDefinition phase, int days)
        => Texts.Format("violation.study-days", days, DisplayNames.WithId(DisplayNames.Phase, phase.Id, phase.Names), phase.MaxStudyDaysPerWeek);

    internal static string OutcomeRequired(string reason)
        => Texts.Format("violation.outcome-required", DisplayNames.WithId(DisplayNames.Reason, reason));

    internal static string CompletedTooEarly(ProgramDefinition program, LifecycleState from)
        => Texts.Format("violation.completed-too-early", DisplayNames.StateWithId(from.Name ?? ""), program.NameWithId(DisplayNames.Phase, program.Phases[^1].Id));

    internal static string PiiInIdentifier() => Texts.Get("violation.pii");

    internal static string DuplicateParticipant() => Texts.Get("violation.duplicate");

    private static string Lasted(LocalDate start, LocalDate end, int pausedDays)
    {
        string lasted = PhaseDurations.Describe(start, PhaseDurations.NetEnd(end, pausedDays));
        return pausedDays == 0 ? lasted : Texts.Format("duration.net", lasted, pausedDays);
    }

    private static string Months(int months) => months == 1 ? Texts.Get("duration.month") : Texts.Format("duration.months", months);
}
