using FsCheck;
using FsCheck.Fluent;
using InclusionModel.Eligibility;
using InclusionModel.Programs;
using NodaTime;

namespace InclusionModel.Testing;

/// <summary>A person to assess: the program, the assessment date and the facts.</summary>
/// <param name="Program">The program (it states a target group).</param>
/// <param name="On">The assessment date.</param>
/// <param name="Facts">The facts; each one is known or not, at random.</param>
public sealed record EligibilityCase(ProgramDefinition Program, LocalDate On, EligibilityFacts Facts)
{
    /// <summary>The case as an NDJSON line of <c>inclusion eligibility</c>'s input.</summary>
    /// <returns>The line.</returns>
    public override string ToString() => EligibilityGenerators.ToNdjson("case", Program.Id, On, Facts);
}
