using InclusionModel.Programs;

namespace InclusionModel.Tests.Programs;

public class ProgramDefinitionBuilderTest
{
    [Fact]
    public void NullItems_AreRefusedWhereTheyAreGiven()
    {
        var builder = ProgramDefinition.Builder("x", "x");

        Assert.Throws<ArgumentException>(() => builder.WithGoals([null!]));
        Assert.Throws<ArgumentException>(() => builder.WithStaff([null!]));
        Assert.Throws<ArgumentException>(() => builder.WithSources([null!]));
        Assert.Throws<ArgumentException>(() => new TargetGroup([null!]));
        Assert.Throws<ArgumentNullException>(() => builder.AddGoal(null!));
    }

    [Fact]
    public void UndefinedEnumValues_AreProblemsNotCrashes()
    {
        var result = ProgramDefinition.Builder("x", "x").AddPhase("a")
            .AddGoal(new Goal("g", (GoalQuantity)99, 3))
            .AddReport(new ReportDuty((ReportKind)99))
            .AddSource(new SourceReference("s.txt"))
            .AddTakenAs(new TakenAs("$.name", "s.txt", null, "r"))
            .TryBuild();

        Assert.Equal(["$.goals[0].quantity", "$.reports[0].kind"], result.Problems.Select(p => p.Path));
    }

    [Fact]
    public void From_ThenChange_LeavesTheOriginalAlone()
    {
        var bucha = ProgramCatalogue.BuiltIn.Get("eskilstuna-romane-bucha");

        var changed = ProgramDefinitionBuilder.From(bucha).WithPlaces(40).WithId("eskilstuna-romane-bucha-2").Build();

        Assert.Equal((30, "eskilstuna-romane-bucha"), (bucha.Places, bucha.Id));
        Assert.Equal((40, "eskilstuna-romane-bucha-2"), (changed.Places, changed.Id));
        Assert.Equal(bucha.Phases.ToArray(), changed.Phases.ToArray());
    }
}
