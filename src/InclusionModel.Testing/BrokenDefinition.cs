namespace InclusionModel.Testing;

/// <summary>A definition file with one field broken, and the JSON path at which the problem must be reported.</summary>
/// <param name="Json">The definition text.</param>
/// <param name="Paths">The paths at which the problems must be reported (every problem is at one of them).</param>
/// <param name="Breakage">What was broken, for the failure message.</param>
public sealed record BrokenDefinition(string Json, IReadOnlyList<string> Paths, string Breakage)
{
    /// <inheritdoc />
    public override string ToString() => $"{Breakage} at {string.Join(", ", Paths)}";
}
