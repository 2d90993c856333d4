using System.Collections.Frozen;
using System.Collections.Immutable;
using InclusionModel.Programs;

namespace InclusionModel.Eligibility;

/// <summary>
/// The values a rule works with in one program: its parameters from the definition, with the rule's
/// defaults for those not set, and the program's municipalities.
/// </summary>
public sealed class RuleArguments
{
    internal RuleArguments(TargetGroupRule reference, ProgramDefinition program, int minimumAge, int maximumAge, int months, int ofMonths, int withinMonths, ImmutableArray<RuleArguments> parts = default)
    {
        Parts = parts.IsDefault ? [] : parts;
        Reference = reference;
        var names = reference.Municipalities ?? program.Municipalities ?? [];
        Municipalities = names;
        _municipalitySet = names.Length > 16 ? names.ToFrozenSet(StringComparer.OrdinalIgnoreCase) : null;
        MinimumAge = reference.MinimumAge ?? minimumAge;
        MaximumAge = reference.MaximumAge ?? maximumAge;
        Months = reference.Months ?? months;
        OfMonths = reference.OfMonths ?? ofMonths;
        WithinMonths = reference.WithinMonths ?? withinMonths;
    }

    /// <summary>The rule as the definition names it.</summary>
    public TargetGroupRule Reference { get; }

    /// <summary>For a composed rule: the arguments of its parts, in order.</summary>
    public ImmutableArray<RuleArguments> Parts { get; }

    /// <summary>The municipalities (the rule's own, else the program's).</summary>
    public ImmutableArray<string> Municipalities { get; }

    private readonly FrozenSet<string>? _municipalitySet;

    /// <summary>Whether <paramref name="name"/> is one of <see cref="Municipalities"/>, ignoring case (a short list is scanned: faster than hashing).</summary>
    internal bool HasMunicipality(string name)
    {
        if (_municipalitySet is { } set)
        {
            return set.Contains(name);
        }

        foreach (string candidate in Municipalities)
        {
            if (candidate.Length == name.Length && string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The lowest age.</summary>
    public int MinimumAge { get; }

    /// <summary>The highest age.</summary>
    public int MaximumAge { get; }

    /// <summary>Months (with assistance, or looked at).</summary>
    public int Months { get; }

    /// <summary>Months looked back over.</summary>
    public int OfMonths { get; }

    /// <summary>Months since the residence permit.</summary>
    public int WithinMonths { get; }
}
