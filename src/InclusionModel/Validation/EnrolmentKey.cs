using NodaTime;

namespace InclusionModel.Validation;

/// <summary>The position of one applied enrolment in a validation run: date order, then input order.</summary>
/// <param name="On">The date of the enrolment.</param>
/// <param name="Sequence">The record's position in the input (for example its line number).</param>
/// <param name="EventIndex">The event's index in the record.</param>
public readonly record struct EnrolmentKey(LocalDate On, long Sequence, int EventIndex) : IComparable<EnrolmentKey>
{
    /// <inheritdoc />
    public int CompareTo(EnrolmentKey other)
    {
        int c = On.CompareTo(other.On);
        if (c != 0)
        {
            return c;
        }

        c = Sequence.CompareTo(other.Sequence);
        return c != 0 ? c : EventIndex.CompareTo(other.EventIndex);
    }
}
