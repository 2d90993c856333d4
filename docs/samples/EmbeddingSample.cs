using InclusionModel.Histories;
using InclusionModel.Lifecycle;
using InclusionModel.Programs;
using InclusionModel.Validation;
using NodaTime;

namespace InclusionModel.Docs.Samples;

/// <summary>The sample of docs/embedding.md: validating histories from C#, without the command line.</summary>
public static class EmbeddingSample
{
    public static IReadOnlyList<string> Run()
    {
        var lines = new List<string>();

        // 1. One validator for the whole application: immutable, thread-safe, built-in catalogue by default.
        var validator = new HistoryValidator();

        // 2. A participant history, built in code (or read from NDJSON with HistoryReader).
        var history = ParticipantHistory.Create(
            participant: "p-0042",
            program: "eskilstuna-romane-bucha",
            events:
            [
                HistoryEvent.Referred(new LocalDate(2012, 2, 1), ReferralSource.SocialServices),
                HistoryEvent.Assessed(new LocalDate(2012, 2, 10), eligible: true),
                HistoryEvent.Enrolled(new LocalDate(2012, 2, 15)),
                HistoryEvent.PhaseStarted(new LocalDate(2012, 2, 15), "preparation"),
                HistoryEvent.PhaseStarted(new LocalDate(2012, 4, 1), "employment", studyDaysPerWeek: 1),
            ],
            gender: Gender.Woman);

        // 3. Validate as of a date (or pass an IClock and a time zone).
        var result = validator.Validate(history, new LocalDate(2012, 12, 1));
        lines.Add($"valid: {result.IsValid}, state: {result.FinalState.Name}");
        if (result.OpenPhase is { } open)
        {
            lines.Add($"{open.Phase} may end from {open.EarliestEnd:uuuu-MM-dd} and must end by {open.LatestEnd:uuuu-MM-dd}");
        }

        // 4. Ask the lifecycle why a move is refused today.
        var lifecycle = ProgramCatalogue.BuiltIn.Get("eskilstuna-romane-bucha").Lifecycle;
        var check = lifecycle.CheckTransition(result.FinalStatus, lifecycle.StartPhase("exit-support"), new LocalDate(2012, 12, 1));
        foreach (var reason in check.Reasons)
        {
            lines.Add($"refused: {reason.RuleId}: {reason.Message}");
        }

        // 5. A whole run, capacity and duplicates included: every violation of every record
        //    (the second record repeats the first one's participant, so it is also a duplicate).
        var run = validator.ValidateAll([history, history.WithEvents(history.Events.Add(HistoryEvent.Exited(new LocalDate(2012, 11, 1), ExitReason.Completed)))], new LocalDate(2012, 12, 1));
        foreach (var violation in run[1].Violations)
        {
            lines.Add($"second record: {violation}");
        }

        return lines;
    }
}
