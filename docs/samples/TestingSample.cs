using InclusionModel.Histories;
using InclusionModel.Programs;
using InclusionModel.Testing;
using Xunit;

namespace InclusionModel.Docs.Samples;

public class StegetDefinitionTest
{
    // The definition under test, copied beside the test assembly by the project file.
    public static ProgramDefinition Load(string file)
        => ProgramDefinitionJson.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "samples", "programs", file))).GetValueOrThrow();

    private static readonly ProgramDefinition Steget = Load("orebro-steget.json");

    // What the project plan says, as an expectation of every history the definition allows:
    // a reason when a history breaks it, null when it keeps it.
    public static string? StudiesAtMostTwoDaysAWeekDuringTheInternship(ParticipantHistory history)
        => history.Events
            .Where(e => e.Phase == "internship" && e.StudyDaysPerWeek > 2)
            .Select(e => $"studies {e.StudyDaysPerWeek} days a week in the internship from {e.On:yyyy-MM-dd}")
            .FirstOrDefault();

    [Fact]
    public void EveryLawOfTheKitHolds() => ProgramLaws.CheckAll(Steget, tests: 300);

    [Fact]
    public void InternsStudyAtMostTwoDaysAWeek()
        => ProgramLaws.EveryValidHistory(Steget, StudiesAtMostTwoDaysAWeekDuringTheInternship, "interns study at most two days a week");
}
