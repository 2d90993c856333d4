using System.Collections.Immutable;
using NodaTime;

namespace InclusionModel.Programs;

/// <summary>
/// A national strategic goal that programs can refer to (for example the government's strategy for Roma
/// inclusion 2012–2032). It is not tracked by reports: it is the frame a program works within.
/// </summary>
/// <param name="Id">The id programs use in <c>strategicGoals</c>.</param>
/// <param name="Name">The strategy's name.</param>
/// <param name="Decided">The date the strategy was decided, or <c>null</c>.</param>
/// <param name="Period">The years the strategy runs.</param>
/// <param name="Goal">The strategy's goal in words.</param>
/// <param name="Source">The file name of the source text the facts come from.</param>
public sealed record StrategicGoal(string Id, string Name, LocalDate? Decided, DateRange Period, string Goal, string Source);
