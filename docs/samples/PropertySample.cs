using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InclusionModel.Programs;
using InclusionModel.Testing;
using InclusionModel.Validation;

namespace InclusionModel.Docs.Samples;

// Plain FsCheck, without the kit's laws: FsCheck draws each argument of a [Property] from an Arbitrary
// (here the kit's generator of the histories Steget allows), 100 times by default, and shrinks a failure.
public static class StegetArbitraries
{
    public static Arbitrary<GeneratedHistory> StegetHistory()
        => HistoryGenerators.ValidHistory(StegetDefinitionTest.Load("orebro-steget.json")).ToArbitrary();
}

public class StegetProperties
{
    [Property(Arbitrary = new[] { typeof(StegetArbitraries) }, MaxTest = 200)]
    public bool EveryGeneratedHistory_IsValid(GeneratedHistory generated)
        => new HistoryValidator(ProgramCatalogue.BuiltIn.With([generated.Program])).Validate(generated.History, generated.AsOf).IsValid;

    [Property(Arbitrary = new[] { typeof(StegetArbitraries) }, MaxTest = 200)]
    public bool InternsStudyAtMostTwoDaysAWeek(GeneratedHistory generated)
        => StegetDefinitionTest.StudiesAtMostTwoDaysAWeekDuringTheInternship(generated.History) is null;
}
