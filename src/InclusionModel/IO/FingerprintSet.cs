using System.Runtime.CompilerServices;

namespace InclusionModel.IO;

/// <summary>
/// The set of 128-bit participant fingerprints (<see cref="Histories.HistoryReader.DuplicateKey(Histories.ParticipantHistory)"/>)
/// that finds <c>duplicate-participant</c>: an open-addressing table of the fingerprints themselves, 16
/// bytes a slot. The fingerprints are XxHash128 values, so their low bits spread evenly and serve as the
/// slot index. Half the size of a <see cref="HashSet{T}"/> of <see cref="UInt128"/> (which keeps a hash
/// code, a link and padding beside each value), so a 1 GB export's 1.7 million records fit in 32 MB.
/// </summary>
internal sealed class FingerprintSet
{
    private const double MaxLoad = 0.875;

    private UInt128[] _slots;
    private int _count;
    private bool _hasZero;

    /// <summary>Creates an empty set with room for about <paramref name="expected"/> fingerprints before it grows.</summary>
    internal FingerprintSet(int expected = 0)
    {
        int capacity = 1024;
        while (capacity * MaxLoad < expected && capacity < (1 << 30))
        {
            capacity <<= 1;
        }

        _slots = new UInt128[capacity];
    }

    /// <summary>How many distinct fingerprints were added.</summary>
    internal int Count => _count + (_hasZero ? 1 : 0);

    /// <summary>Adds a fingerprint; <c>false</c> when it was there already.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal bool Add(UInt128 fingerprint)
    {
        if (fingerprint == UInt128.Zero)
        {
            // Zero marks an empty slot, so the one fingerprint that is zero is kept beside the table.
            bool added = !_hasZero;
            _hasZero = true;
            return added;
        }

        if (_count + 1 > _slots.Length * MaxLoad)
        {
            Grow();
        }

        return Insert(_slots, fingerprint) && ++_count > 0;
    }

    /// <summary>Whether <paramref name="fingerprint"/> has been added.</summary>
    /// <param name="fingerprint">The fingerprint.</param>
    /// <returns><c>true</c> when it is in the set.</returns>
    internal bool Contains(UInt128 fingerprint)
    {
        if (fingerprint == UInt128.Zero)
        {
            return _hasZero;
        }

        int mask = _slots.Length - 1;
        for (int index = (int)((ulong)fingerprint & (ulong)mask); ; index = (index + 1) & mask)
        {
            var held = _slots[index];
            if (held == fingerprint)
            {
                return true;
            }

            if (held == UInt128.Zero)
            {
                return false;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Insert(UInt128[] slots, UInt128 fingerprint)
    {
        int mask = slots.Length - 1;
        int index = (int)((ulong)fingerprint & (ulong)mask);
        while (true)
        {
            var held = slots[index];
            if (held == UInt128.Zero)
            {
                slots[index] = fingerprint;
                return true;
            }

            if (held == fingerprint)
            {
                return false;
            }

            index = (index + 1) & mask;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Grow()
    {
        var bigger = new UInt128[_slots.Length * 2];
        foreach (var held in _slots)
        {
            if (held != UInt128.Zero)
            {
                Insert(bigger, held);
            }
        }

        _slots = bigger;
    }
}
