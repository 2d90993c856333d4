using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InclusionModel.Histories;
using InclusionModel.Testing;

namespace InclusionModel.Tests.Histories;

public class HistoryRoundTripTest
{
    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 500)]
    public Property WriteThenRead_GeneratedHistory_IsUnchanged(GeneratedHistory generated)
    {
        string line = HistoryWriter.ToLine(generated.History);
        var back = new HistoryReader().Read(line, 1);

        return (back.Success && back.Value!.Equals(generated.History)).Label(back.Error ?? line);
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 200)]
    public Property WriteThenRead_WriteAgain_GivesTheSameLine(GeneratedHistory generated)
    {
        string line = HistoryWriter.ToLine(generated.History);

        return (HistoryWriter.ToLine(new HistoryReader().Read(line, 1).GetValueOrThrow()) == line).ToProperty();
    }

    [Fact]
    public void ToLine_AbsentOptionalFields_AreLeftOut()
    {
        var history = ParticipantHistory.Create("p-1", "x", [HistoryEvent.Referred(TestData.D("2012-02-01"))]);

        Assert.Equal("""{"participant":"p-1","program":"x","events":[{"on":"2012-02-01","type":"referred"}]}""", HistoryWriter.ToLine(history));
    }

    [Fact]
    public void ToString_NeverShowsTheParticipantId()
    {
        var history = ParticipantHistory.Create("880402-1239", "x", []);

        Assert.DoesNotContain("1239", history.ToString());
    }
}
