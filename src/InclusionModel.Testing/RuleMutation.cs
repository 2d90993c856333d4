using InclusionModel.Contract;
using InclusionModel.Validation;

namespace InclusionModel.Testing;

/// <summary>A targeted mutation of a valid history: applied, the history must break <see cref="Rule"/>.</summary>
/// <param name="Rule">The rule the mutated history breaks.</param>
/// <param name="Description">What the mutation does.</param>
/// <param name="Apply">Mutates a valid generated history, or returns <c>null</c> when the history (or its program) gives it nothing to work on.</param>
public sealed record RuleMutation(ValidationRule Rule, string Description, Func<GeneratedHistory, GeneratedHistory?> Apply)
{
    /// <inheritdoc />
    public override string ToString() => $"{ValidationRules.Id(Rule)}: {Description}";
}
