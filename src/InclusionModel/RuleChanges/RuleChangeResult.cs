using System.Collections.Immutable;
using InclusionModel.Reports;
using NodaTime;

namespace InclusionModel.RuleChanges;

/// <summary>What a comparison found (docs/interchange-contract.md §7).</summary>
public sealed record RuleChangeResult
{
    /// <summary>The program's id.</summary>
    public required string Program { get; init; }

    /// <summary>The as-of date the histories were judged on.</summary>
    public required LocalDate AsOf { get; init; }

    /// <summary>Lines read, blank lines aside.</summary>
    public long Read { get; init; }

    /// <summary>Lines of the compared program that could be read (other programs' and malformed lines are counted in <see cref="Read"/> only).</summary>
    public long OfProgram { get; init; }

    /// <summary>Records whose verdict changed.</summary>
    public long Changed { get; init; }

    /// <summary>Changed records that are valid under the candidate and were not under the baseline.</summary>
    public long NowValid { get; init; }

    /// <summary>Changed records that are invalid under the candidate and were valid under the baseline.</summary>
    public long NowInvalid { get; init; }

    /// <summary>The fields that differ between the definitions.</summary>
    public ImmutableArray<DefinitionDifference> Definition { get; init; } = [];

    /// <summary>The figures and goal statuses as of <see cref="AsOf"/> that differ, in the order of §6.</summary>
    public ImmutableArray<FigureChange> Figures { get; init; } = [];

    /// <summary>The program's report under the baseline, over <see cref="RuleChangeImpact.FiguresPeriod"/>: from its start to the as-of date.</summary>
    public required ProgramReport BaselineReport { get; init; }

    /// <summary>The program's report under the candidate, over <see cref="RuleChangeImpact.FiguresPeriod"/>: from its start to the as-of date.</summary>
    public required ProgramReport CandidateReport { get; init; }

    /// <summary>Whether either definition marks its participation as special-category data.</summary>
    public bool SpecialCategoryData { get; init; }
}
