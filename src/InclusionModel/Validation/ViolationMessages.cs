using InclusionModel.Lifecycle;
using InclusionModel.Programs;
using NodaTime;

namespace InclusionModel.Validation;

/// <summary>
/// Every sentence the validator and the transition checker write, in one place, so that none of them
/// ever quotes a participant id and all of them read alike.
/// </summary>
internal static class ViolationMessages
{
    internal static string UnknownProgram(string programId)
        => $"'{Privacy.PersonalIdentityNumbers.SafeToQuote(programId)}' is not a known program";

    internal static string UnknownEvent(string? type)
        => $"'{Privacy.PersonalIdentityNumbers.SafeToQuote(type ?? "")}' is not an event type of the contract";

    internal static string UnknownPhase(ProgramDefinition program, string? phase)
        => $"'{Privacy.PersonalIdentityNumbers.SafeToQuote(phase ?? "")}' is not a phase of {program.Id} (phases: {string.Join(", ", program.Phases.Select(p => p.Id))})";

    internal static string DateOrder(LocalDate on, LocalDate previous)
        => $"dated {IsoDates.Format(on)}, before the previous event ({IsoDates.Format(previous)})";

    internal static string FutureDate(LocalDate on, LocalDate asOf)
        => $"dated {IsoDates.Format(on)}, after the as-of date {IsoDates.Format(asOf)}";

    internal static string TransitionNotAllowed(LifecycleState from, string eventName)
        => from.Kind == StateKind.Start
            ? $"'{eventName}' cannot be the first event of an episode; an episode begins with 'referred'"
            : $"'{eventName}' is not allowed from state '{from.Name}'";

    internal static string PhaseOrder(ProgramLifecycle lifecycle, LifecycleState from, string phase)
    {
        var next = lifecycle.NextPhases(from);
        string expected = next.Count == 0 ? "no further phase" : string.Join(" or ", next.Select(p => $"'{p}'"));
        return $"'{phase}' is not the next phase after '{from.Name}'; expected {expected}";
    }

    internal static string OutsideEnrolmentWindow(ProgramDefinition program, LocalDate on)
        => $"enrolled on {IsoDates.Format(on)}, outside the enrolment window of {program.Id} ({program.EnrolmentWindow})";

    internal static string CapacityExceeded(ProgramDefinition program)
        => $"{program.Id} has {program.Places} places in total and they are all taken";

    internal static string MinDuration(PhaseDefinition phase, LocalDate start, LocalDate end, int pausedDays)
        => $"{phase.Id} lasted {Lasted(start, end, pausedDays)}; at least {Months(phase.MinimumMonths ?? 0)}";

    internal static string MaxDuration(PhaseDefinition phase, LocalDate start, LocalDate end, int pausedDays, bool open)
        => $"{phase.Id} {(open ? "has lasted" : "lasted")} {Lasted(start, end, pausedDays)}{(open ? $" by {IsoDates.Format(end)}" : "")}; at most {Months(phase.MaximumMonths ?? 0)}";

    internal static string StudyDays(PhaseDefinition phase, int days)
        => $"{days} study days a week in {phase.Id}; at most {phase.MaxStudyDaysPerWeek}";

    internal static string OutcomeRequired(string reason)
        => $"an exit with reason '{reason}' needs an outcome";

    internal static string CompletedTooEarly(ProgramDefinition program, LifecycleState from)
        => $"exited as completed from '{from.Name}'; completion is only from the last phase ('{program.Phases[^1].Id}')";

    internal static string PiiInIdentifier()
        => "the participant id is or holds a personal identity or coordination number; use a pseudonymous id (the id is not repeated here)";

    internal static string DuplicateParticipant()
        => "an earlier line of this run has the same participant and program; a participant who comes back belongs in one record, as a new episode";

    private static string Lasted(LocalDate start, LocalDate end, int pausedDays)
    {
        string lasted = PhaseDurations.Describe(start, PhaseDurations.NetEnd(end, pausedDays));
        return pausedDays == 0 ? lasted : $"{lasted} net of {pausedDays} paused days";
    }

    private static string Months(int months) => months == 1 ? "1 month" : $"{months} months";
}
