using System.Runtime.CompilerServices;
using System.Text;

namespace InclusionModel.Contract;

/// <summary>
/// The interchange contract's names of the values of an enum: the member name in kebab-case
/// (<c>NonBinary</c> is <c>non-binary</c>, <c>JobInterview</c> is <c>job-interview</c>).
/// </summary>
/// <typeparam name="T">One of the contract's enums.</typeparam>
public static class ContractNames<T>
    where T : struct, Enum
{
    private static readonly T[] Values = Enum.GetValues<T>();
    private static readonly string[] Names = new string[Values.Length];
    private static readonly byte[][] Utf8Names = new byte[Values.Length][];

    // Each name's length and first eight bytes (zero-padded): a lookup compares two integers per name and
    // the rest of the bytes only for the one that matches (the reader looks up every event's type).
    private static readonly int[] Lengths = new int[Values.Length];
    private static readonly ulong[] Heads = new ulong[Values.Length];

    // The contract's enums are byte-sized and numbered 0, 1, 2…: then a value is its own index.
    private static readonly bool ValueIsIndex = Fill();

    /// <summary>Fills the tables in one plain loop (a type initializer per enum runs at start-up, so no LINQ here).</summary>
    private static bool Fill()
    {
        bool valueIsIndex = Enum.GetUnderlyingType(typeof(T)) == typeof(byte);
        for (int i = 0; i < Values.Length; i++)
        {
            var value = Values[i];
            Names[i] = ToKebabCase(value.ToString());
            Utf8Names[i] = Encoding.UTF8.GetBytes(Names[i]);
            Lengths[i] = Utf8Names[i].Length;
            Heads[i] = Head(Utf8Names[i]);
            valueIsIndex = valueIsIndex && Unsafe.As<T, byte>(ref value) == i;
        }

        return valueIsIndex;
    }

    /// <summary>Every contract name, in the enum's order.</summary>
    public static IReadOnlyList<string> All => Names;

    /// <summary>The contract name of <paramref name="value"/>.</summary>
    /// <param name="value">A defined value.</param>
    /// <returns>The name, such as <c>non-binary</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not a defined value.</exception>
    public static string Name(T value)
    {
        int index = IndexOf(value);
        return index >= 0 ? Names[index] : throw new ArgumentOutOfRangeException(nameof(value), value, "Not a defined value.");
    }

    /// <summary>Finds the value whose contract name is <paramref name="name"/> (exact, case-sensitive).</summary>
    /// <param name="name">A contract name.</param>
    /// <param name="value">The value, when found.</param>
    /// <returns><c>true</c> when found.</returns>
    public static bool TryParse(ReadOnlySpan<char> name, out T value)
    {
        for (int i = 0; i < Names.Length; i++)
        {
            if (name.SequenceEqual(Names[i]))
            {
                value = Values[i];
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>Finds the value whose contract name is the UTF-8 text <paramref name="utf8"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool TryParse(ReadOnlySpan<byte> utf8, out T value)
    {
        ulong head = Head(utf8);
        var lengths = Lengths;
        var heads = Heads;
        for (int i = 0; i < lengths.Length; i++)
        {
            if (lengths[i] == utf8.Length && heads[i] == head && (utf8.Length <= 8 || utf8[8..].SequenceEqual(Utf8Names[i].AsSpan(8))))
            {
                value = Values[i];
                return true;
            }
        }

        value = default;
        return false;
    }

    private static ulong Head(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length >= 8)
        {
            return System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(utf8);
        }

        ulong head = 0;
        for (int i = 0; i < utf8.Length; i++)
        {
            head |= (ulong)utf8[i] << (8 * i);
        }

        return head;
    }

    internal static ReadOnlySpan<byte> Utf8Name(T value) => Utf8Names[IndexOf(value)];

    private static int IndexOf(T value)
    {
        if (ValueIsIndex)
        {
            int index = Unsafe.As<T, byte>(ref value);
            return index < Names.Length ? index : -1;
        }

        return Array.IndexOf(Values, value);
    }

    private static string ToKebabCase(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 4);
        for (int i = 0; i < pascal.Length; i++)
        {
            char c = pascal[i];
            if (char.IsUpper(c) && i > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
