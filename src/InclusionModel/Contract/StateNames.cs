namespace InclusionModel.Contract;

/// <summary>The fixed state names of docs/interchange-contract.md §2, which no phase id may take.</summary>
public static class StateNames
{
    /// <summary>The fixed states' names in the contract's order: <c>referred</c>, <c>eligible</c>, <c>ineligible</c>, <c>waitlisted</c>, <c>enrolled</c>, <c>paused</c>, <c>exited</c>.</summary>
    public static IReadOnlyList<string> Reserved { get; } =
        ["referred", "eligible", "ineligible", "waitlisted", "enrolled", "paused", "exited"];

    /// <summary>Whether <paramref name="name"/> is one of <see cref="Reserved"/>.</summary>
    /// <param name="name">A proposed phase id.</param>
    /// <returns><c>true</c> when the name is taken by a fixed state.</returns>
    public static bool IsReserved(string? name) => name is not null && Reserved.Contains(name);
}
