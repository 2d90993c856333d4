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

        return (back.Success && back.Value!.Equals(generated.History)).Label(back.Reason ?? line);
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

public class HistoryReaderRobustnessTest
{
    /// <summary>A generated line with a few bytes overwritten by arbitrary ones (including invalid UTF-8 and escapes).</summary>
    public static Arbitrary<byte[]> DamagedLines()
        => Arb.From(
            from generated in HistoryGenerators.ValidHistory()
            let line = System.Text.Encoding.UTF8.GetBytes(HistoryWriter.ToLine(generated.History))
            from count in Gen.Choose(1, 4)
            from damage in Gen.ListOf(Gen.Zip(Gen.Choose(0, line.Length - 1), Gen.Elements<byte>(0xFF, 0xC3, (byte)'\\', (byte)'"', (byte)'u', (byte)'{', (byte)']', (byte)'0', (byte)'-', (byte)'n', 0x00)), count)
            select Damage(line, damage));

    private static byte[] Damage(byte[] line, IEnumerable<(int Position, byte Value)> damage)
    {
        var copy = (byte[])line.Clone();
        foreach (var (position, value) in damage)
        {
            copy[position] = value;
        }

        return copy;
    }

    [Property(Arbitrary = [typeof(HistoryReaderRobustnessTest)], MaxTest = 2000)]
    public Property Read_DamagedLine_NeverThrowsAndAlwaysLocatesAProblemOrReadsARecord(byte[] line)
    {
        var result = new HistoryReader().Read(line, 7);

        return (result.Success || (result.Line == 7 && !string.IsNullOrEmpty(result.Reason))).Label(result.Reason ?? "ok");
    }
}
