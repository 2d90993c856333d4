namespace InclusionModel.Reports;

/// <summary>How a report is shown.</summary>
/// <param name="Publication">
/// Publication mode (docs/interchange-contract.md §6, docs/privacy.md): every count of 1 to <see cref="MinCell"/> − 1
/// people is suppressed (<c>..</c>), totals included; every other count but 0 is perturbed by the cell-key method,
/// so that no suppressed count can be worked out from any number of published reports; goals are computed from the
/// perturbed counts; the <c>records</c> block (lines, not people) is left out. Exact counts are the default, as in
/// a program's own internal reports.
/// </param>
public sealed record ReportOptions(bool Publication = false)
{
    private readonly int _minCell = 5;

    /// <summary>Exact counts.</summary>
    public static ReportOptions Internal { get; } = new();

    /// <summary>The publication threshold k: counts of 1 to k − 1 people are masked. Default 5; at least 3.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 3.</exception>
    public int MinCell
    {
        get => _minCell;
        init => _minCell = value >= 3 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The publication threshold is at least 3: with 2, two masked cells of 1 would be known.");
    }

    /// <summary>The text shown for a suppressed figure, whatever the threshold: <c>..</c> (as Statistics Sweden writes it).</summary>
    public string MaskedText => ReportWriter.Masked;
}
