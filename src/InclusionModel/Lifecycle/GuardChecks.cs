using InclusionModel.Validation;

namespace InclusionModel.Lifecycle;

/// <summary>The guarded rules that a compiled transition carries, read from the guard descriptions of the Stateless definition.</summary>
[Flags]
internal enum GuardChecks : byte
{
    None = 0,
    EnrolmentWindow = 1,
    Capacity = 2,
    MinDuration = 4,
    CompletedTooEarly = 8,
    StudyDays = 16,
}

internal static class GuardChecksExtensions
{
    internal static GuardChecks FromRule(ValidationRule rule) => rule switch
    {
        ValidationRule.OutsideEnrolmentWindow => GuardChecks.EnrolmentWindow,
        ValidationRule.CapacityExceeded => GuardChecks.Capacity,
        ValidationRule.PhaseMinDuration => GuardChecks.MinDuration,
        ValidationRule.CompletedTooEarly => GuardChecks.CompletedTooEarly,
        ValidationRule.StudyDaysExceeded => GuardChecks.StudyDays,
        _ => throw new InvalidOperationException($"Rule '{rule.Id()}' is not a transition guard."),
    };
}

/// <summary>One cell of the compiled transition table.</summary>
/// <param name="Target">The index of the target state, or -1 when the move is not allowed.</param>
/// <param name="Checks">The guarded rules to check on this move.</param>
internal readonly record struct CompiledTransition(short Target, GuardChecks Checks)
{
    internal static CompiledTransition None => new(-1, GuardChecks.None);
}
