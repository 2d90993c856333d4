using System.Collections.Immutable;
using InclusionModel.RuleChanges;

namespace InclusionModel.Workbooks;

/// <summary>
/// A comparison written as a workbook while it runs (issue 24): hand <see cref="Histories"/> (or <see cref="People"/>) to
/// <see cref="RuleChangeImpact.CompareHistories"/> (or <see cref="RuleChangeImpact.ComparePeople"/>) as the action for each
/// change, then write the workbook with the result. The changes are kept in an owner-only temporary file until then,
/// so memory does not grow with them; <see cref="Dispose"/> removes it. Not thread-safe: one comparison at a time.
/// </summary>
public sealed class ComparisonWorkbook : IDisposable
{
    private readonly ChangeRows _rows = new();

    /// <summary>Keeps a record whose verdict changes (a row of the Changes sheet).</summary>
    /// <param name="change">The change.</param>
    /// <exception cref="ArgumentNullException"><paramref name="change"/> is <c>null</c>.</exception>
    public void Histories(VerdictChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        _rows.Add(change);
    }

    /// <summary>Keeps a person whose eligibility decision changes (a row of the Changes sheet).</summary>
    /// <param name="change">The change.</param>
    /// <exception cref="ArgumentNullException"><paramref name="change"/> is <c>null</c>.</exception>
    public void People(PersonChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        _rows.Add(change);
    }

    /// <summary>Writes the workbook of a comparison of histories, with the changes kept so far: as <see cref="WorkbookWriter.WriteComparison"/> does.</summary>
    /// <param name="result">What the comparison found.</param>
    /// <param name="programName">The program's name, for the title.</param>
    /// <param name="output">Where to write; flushed, not closed.</param>
    /// <exception cref="ArgumentNullException">An argument is <c>null</c>.</exception>
    public void WriteHistories(RuleChangeResult result, string programName, Stream output)
        => WorkbookWriter.WriteComparison(result, programName, _rows.Histories(), output);

    /// <summary>Writes the workbook of a comparison of eligibility decisions, with the changes kept so far: as <see cref="WorkbookWriter.WritePeopleComparison"/> does.</summary>
    /// <param name="result">What the comparison found.</param>
    /// <param name="definition">The fields that differ between the two definitions (<see cref="RuleChangeImpact.Differences"/>).</param>
    /// <param name="output">Where to write; flushed, not closed.</param>
    /// <exception cref="ArgumentNullException">An argument is <c>null</c>.</exception>
    public void WritePeople(PeopleChangeResult result, ImmutableArray<DefinitionDifference> definition, Stream output)
        => WorkbookWriter.WritePeopleComparison(result, definition, _rows.People(), output);

    /// <summary>Removes the temporary file of the changes.</summary>
    public void Dispose() => _rows.Dispose();
}
