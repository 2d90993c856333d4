using InclusionModel.Contract;

namespace InclusionModel.Lifecycle;

/// <summary>A lifecycle trigger: an event kind, and for <c>phase-started</c> the phase it starts.</summary>
public readonly record struct LifecycleTrigger
{
    internal LifecycleTrigger(TriggerKind kind, int phaseIndex, string? phaseId)
    {
        Kind = kind;
        PhaseIndex = phaseIndex;
        PhaseId = phaseId;
    }

    /// <summary>The number of trigger kinds that carry no phase (all but <see cref="TriggerKind.PhaseStarted"/>).</summary>
    internal const int FixedKindCount = (int)TriggerKind.PhaseStarted;

    /// <summary>The kind of trigger.</summary>
    public TriggerKind Kind { get; }

    /// <summary>For <see cref="TriggerKind.PhaseStarted"/>, the 0-based index of the phase; otherwise -1.</summary>
    public int PhaseIndex { get; }

    /// <summary>For <see cref="TriggerKind.PhaseStarted"/>, the phase id; otherwise <c>null</c>.</summary>
    public string? PhaseId { get; }

    /// <summary>Creates a trigger of a kind that carries no phase.</summary>
    /// <param name="kind">Any kind but <see cref="TriggerKind.PhaseStarted"/>.</param>
    /// <returns>The trigger.</returns>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is <see cref="TriggerKind.PhaseStarted"/>; use <see cref="ProgramLifecycle.StartPhase(string)"/>.</exception>
    public static LifecycleTrigger Of(TriggerKind kind)
    {
        Preconditions.CheckArgument(kind != TriggerKind.PhaseStarted && Enum.IsDefined(kind), nameof(kind),
            "A phase-started trigger names its phase: use ProgramLifecycle.StartPhase.");
        return new LifecycleTrigger(kind, -1, null);
    }

    /// <summary>The event type of docs/interchange-contract.md §1 whose event makes this move (<c>assessed</c> for both kinds of assessment).</summary>
    internal Histories.EventType EventType => Kind switch
    {
        TriggerKind.Referred => Histories.EventType.Referred,
        TriggerKind.AssessedEligible or TriggerKind.AssessedIneligible => Histories.EventType.Assessed,
        TriggerKind.Waitlisted => Histories.EventType.Waitlisted,
        TriggerKind.Enrolled => Histories.EventType.Enrolled,
        TriggerKind.Paused => Histories.EventType.Paused,
        TriggerKind.Resumed => Histories.EventType.Resumed,
        TriggerKind.Activity => Histories.EventType.Activity,
        TriggerKind.ExitedCompleted or TriggerKind.Exited => Histories.EventType.Exited,
        TriggerKind.FollowedUp => Histories.EventType.FollowedUp,
        _ => Histories.EventType.PhaseStarted,
    };

    /// <summary>A readable name: the event type, with the phase or the field value that selects the move.</summary>
    /// <returns>The display name; used on diagram edges.</returns>
    public override string ToString() => Kind switch
    {
        TriggerKind.Referred => "referred",
        TriggerKind.AssessedEligible => "assessed (eligible)",
        TriggerKind.AssessedIneligible => "assessed (not eligible)",
        TriggerKind.Waitlisted => "waitlisted",
        TriggerKind.Enrolled => "enrolled",
        TriggerKind.Paused => "paused",
        TriggerKind.Resumed => "resumed",
        TriggerKind.Activity => "activity",
        TriggerKind.ExitedCompleted => "exited (completed)",
        TriggerKind.Exited => "exited",
        TriggerKind.FollowedUp => "followed-up",
        TriggerKind.PhaseStarted => $"phase-started ({PhaseId})",
        _ => Kind.ToString(),
    };
}
