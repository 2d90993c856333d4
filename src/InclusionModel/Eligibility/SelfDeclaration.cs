using NodaTime;

namespace InclusionModel.Eligibility;

/// <summary>
/// The person's own, voluntary statement that they belong to a program's target group (for minority
/// programs), with the date it was given. It is the only way such membership is ever known to the library,
/// it is read only by the <c>self-declared-target-group</c> rule, and it never appears in a report, a log
/// line or an exception message.
/// </summary>
/// <param name="Declared">Whether the person declared belonging (<c>false</c>: declared not belonging, or withdrew).</param>
/// <param name="On">The date the statement was given.</param>
public readonly record struct SelfDeclaration(bool Declared, LocalDate On)
{
    /// <summary>Says that the statement exists without saying what it is.</summary>
    /// <returns>A neutral text.</returns>
    public override string ToString() => "(a self-declaration, not shown)";
}
