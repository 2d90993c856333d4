using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InclusionModel.Contract;
using InclusionModel.Histories;
using InclusionModel.Programs;
using InclusionModel.Validation;
using NodaTime;

namespace InclusionModel.Tests.Validation;

/// <summary>
/// The duration rules at their bounds (contract §3: <c>S + m months &lt;= E - P days &lt;= S + M months</c>):
/// a phase that ends one day before, on, and one day after its bound, started on the dates where month
/// arithmetic bites, with and without paused days. The bound is worked out by NodaTime's <see cref="Period"/>.
/// </summary>
public class DurationBoundsPropertiesTest
{
    public sealed record Case(LocalDate Start, string StartKind, bool Minimum, int Months, int Delta, int PausedDays, bool Open)
    {
        public override string ToString()
            => $"{(Minimum ? "minimum" : "maximum")} {Months} months from {Start:uuuu-MM-dd} ({StartKind}), {PausedDays} paused days, ended {Delta:+0;-0;0} day(s) from the bound{(Open ? ", still open" : "")}";
    }

    private static Gen<Case> Cases
        => from start in Oracles.EdgeDates
           from minimum in Gen.Elements(true, false)
           from months in Gen.Choose(1, 24)
           from delta in Gen.Choose(-1, 1)
           from paused in Gen.Elements(0, 0, 1, 17, 40)
           from open in Gen.Elements(false, !minimum) // a minimum is checked when the phase closes, a maximum also while it is open
           select new Case(start.Date, start.Kind, minimum, months, delta, paused, open);

    /// <summary>The phase ends <c>delta</c> days from its bound, net of its paused days.</summary>
    private static (ParticipantHistory History, LocalDate End, HistoryValidator Validator) History(Case c)
    {
        var bound = Oracles.PlusMonths(c.Start, c.Months)!.Value;
        var end = bound.PlusDays(c.PausedDays + c.Delta);
        var program = ProgramDefinition.Create("bounds", "Bounds", [
            PhaseDefinition.Create("first", minimumMonths: c.Minimum ? c.Months : null, maximumMonths: c.Minimum ? null : c.Months),
            PhaseDefinition.Create("last")]);
        var events = new List<HistoryEvent>
        {
            HistoryEvent.Referred(c.Start.PlusDays(-3)), HistoryEvent.Assessed(c.Start.PlusDays(-2), true), HistoryEvent.Enrolled(c.Start.PlusDays(-1)),
            HistoryEvent.PhaseStarted(c.Start, "first"),
        };
        if (c.PausedDays > 0)
        {
            events.Add(HistoryEvent.Paused(c.Start.PlusDays(1)));
            events.Add(HistoryEvent.Resumed(c.Start.PlusDays(1 + c.PausedDays)));
        }

        if (!c.Open)
        {
            events.Add(HistoryEvent.PhaseStarted(end, "last"));
        }

        return (ParticipantHistory.Create("p-bounds", program.Id, events), end, new HistoryValidator(ProgramSet.Of([program])));
    }

    [Property(MaxTest = 1000)]
    public Property PhaseEndingADayFromItsBound_BreaksTheRuleOnlyPastIt()
        => Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var (history, end, validator) = History(c);

            var violations = validator.Validate(history, end).Violations;

            // Expected from the contract alone: the net end against S + n months.
            var bound = c.Start.Plus(Period.FromMonths(c.Months));
            var netEnd = end.PlusDays(-c.PausedDays);
            bool belowMinimum = c.Minimum && netEnd < bound;
            bool aboveMaximum = !c.Minimum && netEnd > bound;
            return (violations.Any(v => v.Rule == ValidationRule.PhaseMinDuration) == belowMinimum
                    && violations.Any(v => v.Rule == ValidationRule.PhaseMaxDuration) == aboveMaximum
                    && violations.All(v => v.Rule is ValidationRule.PhaseMinDuration or ValidationRule.PhaseMaxDuration))
                .Label(string.Join("; ", violations))
                .Classify(c.Delta < 0, "a day short of the bound")
                .Classify(c.Delta == 0, "on the bound")
                .Classify(c.Delta > 0, "a day past the bound")
                .Classify(c.PausedDays > 0, "with paused days")
                .Collect(c.StartKind);
        });

    [Fact]
    public void TheBoundOracle_AgreesWithTheBaseClassLibrary_OnEveryEdgeDate()
    {
        // The oracle of the oracle: NodaTime's Period and DateTime.AddMonths both clamp to the month's end.
        foreach (var (date, _) in Oracles.EdgeDates.Sample(2000))
        {
            for (int months = 0; months <= 24; months++)
            {
                var bcl = new DateTime(date.Year, date.Month, date.Day).AddMonths(months);
                Assert.Equal(new LocalDate(bcl.Year, bcl.Month, bcl.Day), Oracles.PlusMonths(date, months));
            }
        }

        Assert.Equal(new LocalDate(2024, 2, 29), Oracles.PlusMonths(new LocalDate(2024, 1, 31), 1));
        Assert.Equal(new LocalDate(2025, 2, 28), Oracles.PlusMonths(new LocalDate(2024, 2, 29), 12));
        Assert.Null(Oracles.PlusMonths(new LocalDate(9999, 12, 1), 1));
    }

    [Fact]
    public void TheCases_CoverEveryKindOfStartAndEveryDelta()
    {
        var sample = Cases.Sample(3000);

        Assert.Equal(6, sample.Select(c => c.StartKind).Distinct().Count());
        Assert.All(new[] { -1, 0, 1 }, d => Assert.True(sample.Count(c => c.Delta == d) > 600, $"delta {d}"));
        Assert.True(sample.Count(c => c.StartKind == "29 February") > 200);
        Assert.True(sample.Count(c => c.Open) > 300);
        Assert.True(sample.Count(c => c.PausedDays > 0) > 1000);
    }
}
