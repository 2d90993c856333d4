using System.Collections.Immutable;
using InclusionModel.Contract;

namespace InclusionModel.Lifecycle;

/// <summary>
/// The answer to "may this participant make this move on this date?": whether it is allowed, the state
/// it leads to, and otherwise every reason why not, each with its rule id.
/// </summary>
/// <param name="IsAllowed">Whether the move is allowed and every guard is met.</param>
/// <param name="Target">The state the move leads to when allowed; otherwise <c>null</c>.</param>
/// <param name="Reasons">Why the move is refused (empty when allowed); each reason's <see cref="Violation.EventIndex"/> is <c>null</c>.</param>
public sealed record TransitionCheck(bool IsAllowed, LifecycleState? Target, ImmutableArray<Violation> Reasons);
