using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InclusionModel.Histories;
using InclusionModel.Programs;
using InclusionModel.Testing;

namespace InclusionModel.Tests.Histories;

/// <summary>
/// A line written the canonical way is read straight from its bytes; every other line by the general JSON reader.
/// Whatever the line, the two must give the same: the same history, or the same located reason.
/// </summary>
public class CanonicalReadingTest
{
    private static readonly string[] Fragments =
    [
        " ", "\\\"", "\\u0041", "null", ",\"x\":1", ",\"on\":\"2012-01-01\"", ",\"reason\":\"other\"", ",\"eligible\":true",
        ",\"studyDaysPerWeek\":7", ",\"studyDaysPerWeek\":2", "\"", "{", "}", "]", "[", ",", ":", "é", "\t", "0", "-", "true",
        ",\"gender\":null", ",\"kind\":\"job-interview\"", ",\"result\":\"hired\"", ",\"phase\":\"employment\"", "1e2", "\u007f",
    ];

    /// <summary>Generated histories of every catalogue program as written, then with a few fragments inserted or appended, bytes deleted or overwritten.</summary>
    public static Arbitrary<string> Lines()
        => Arb.From(
            from generated in Gen.Elements(ProgramCatalogue.BuiltIn.All.ToArray()).SelectMany(p => Gen.Choose(0, 10_000).Select(seed => HistoryGenerators.Sample(p, 1, seed).First()))
            let line = HistoryWriter.ToLine(generated.History)
            from edits in Gen.Choose(0, 3)
            from damage in Gen.ListOf(Gen.Zip(Gen.Choose(0, 3), Gen.Zip(Gen.Choose(0, 1 << 20), Gen.Elements(Fragments))), edits)
            select Damage(line, damage));

    private static string Damage(string line, IEnumerable<(int Kind, (int Position, string Fragment) Where)> damage)
    {
        var text = new StringBuilder(line);
        foreach (var (kind, (position, fragment)) in damage)
        {
            int at = position % (text.Length + 1);
            switch (kind)
            {
                case 0:
                    text.Insert(at, fragment);
                    break;
                case 3:
                    text.Append(fragment); // after the record: trailing text
                    break;
                case 1 when at < text.Length:
                    text.Remove(at, Math.Min(1 + (position % 3), text.Length - at));
                    break;
                default:
                    if (at < text.Length)
                    {
                        text[at] = fragment[0];
                    }

                    break;
            }
        }

        return text.ToString();
    }

    [Property(Arbitrary = [typeof(CanonicalReadingTest)], MaxTest = 5000)]
    public Property ReadingCanonicalLinesDirectly_GivesWhatTheGeneralReaderGives(string line)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(line);
        var direct = new HistoryReader().Read(utf8, 3);
        var general = new HistoryReader { ReadsCanonicalLinesDirectly = false }.Read(utf8, 3);

        bool same = direct.Success == general.Success
            && (direct.Success ? direct.Value!.Equals(general.Value) && EventsAgreeInEveryField(direct.Value!, general.Value!) : direct.Reason == general.Reason && direct.Line == general.Line);
        return same.Label($"{line}\n direct: {direct.Reason ?? "ok"}\n general: {general.Reason ?? "ok"}");
    }

    [Fact]
    public void AWrittenLine_IsReadDirectly_AndAnythingElseFallsBack()
    {
        var generated = HistoryGenerators.Sample(ProgramCatalogue.BuiltIn.Get("eskilstuna-romane-bucha"), 1, seed: 4).First();
        string line = HistoryWriter.ToLine(generated.History);
        var reader = new HistoryReader();

        Assert.True(reader.TryReadCanonicalForTest(Encoding.UTF8.GetBytes(line)));
        Assert.False(reader.TryReadCanonicalForTest(Encoding.UTF8.GetBytes(line.Replace("\"program\":", "\"program\" :", StringComparison.Ordinal))));
        Assert.False(reader.TryReadCanonicalForTest(Encoding.UTF8.GetBytes(line + " ")));
        Assert.Equal(generated.History, reader.Read(line, 1).GetValueOrThrow());
    }

    private static bool EventsAgreeInEveryField(ParticipantHistory a, ParticipantHistory b)
        => a.Events.Zip(b.Events).All(p => p.First.DayNumber == p.Second.DayNumber && p.First.Trigger == p.Second.Trigger && p.First.LacksRequiredOutcome == p.Second.LacksRequiredOutcome);
}
