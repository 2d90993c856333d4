using System.Collections.Immutable;

namespace InclusionModel.Programs;

/// <summary>
/// A program's target group (målgrupp): required rules, and exceptions that make a person eligible
/// whatever the required rules say (docs/interchange-contract.md §5).
/// </summary>
public sealed record TargetGroup
{
    /// <summary>Creates a target group.</summary>
    /// <param name="required">The rules every eligible person meets.</param>
    /// <param name="exceptions">Rules any one of which makes a person eligible; default none.</param>
    /// <param name="description">The target group in the source's words (translated), or <c>null</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="required"/> is null.</exception>
    /// <exception cref="ArgumentException">A rule is null.</exception>
    public TargetGroup(IEnumerable<TargetGroupRule> required, IEnumerable<TargetGroupRule>? exceptions = null, string? description = null)
    {
        Required = Preconditions.CheckNotNull(required).ToImmutableArray();
        Exceptions = exceptions?.ToImmutableArray() ?? [];
        Preconditions.CheckArgument(Required.All(r => r is not null) && Exceptions.All(r => r is not null), nameof(required), "A rule is null.");
        LocalizedDescription = description;
    }

    /// <summary>The target group in words in <see cref="System.Globalization.CultureInfo.CurrentUICulture"/>, or <c>null</c>.</summary>
    public string? Description => LocalizedDescription?.ToString();

    /// <summary>The target group in words in every language given, or <c>null</c>; the constructor's plain description, or another with <c>with { LocalizedDescription = … }</c>.</summary>
    public LocalizedText? LocalizedDescription { get; init; }

    /// <summary>The rules every eligible person meets (unless an exception is met).</summary>
    public ImmutableArray<TargetGroupRule> Required { get; }

    /// <summary>Rules any one of which makes a person eligible whatever the required rules say.</summary>
    public ImmutableArray<TargetGroupRule> Exceptions { get; }
}
