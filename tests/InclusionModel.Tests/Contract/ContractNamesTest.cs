using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InclusionModel.Contract;
using InclusionModel.Histories;

namespace InclusionModel.Tests.Contract;

public class ContractNamesTest
{
    [Fact]
    public void EveryName_ParsesBackToItsValue_FromUtf8AndFromText()
    {
        AllRoundTrip<EventType>();
        AllRoundTrip<ExitReason>();
        AllRoundTrip<PauseReason>();
        AllRoundTrip<ActivityKind>();
        AllRoundTrip<InterviewResult>();
        AllRoundTrip<InclusionModel.Histories.Outcome>();
        AllRoundTrip<EmploymentForm>();
        AllRoundTrip<Subsidy>();
        AllRoundTrip<ReferralSource>();
        AllRoundTrip<Gender>();
        AllRoundTrip<EducationLevel>();
        Assert.Equal("phase-started", ContractNames<EventType>.Name(EventType.PhaseStarted));
        Assert.Equal("job-interview", ContractNames<ActivityKind>.Name(ActivityKind.JobInterview));
    }

    /// <summary>A text parses exactly when it is one of the names, byte for byte: near misses (a name cut, lengthened, or one byte changed) never do.</summary>
    [Property(MaxTest = 2000)]
    public Property Utf8Lookup_FindsExactlyTheNames()
    {
        var names = ContractNames<EventType>.All.Concat(ContractNames<ExitReason>.All).ToArray();
        var nearMiss = Gen.Elements(names).SelectMany(name => Gen.Choose(0, 3).SelectMany(kind => Gen.Choose(0, Math.Max(0, name.Length - 1)).Select(at => kind switch
        {
            0 => name,
            1 => name[..at],
            2 => name + name[at],
            _ => name[..at] + (char)(name[at] ^ 1) + name[(at + 1)..],
        })));
        return Prop.ForAll(nearMiss.ToArbitrary(), text =>
        {
            bool isEvent = ContractNames<EventType>.TryParse(Encoding.UTF8.GetBytes(text), out var e);
            bool isExit = ContractNames<ExitReason>.TryParse(Encoding.UTF8.GetBytes(text), out var x);
            bool eventOk = isEvent == ContractNames<EventType>.All.Contains(text) && (!isEvent || ContractNames<EventType>.Name(e) == text);
            bool exitOk = isExit == ContractNames<ExitReason>.All.Contains(text) && (!isExit || ContractNames<ExitReason>.Name(x) == text);
            return (eventOk && exitOk).Label(text);
        });
    }

    private static void AllRoundTrip<T>()
        where T : struct, Enum
    {
        foreach (var value in Enum.GetValues<T>())
        {
            string name = ContractNames<T>.Name(value);
            Assert.True(ContractNames<T>.TryParse(Encoding.UTF8.GetBytes(name), out T fromUtf8), name);
            Assert.Equal(value, fromUtf8);
            Assert.True(ContractNames<T>.TryParse(name.AsSpan(), out T fromText), name);
            Assert.Equal(value, fromText);
        }
    }
}
