using System.Buffers;
using System.Text.Json;
using System.Threading.Channels;

namespace InclusionModel.Floor;

/// <summary>
/// The floor of issue 11: read a file, split it into lines, run <see cref="Utf8JsonReader"/> over every token
/// of every line and touch each value; nothing validated, nothing written. Blocks of about a megabyte are cut
/// at a line end on the reading thread and parsed on every core, the way the command spreads its work.
/// </summary>
public static class BareParse
{
    private const int BlockSize = 1 << 20;

    public readonly record struct Tally(long Lines, long Tokens, long ValueBytes, long Malformed);

    public static Tally Run(Stream input, int workers)
    {
        var blocks = Channel.CreateBounded<(byte[] Buffer, int Length)>(workers * 2);
        var tallies = new Tally[workers];
        var threads = new Thread[workers];
        for (int w = 0; w < workers; w++)
        {
            int index = w;
            threads[w] = new Thread(() => tallies[index] = Work(blocks.Reader)) { IsBackground = true };
            threads[w].Start();
        }

        byte[] carry = [];
        int carried = 0;
        while (true)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(BlockSize + carried);
            carry.AsSpan(0, carried).CopyTo(buffer);
            if (carry.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(carry);
            }

            int filled = carried;
            int read;
            while (filled < buffer.Length && (read = input.Read(buffer, filled, buffer.Length - filled)) > 0)
            {
                filled += read;
            }

            bool end = filled < buffer.Length;
            int cut = end ? filled : buffer.AsSpan(0, filled).LastIndexOf((byte)'\n') + 1;
            if (cut == 0)
            {
                cut = filled; // a line longer than a block: hand on what there is
            }

            carried = filled - cut;
            carry = carried > 0 ? ArrayPool<byte>.Shared.Rent(carried) : [];
            buffer.AsSpan(cut, carried).CopyTo(carry);
            while (!blocks.Writer.TryWrite((buffer, cut)))
            {
                blocks.Writer.WaitToWriteAsync().AsTask().GetAwaiter().GetResult();
            }

            if (end)
            {
                break;
            }
        }

        blocks.Writer.Complete();
        foreach (var thread in threads)
        {
            thread.Join();
        }

        return new Tally(tallies.Sum(t => t.Lines), tallies.Sum(t => t.Tokens), tallies.Sum(t => t.ValueBytes), tallies.Sum(t => t.Malformed));
    }

    private static Tally Work(ChannelReader<(byte[] Buffer, int Length)> blocks)
    {
        long lines = 0, tokens = 0, valueBytes = 0, malformed = 0;
        while (blocks.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (blocks.TryRead(out var block))
            {
                var rest = block.Buffer.AsSpan(0, block.Length);
                while (!rest.IsEmpty)
                {
                    int end = rest.IndexOf((byte)'\n');
                    var line = end < 0 ? rest : rest[..end];
                    rest = end < 0 ? default : rest[(end + 1)..];
                    if (line.IsEmpty)
                    {
                        continue;
                    }

                    lines++;
                    try
                    {
                        var reader = new Utf8JsonReader(line);
                        while (reader.Read())
                        {
                            tokens++;
                            valueBytes += reader.ValueSpan.Length;
                        }
                    }
                    catch (JsonException)
                    {
                        malformed++;
                    }
                }

                ArrayPool<byte>.Shared.Return(block.Buffer);
            }
        }

        return new Tally(lines, tokens, valueBytes, malformed);
    }
}
