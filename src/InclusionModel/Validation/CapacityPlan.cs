using System.Runtime.CompilerServices;
using InclusionModel.Histories;
using InclusionModel.Programs;
using NodaTime;

namespace InclusionModel.Validation;

/// <summary>Which enrolments of a run exceed their program's places. Immutable and thread-safe.</summary>
public sealed class CapacityPlan
{
    private readonly Dictionary<string, EnrolmentKey> _cutoffs;

    internal CapacityPlan(Dictionary<string, EnrolmentKey> cutoffs) => _cutoffs = cutoffs;

    /// <summary>A plan in which no enrolment exceeds (capacity is not checked).</summary>
    public static CapacityPlan Unchecked { get; } = new([]);

    /// <summary>Whether the enrolment at <paramref name="key"/> in <paramref name="program"/> exceeds its places.</summary>
    /// <param name="program">The program.</param>
    /// <param name="key">The enrolment's position in the run.</param>
    /// <returns><c>true</c> when earlier enrolments already take every place.</returns>
    public bool Exceeds(ProgramDefinition program, EnrolmentKey key)
        => _cutoffs.Count > 0 && _cutoffs.TryGetValue(program.Id, out var cutoff) && key.CompareTo(cutoff) > 0;
}
