using InclusionModel.Contract;

namespace InclusionModel.Lifecycle;

/// <summary>
/// A participant's lifecycle state: a fixed state, or a phase of the program, or paused inside a phase.
/// </summary>
/// <remarks>
/// A paused state remembers the phase it paused so that <c>resumed</c> can return to it; its contract
/// name (<see cref="Name"/>) is still <c>paused</c>. States are created by <see cref="ProgramLifecycle"/>,
/// which knows the program's phases.
/// </remarks>
public readonly record struct LifecycleState
{
    internal LifecycleState(StateKind kind, int phaseIndex, string? phaseId)
    {
        Kind = kind;
        PhaseIndex = phaseIndex;
        PhaseId = phaseId;
    }

    /// <summary>The state before any event.</summary>
    public static LifecycleState Start { get; } = new(StateKind.Start, -1, null);

    /// <summary>The <c>referred</c> state.</summary>
    public static LifecycleState Referred { get; } = new(StateKind.Referred, -1, null);

    /// <summary>The <c>eligible</c> state.</summary>
    public static LifecycleState Eligible { get; } = new(StateKind.Eligible, -1, null);

    /// <summary>The <c>ineligible</c> state.</summary>
    public static LifecycleState Ineligible { get; } = new(StateKind.Ineligible, -1, null);

    /// <summary>The <c>waitlisted</c> state.</summary>
    public static LifecycleState Waitlisted { get; } = new(StateKind.Waitlisted, -1, null);

    /// <summary>The <c>enrolled</c> state.</summary>
    public static LifecycleState Enrolled { get; } = new(StateKind.Enrolled, -1, null);

    /// <summary>The <c>exited</c> state.</summary>
    public static LifecycleState Exited { get; } = new(StateKind.Exited, -1, null);

    /// <summary>The kind of state.</summary>
    public StateKind Kind { get; }

    /// <summary>For a phase or a paused phase, the 0-based index of the phase in the program; otherwise -1.</summary>
    public int PhaseIndex { get; }

    /// <summary>For a phase or a paused phase, the phase id; otherwise <c>null</c>.</summary>
    public string? PhaseId { get; }

    /// <summary>Whether the participant holds a place: <c>enrolled</c>, a phase, or <c>paused</c>.</summary>
    public bool IsEnrolled => Kind is StateKind.Enrolled or StateKind.Phase or StateKind.Paused;

    /// <summary>
    /// The state's name in the interchange contract: <c>referred</c>, …, the phase id, <c>paused</c>,
    /// <c>exited</c>; <c>null</c> for <see cref="Start"/>, which the contract does not name.
    /// </summary>
    public string? Name => Kind switch
    {
        StateKind.Start => null,
        StateKind.Referred => "referred",
        StateKind.Eligible => "eligible",
        StateKind.Ineligible => "ineligible",
        StateKind.Waitlisted => "waitlisted",
        StateKind.Enrolled => "enrolled",
        StateKind.Exited => "exited",
        StateKind.Phase => PhaseId,
        StateKind.Paused => "paused",
        _ => null,
    };

    /// <summary>The fixed state names of docs/interchange-contract.md §2, which no phase id may take: the same list as <see cref="StateNames.Reserved"/>.</summary>
    public static IReadOnlyList<string> ReservedNames => StateNames.Reserved;

    /// <summary>Whether <paramref name="name"/> is one of <see cref="ReservedNames"/>.</summary>
    /// <param name="name">A proposed phase id.</param>
    /// <returns><c>true</c> when the name is taken by a fixed state.</returns>
    public static bool IsReservedName(string? name) => StateNames.IsReserved(name);

    /// <summary>
    /// A readable, unique name: the contract name, <c>not yet referred</c> for <see cref="Start"/>, or
    /// <c>paused in employment</c> for a paused phase. Diagrams use it as the state's label.
    /// </summary>
    /// <returns>The display name.</returns>
    public override string ToString() => Kind switch
    {
        StateKind.Start => "not yet referred",
        StateKind.Paused => $"paused in {PhaseId}",
        _ => Name!,
    };
}
