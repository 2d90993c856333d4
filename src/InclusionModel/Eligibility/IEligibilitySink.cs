namespace InclusionModel.Eligibility;

/// <summary>Receives a screening run's outcomes in line order.</summary>
public interface IEligibilitySink
{
    /// <summary>A decision with its trace.</summary>
    /// <param name="line">The line number.</param>
    /// <param name="request">The request.</param>
    /// <param name="trace">The decision and its trace.</param>
    void Decision(long line, EligibilityRequest request, EligibilityTrace trace);

    /// <summary>A malformed line.</summary>
    /// <param name="line">The line number.</param>
    /// <param name="error">The located error, <c>line N: reason</c>.</param>
    void Malformed(long line, string error);

    /// <summary>
    /// A line read in full that cannot be assessed: its program is unknown, or states no target group. It counts
    /// among the malformed lines (<see cref="EligibilitySummary.Malformed"/>, docs/contract.md), and by default it is
    /// reported as one; a sink for people may say what it is instead (the text report: "not assessed", "bedömdes inte").
    /// </summary>
    /// <param name="line">The line number.</param>
    /// <param name="error">The located error, <c>line N: reason</c>.</param>
    void CannotAssess(long line, string error) => Malformed(line, error);

    /// <summary>The run has ended.</summary>
    /// <param name="summary">Its counts.</param>
    void Complete(EligibilitySummary summary);
}
