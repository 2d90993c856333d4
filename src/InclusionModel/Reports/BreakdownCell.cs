namespace InclusionModel.Reports;

/// <summary>A count broken down by a key (a gender, an education level, a state …), keys in the contract's order, empty cells left out.</summary>
/// <param name="Key">The key, in the contract's spelling (<c>woman</c>, <c>post-secondary</c>, <c>unknown</c> …).</param>
/// <param name="Count">How many.</param>
public readonly record struct BreakdownCell(string Key, long Count);
