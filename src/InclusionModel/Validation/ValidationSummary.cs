using NodaTime;

namespace InclusionModel.Validation;

/// <summary>The counts of a validation run.</summary>
/// <param name="AsOf">The as-of date of the run.</param>
/// <param name="Records">Every line that was not blank.</param>
/// <param name="Valid">Well-formed records that broke no rule.</param>
/// <param name="Invalid">Well-formed records that broke at least one rule.</param>
/// <param name="Malformed">Lines that are not records of the contract's shape.</param>
public sealed record ValidationSummary(LocalDate AsOf, long Records, long Valid, long Invalid, long Malformed)
{
    /// <summary>Whether every record was valid (also true for an empty input).</summary>
    public bool AllValid => Invalid == 0 && Malformed == 0;

    /// <summary>
    /// The programs among the run's records whose participation reveals special-category data (their
    /// definitions say so), in the order first met; empty when none. The output is marked when any is.
    /// </summary>
    public System.Collections.Immutable.ImmutableArray<string> SpecialCategoryPrograms { get; init; } = [];

    /// <summary>Equal counts and equal marked programs, in the same order.</summary>
    /// <param name="other">The other summary.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(ValidationSummary? other)
        => other is not null && AsOf == other.AsOf && Records == other.Records && Valid == other.Valid && Invalid == other.Invalid && Malformed == other.Malformed
           && SpecialCategoryPrograms.SequenceEqual(other.SpecialCategoryPrograms);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(AsOf, Records, Valid, Invalid, Malformed);

    /// <summary>The counts as the text report ends with them, in the current UI culture's language.</summary>
    /// <returns>For example <c>19 records: 8 valid, 10 invalid, 1 malformed (as of 2021-06-30)</c>.</returns>
    public override string ToString()
        => Texts.Format(
            "text.summary",
            Records == 1 ? Texts.Get("text.record") : Texts.Format("text.records", Records),
            Texts.Count(Valid, "count.valid-one", "count.valid"),
            Texts.Count(Invalid, "count.invalid-one", "count.invalid"),
            Texts.Count(Malformed, "count.malformed-one", "count.malformed"),
            IsoDates.Format(AsOf));
}
