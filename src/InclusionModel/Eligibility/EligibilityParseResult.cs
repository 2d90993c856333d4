namespace InclusionModel.Eligibility;

/// <summary>A line read: the request, or why the line is malformed (never both).</summary>
/// <param name="Line">The 1-based line number.</param>
/// <param name="Request">The request, or <c>null</c>.</param>
/// <param name="Reason">Why the line is malformed, or <c>null</c>.</param>
public sealed record EligibilityParseResult(long Line, EligibilityRequest? Request, string? Reason)
{
    /// <summary>Whether the line held a request that passed its checks: then <see cref="Request"/> is not null and <see cref="Error"/> is.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Request))]
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(false, nameof(Error), nameof(Reason))]
    public bool Success => Request is not null;

    /// <summary>The located error, <c>line N: reason</c>, or <c>null</c>.</summary>
    public string? Error => Reason is null ? null : Texts.Format("line", TextTable.Line(Line), Reason);
}
