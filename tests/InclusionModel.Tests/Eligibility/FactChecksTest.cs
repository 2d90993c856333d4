using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InclusionModel.Eligibility;
using NodaTime;

namespace InclusionModel.Tests.Eligibility;

/// <summary>
/// The fast path's one-expression check of the facts (<c>HasProblem</c>) says what the per-check list says
/// (<c>FirstProblem</c>, which the command line's reader names problems by), on facts drawn to break each check at
/// its edge: dates a day either side of the assessment date, of the birth date and of the oldest age.
/// </summary>
public class FactChecksTest
{
    private static readonly LocalDate On = new(2020, 2, 29);

    /// <summary>A date near one of the edges the checks compare with.</summary>
    private static Gen<LocalDate?> Near(params LocalDate[] edges)
        => Gen.OneOf(
            Gen.Constant<LocalDate?>(null),
            from edge in Gen.Elements(edges)
            from days in Gen.Choose(-2, 2)
            select (LocalDate?)edge.PlusDays(days));

    private static Gen<EligibilityFacts> Facts
    {
        get
        {
            var oldest = On.PlusYears(-(EligibilityRequestValidator.MaxAge + 1));
            return from birth in Near(On, oldest, new LocalDate(1990, 6, 15))
                   from permit in Near(birth ?? On, On)
                   from declared in Near(birth ?? On, On)
                   from unemployed in Near(On, birth ?? On)
                   from municipality in Gen.Elements<string?>(null, "Hällefors", "", " ", "\t")
                   select new EligibilityFacts
                   {
                       BirthDate = birth,
                       ResidencePermitDate = permit,
                       SelfDeclaredTargetGroup = declared is { } d ? new SelfDeclaration(true, d) : null,
                       UnemployedSince = unemployed,
                       Municipality = municipality,
                   };
        }
    }

    [Property(MaxTest = 2000)]
    public Property OneExpression_AgreesWithEveryCheck()
        => Prop.ForAll(Facts.ToArbitrary(), facts =>
        {
            string? first = EligibilityRequestValidator.FirstProblem(facts, On);
            return (EligibilityRequestValidator.HasProblem(facts, On) == first is not null)
                .Label(first ?? "no problem")
                .Classify(first is null, "sound")
                .Collect(first ?? "none");
        });

    [Theory]
    [InlineData(2020, 2, 29, false)] // born on the assessment date: age 0
    [InlineData(2020, 3, 1, true)] // born after it
    [InlineData(1889, 3, 1, false)] // 130 (the oldest age) on 2020-02-29
    [InlineData(1889, 2, 28, true)] // 131
    public void BirthDate_AtItsEdges(int year, int month, int day, bool problem)
    {
        var facts = new EligibilityFacts { BirthDate = new LocalDate(year, month, day) };

        Assert.Equal(problem, EligibilityRequestValidator.HasProblem(facts, On));
        Assert.Equal(problem, EligibilityRequestValidator.FirstProblem(facts, On) is not null);
    }
}
