namespace InclusionModel.Programs;

/// <summary>The kinds of report a program may owe.</summary>
public enum ReportKind
{
    /// <summary>A summary of each calendar month of implementation (månadssammanfattning).</summary>
    MonthlySummary,

    /// <summary>A report of each calendar half-year of implementation (halvårsrapport).</summary>
    HalfYearReport,

    /// <summary>The final report on the whole program (slutrapport).</summary>
    FinalReport,
}
