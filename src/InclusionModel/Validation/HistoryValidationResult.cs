using System.Collections.Immutable;
using InclusionModel.Contract;
using InclusionModel.Lifecycle;
using InclusionModel.Programs;
using NodaTime;

namespace InclusionModel.Validation;

/// <summary>The verdict on one participant history: every violation found, and where the participant stands.</summary>
public sealed class HistoryValidationResult
{
    // The open phase's progress is worked out when first read, from the program and the as-of date: a run
    // makes a verdict per record and most are never asked (no closure or Lazy per verdict).
    private readonly ProgramDefinition? _openPhaseProgram;
    private readonly LocalDate _asOf;
    private OpenPhaseProgress? _openPhase;
    private volatile bool _openPhaseKnown;

    internal HistoryValidationResult(string? participant, string program, ParticipantStatus finalStatus, ImmutableArray<Violation> violations, ProgramDefinition? openPhaseProgram, LocalDate asOf)
    {
        Participant = participant;
        Program = program;
        FinalStatus = finalStatus;
        Violations = violations;
        _openPhaseProgram = openPhaseProgram;
        _asOf = asOf;
    }

    private HistoryValidationResult(HistoryValidationResult verdict, ImmutableArray<Violation> violations)
    {
        Participant = verdict.Participant;
        Program = verdict.Program;
        FinalStatus = verdict.FinalStatus;
        Violations = violations;
        _openPhaseProgram = verdict._openPhaseProgram;
        _asOf = verdict._asOf;
    }

    /// <summary>The participant id, or <c>null</c> when it broke <c>pii-in-identifier</c> (it is never repeated).</summary>
    public string? Participant { get; }

    /// <summary>The program id as given in the history.</summary>
    public string Program { get; }

    /// <summary>Whether the history broke no rule.</summary>
    public bool IsValid => Violations.IsEmpty;

    /// <summary>The state after the last applied event; <see cref="LifecycleState.Start"/> when none was applied or the program is unknown.</summary>
    public LifecycleState FinalState => FinalStatus.State;

    /// <summary>The status after the last applied event, with the phase start and pauses that duration rules need.</summary>
    public ParticipantStatus FinalStatus { get; }

    /// <summary>
    /// Every violation, in the order the replay finds them: <c>unknown-program</c> and <c>pii-in-identifier</c>
    /// first, then <c>duplicate-participant</c>, then event by event, and last an open phase's <c>phase-max-duration</c> (docs/contract.md).
    /// </summary>
    public ImmutableArray<Violation> Violations { get; }

    /// <summary>
    /// This verdict with <c>duplicate-participant</c> added where the replay lists record-level rules: after
    /// <c>unknown-program</c> and <c>pii-in-identifier</c>, before the first event's violations.
    /// </summary>
    internal HistoryValidationResult AsDuplicate()
    {
        int at = 0;
        while (at < Violations.Length && Violations[at].EventIndex is null && Violations[at].Rule is ValidationRule.UnknownProgram or ValidationRule.PiiInIdentifier)
        {
            at++;
        }

        return new HistoryValidationResult(this, Violations.Insert(at, new Violation(ValidationRule.DuplicateParticipant, null, null, ViolationMessages.DuplicateParticipant())));
    }

    /// <summary>For a participant still in a phase (or paused in one), the time spent and left; otherwise <c>null</c>. Worked out when first read.</summary>
    public OpenPhaseProgress? OpenPhase
    {
        get
        {
            if (_openPhaseProgram is null)
            {
                return null;
            }

            if (!_openPhaseKnown)
            {
                // Two threads may both work it out: the same value, from immutable inputs.
                _openPhase = HistoryValidator.Progress(_openPhaseProgram, FinalStatus, _asOf);
                _openPhaseKnown = true;
            }

            return _openPhase;
        }
    }
}
