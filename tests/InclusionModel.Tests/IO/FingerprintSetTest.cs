using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InclusionModel.Histories;
using InclusionModel.IO;

namespace InclusionModel.Tests.IO;

public class FingerprintSetTest
{
    /// <summary>Fingerprints drawn from a small pool (so that repeats are common), low bits often alike (so that slots collide), zero among them.</summary>
    private static Gen<UInt128[]> Fingerprints =>
        from pool in Gen.Choose(1, 3000)
        from picks in Gen.Choose(0, pool - 1).ArrayOf()
        select picks.Select(p => p == 0 ? UInt128.Zero : new UInt128((ulong)p * 7919, (ulong)(p % 5) << 20)).ToArray();

    [Property(MaxTest = 200)]
    public Property Add_SaysWhatAHashSetSays(NonNegativeInt expected)
        => Prop.ForAll(Fingerprints.ToArbitrary(), keys =>
        {
            var set = new FingerprintSet(expected.Get % 5000);
            var reference = new HashSet<UInt128>();
            bool same = keys.All(k => set.Add(k) == reference.Add(k));
            return (same && set.Count == reference.Count).ToProperty();
        });

    [Fact]
    public void Add_GrowsPastItsFirstSize_AndKeepsEveryFingerprint()
    {
        var set = new FingerprintSet();
        for (ulong i = 1; i <= 100_000; i++)
        {
            Assert.True(set.Add(new UInt128(i, i * 31)));
        }

        for (ulong i = 1; i <= 100_000; i++)
        {
            Assert.False(set.Add(new UInt128(i, i * 31)));
        }

        Assert.Equal(100_000, set.Count);
    }
}
