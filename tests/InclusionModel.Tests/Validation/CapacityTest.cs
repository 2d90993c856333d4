using InclusionModel.Contract;
using InclusionModel.Histories;
using InclusionModel.Programs;
using InclusionModel.Validation;
using NodaTime;
using static InclusionModel.Tests.TestData;

namespace InclusionModel.Tests.Validation;

public class CapacityTest
{
    private static readonly ProgramDefinition ThreePlaces =
        ProgramDefinition.Create("three-places", "Three places", [PhaseDefinition.Create("activities")], places: 3);

    private static readonly HistoryValidator Validator = new(ProgramSet.Of([ThreePlaces]));
    private static readonly LocalDate AsOf = new(2030, 1, 1);

    private static ParticipantHistory Enrolling(string id, string on, string program = "three-places")
        => ParticipantHistory.Create(id, program, [HistoryEvent.Referred(D(on).PlusDays(-2)), HistoryEvent.Assessed(D(on).PlusDays(-1), true), HistoryEvent.Enrolled(D(on))]);

    private static string[] Exceeding(IEnumerable<HistoryValidationResult> results)
        => [.. results.Where(r => r.Violations.Any(v => v.Rule == ValidationRule.CapacityExceeded)).Select(r => r.Participant!)];

    [Fact]
    public void ValidateAll_FourthEnrolmentByDate_ExceedsEvenWhenItComesFirstInTheInput()
    {
        var run = new[] { Enrolling("late", "2020-05-01"), Enrolling("a", "2020-01-01"), Enrolling("b", "2020-02-01"), Enrolling("c", "2020-03-01") };

        Assert.Equal(["late"], Exceeding(Validator.ValidateAll(run, AsOf)));
    }

    [Fact]
    public void ValidateAll_TiesOnTheSameDate_AreBrokenByInputOrder()
    {
        var run = new[] { Enrolling("a", "2020-01-01"), Enrolling("b", "2020-01-01"), Enrolling("c", "2020-01-01"), Enrolling("d", "2020-01-01"), Enrolling("e", "2020-01-01") };

        Assert.Equal(["d", "e"], Exceeding(Validator.ValidateAll(run, AsOf)));
    }

    [Fact]
    public void ValidateAll_ExactlyThePlaces_NothingExceeds()
    {
        var run = new[] { Enrolling("a", "2020-01-01"), Enrolling("b", "2020-01-02"), Enrolling("c", "2020-01-03") };

        Assert.All(Validator.ValidateAll(run, AsOf), r => Assert.True(r.IsValid));
    }

    [Fact]
    public void ValidateAll_EnrolmentsNotApplied_AreNotCounted()
    {
        // The first record's enrolment breaks transition-not-allowed (no assessment), so it takes no place.
        var notApplied = ParticipantHistory.Create("x", "three-places", [HistoryEvent.Referred(D("2019-12-01")), HistoryEvent.Enrolled(D("2019-12-02"))]);
        var run = new[] { notApplied, Enrolling("a", "2020-01-01"), Enrolling("b", "2020-01-02"), Enrolling("c", "2020-01-03") };

        Assert.Empty(Exceeding(Validator.ValidateAll(run, AsOf)));
    }

    [Fact]
    public void ValidateAll_SecondEpisodeEnrolment_TakesAnotherPlace()
    {
        var twice = ParticipantHistory.Create("twice", "three-places",
        [
            HistoryEvent.Referred(D("2020-01-01")), HistoryEvent.Assessed(D("2020-01-02"), true), HistoryEvent.Enrolled(D("2020-01-03")),
            HistoryEvent.Exited(D("2020-02-01"), ExitReason.Moved),
            HistoryEvent.Referred(D("2020-06-01")), HistoryEvent.Assessed(D("2020-06-02"), true), HistoryEvent.Enrolled(D("2020-06-03")),
        ]);
        var run = new[] { twice, Enrolling("a", "2020-03-01"), Enrolling("b", "2020-04-01") };

        var result = Validator.ValidateAll(run, AsOf);

        var violation = Assert.Single(result[0].Violations);
        Assert.Equal((ValidationRule.CapacityExceeded, 6), (violation.Rule, violation.EventIndex));
    }

    [Fact]
    public void ValidateAll_OtherPrograms_DoNotShareThePlaces()
    {
        var validator = new HistoryValidator(ProgramCatalogue.BuiltIn.With([ThreePlaces]));
        var run = new[]
        {
            Enrolling("a", "2020-01-01"), Enrolling("b", "2020-01-02"), Enrolling("c", "2020-01-03"),
            Enrolling("elsewhere", "2020-01-04", "helsingborg-vorta-drom"),
        };

        Assert.Empty(Exceeding(validator.ValidateAll(run, AsOf)));
    }

    [Fact]
    public void ValidateAll_RomaneBucha_ThirtyFirstEnrolmentExceeds()
    {
        var validator = new HistoryValidator();
        var run = Enumerable.Range(0, 31)
            .Select(i => Enrolling($"p-{i:D2}", new LocalDate(2012, 1, 1).PlusDays(i).ToString("uuuu-MM-dd", null), "eskilstuna-romane-bucha"))
            .ToArray();

        Assert.Equal(["p-30"], Exceeding(validator.ValidateAll(run, AsOf)));
    }

    [Fact]
    public void Validate_WithoutPlan_DoesNotCheckPlaces()
    {
        Assert.True(Validator.Validate(Enrolling("a", "2020-01-01"), AsOf).IsValid);
    }
}
