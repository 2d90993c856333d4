using System.Runtime.CompilerServices;
using InclusionModel.Histories;
using InclusionModel.Programs;

namespace InclusionModel.Validation;

/// <summary>
/// The first pass of a validation run for the rule <c>capacity-exceeded</c>: it sees every applied
/// enrolment of the run and keeps, per program with places, only the earliest ones that fit, so its
/// memory is bounded by the places, not by the input. Not thread-safe.
/// </summary>
/// <remarks>
/// The rule counts the applied <c>enrolled</c> events of one program across all records of a run, in date
/// order, ties in input order. Because a later record may hold an earlier enrolment, the verdict needs the
/// whole run first: observe every record with <see cref="Observe"/>, then validate with <see cref="ToPlan"/>.
/// </remarks>
public sealed class EnrolmentLedger
{
    private readonly HistoryValidator _validator;
    private readonly List<EnrolmentKey> _scratch = [];
    private readonly Dictionary<string, (PriorityQueue<EnrolmentKey, EnrolmentKey> Earliest, int Places, long Count)> _byProgram = new(StringComparer.Ordinal);

    internal EnrolmentLedger(HistoryValidator validator) => _validator = validator;

    /// <summary>Replays <paramref name="history"/> and notes each of its applied enrolments.</summary>
    /// <param name="history">A history of the run.</param>
    /// <param name="sequence">Its position in the run's input; the same number must be given when it is validated.</param>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is null.</exception>
    public void Observe(ParticipantHistory history, long sequence)
    {
        _scratch.Clear();
        if (_validator.CollectEnrolments(Preconditions.CheckNotNull(history), sequence, _scratch) is { } program)
        {
            Record(program, _scratch);
        }
    }

    /// <summary>Notes applied enrolments of <paramref name="program"/> found by a replay.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void Record(ProgramDefinition program, List<EnrolmentKey> enrolments)
    {
        foreach (var key in enrolments)
        {
            Record(program, key);
        }
    }

    /// <summary>The capacity verdicts for the run, from what has been observed.</summary>
    /// <returns>The plan to validate with.</returns>
    public CapacityPlan ToPlan()
    {
        var cutoffs = new Dictionary<string, EnrolmentKey>(StringComparer.Ordinal);
        foreach (var (program, entry) in _byProgram)
        {
            if (entry.Count > entry.Places && entry.Earliest.TryPeek(out var last, out _))
            {
                cutoffs[program] = last;
            }
        }

        return new CapacityPlan(cutoffs);
    }

    internal void Record(ProgramDefinition program, EnrolmentKey key)
    {
        if (program.Places is not { } places)
        {
            return;
        }

        ref var entry = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_byProgram, program.Id, out bool exists);
        if (!exists)
        {
            entry = (new PriorityQueue<EnrolmentKey, EnrolmentKey>(Comparer<EnrolmentKey>.Create((a, b) => b.CompareTo(a))), places, 0);
        }

        entry.Count++;
        if (entry.Earliest.Count < places)
        {
            entry.Earliest.Enqueue(key, key);
        }
        else if (key.CompareTo(entry.Earliest.Peek()) < 0)
        {
            entry.Earliest.DequeueEnqueue(key, key);
        }
    }
}
