using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InclusionModel.IO;

namespace InclusionModel.Tests.IO;

public class SpoolTest
{
    /// <summary>Writes of any sizes, held in memory or moved to the temporary file on the way, read back at any offset.</summary>
    [Property(MaxTest = 200)]
    public Property ReadAt_GivesTheBytesWrittenThere_InMemoryOrInTheFile()
    {
        var writes = Gen.Choose(0, 70_000).ListOf().Select(sizes => sizes.ToArray());
        return Prop.ForAll(writes.ToArbitrary(), Gen.Choose(1, 200_000).ToArbitrary(), (sizes, limit) =>
        {
            var random = new Random(sizes.Length + limit);
            var all = new List<byte>();
            using var spool = new Spool(limit);
            foreach (int size in sizes)
            {
                var bytes = new byte[size];
                random.NextBytes(bytes);
                spool.Write(bytes);
                all.AddRange(bytes);
            }

            var expected = all.ToArray();
            for (int i = 0; i < 8; i++)
            {
                int offset = expected.Length == 0 ? 0 : random.Next(expected.Length);
                int length = random.Next(expected.Length - offset + 1);
                var read = new byte[length];
                spool.ReadAt(offset, read);
                if (!read.AsSpan().SequenceEqual(expected.AsSpan(offset, length)))
                {
                    return false.Label($"{length} bytes at {offset} of {expected.Length}, limit {limit}");
                }
            }

            return (spool.Length == expected.Length).Label("length");
        });
    }

    [Fact]
    public void ReadAt_PastWhatWasWritten_IsRefused()
    {
        using var spool = new Spool(16);
        spool.Write(new byte[40]);

        Assert.Throws<ArgumentOutOfRangeException>(() => spool.ReadAt(30, new byte[11]));
        Assert.Throws<ArgumentOutOfRangeException>(() => spool.ReadAt(-1, new byte[1]));
    }
}
