using System.Collections.Immutable;
using NodaTime;

namespace InclusionModel.Programs;

/// <summary>The strategic goals built into the library.</summary>
public static class StrategicGoals
{
    /// <summary>
    /// The government's strategy for Roma inclusion, decided 2012-02-16, running 2012–2032: a Roma who turns
    /// 20 in 2032 has the same opportunities in life as a non-Roma.
    /// </summary>
    public static StrategicGoal RomaInclusion2012To2032 { get; } = new(
        "roma-inclusion-strategy-2012-2032",
        "Strategi för romsk inkludering 2012–2032",
        new LocalDate(2012, 2, 16),
        new DateRange(new LocalDate(2012, 1, 1), new LocalDate(2032, 12, 31)),
        "A Roma who turns 20 in 2032 has the same opportunities in life as a non-Roma.",
        "004_042457440a6acd72.txt");

    /// <summary>
    /// The sharpened minority legislation: from 2019-01-01 every municipality must adopt goals and guidelines
    /// for its minority-policy work and inform the national minorities (Jews, Roma, Sami, Sweden Finns,
    /// Tornedalians) of their rights. A duty of the municipality that programs for a minority work within.
    /// </summary>
    public static StrategicGoal MinorityPolicyDuties2019 { get; } = new(
        "minority-policy-duties-2019",
        "Skärpt minoritetslagstiftning från 2019-01-01",
        new LocalDate(2019, 1, 1),
        new DateRange(new LocalDate(2019, 1, 1), null),
        "Every municipality adopts goals and guidelines for its minority-policy work and informs the national minorities of their rights.",
        "004_042457440a6acd72.txt");

    /// <summary>Every built-in strategic goal.</summary>
    public static ImmutableArray<StrategicGoal> All { get; } = [RomaInclusion2012To2032, MinorityPolicyDuties2019];

    /// <summary>Finds a strategic goal by id.</summary>
    /// <param name="id">A strategic goal id.</param>
    /// <param name="goal">The goal, when found.</param>
    /// <returns>Whether the id is known.</returns>
    public static bool TryGet(string? id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out StrategicGoal? goal)
    {
        goal = All.FirstOrDefault(g => g.Id == id);
        return goal is not null;
    }
}
