using InclusionModel.Programs;

namespace InclusionModel.Tests.Programs;

/// <summary>Compares two definitions fact by fact (the model's arrays compare by content here).</summary>
internal static class DefinitionAssert
{
    internal static void Same(ProgramDefinition expected, ProgramDefinition actual)
    {
        Assert.Equal(
            (expected.Id, expected.Name, expected.LocalizedDescription, expected.Owner, expected.Budget, expected.LocalizedPurpose, expected.Period, expected.StatedEnrolmentWindow, expected.Places),
            (actual.Id, actual.Name, actual.LocalizedDescription, actual.Owner, actual.Budget, actual.LocalizedPurpose, actual.Period, actual.StatedEnrolmentWindow, actual.Places));
        Seq(expected.Partners, actual.Partners);
        Seq(expected.Municipalities, actual.Municipalities);
        Seq(expected.Funders, actual.Funders);
        Seq(expected.LocalizedMethods, actual.LocalizedMethods);
        Seq(expected.Staff, actual.Staff);
        Seq(expected.StrategicGoals, actual.StrategicGoals);
        Seq(expected.Reports, actual.Reports);
        Assert.Equal(expected.Phases.ToArray(), actual.Phases.ToArray());
        Assert.Equal(expected.Sources.ToArray(), actual.Sources.ToArray());
        Assert.Equal(expected.TakenAs.ToArray(), actual.TakenAs.ToArray());
        Assert.Equal(expected.StatedBy.ToArray(), actual.StatedBy.ToArray());
        Assert.Equal(expected.Findings.ToArray(), actual.Findings.ToArray());
        Assert.Equal(expected.TargetGroup is null, actual.TargetGroup is null);
        if (expected.TargetGroup is { } e && actual.TargetGroup is { } a)
        {
            Assert.Equal(e.LocalizedDescription, a.LocalizedDescription);
            Assert.Equal(e.Required.ToArray(), a.Required.ToArray());
            Assert.Equal(e.Exceptions.ToArray(), a.Exceptions.ToArray());
        }

        Assert.Equal(expected.Goals is null, actual.Goals is null);
        if (expected.Goals is { } eg && actual.Goals is { } ag)
        {
            Assert.Equal(eg.Select(g => (g.Id, g.Names, g.Quantity, g.Target, g.LocalizedDescription, g.Bound, string.Join(",", g.Milestones))), ag.Select(g => (g.Id, g.Names, g.Quantity, g.Target, g.LocalizedDescription, g.Bound, string.Join(",", g.Milestones))));
        }
    }

    private static void Seq<T>(System.Collections.Immutable.ImmutableArray<T>? expected, System.Collections.Immutable.ImmutableArray<T>? actual)
    {
        Assert.Equal(expected is null, actual is null);
        if (expected is { } e && actual is { } a)
        {
            Assert.Equal(e.ToArray(), a.ToArray());
        }
    }
}
