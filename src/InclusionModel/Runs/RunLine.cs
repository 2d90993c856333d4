using System.Runtime.CompilerServices;
using InclusionModel.Histories;
using InclusionModel.IO;

namespace InclusionModel.Runs;

/// <summary>What a line of a run over NDJSON histories is (docs/contract.md, "One run, one set of counting words").</summary>
internal enum LineKind : byte
{
    /// <summary>A well-formed record (of the program the run is about, when it is about one).</summary>
    Record,

    /// <summary>A record of another program than the one the run is about: counted as read, then skipped.</summary>
    OtherProgram,

    /// <summary>Not a record of the contract's shape, or longer than the run's line limit.</summary>
    Malformed,
}

/// <summary>
/// The one way every run over NDJSON histories (validate, report, compare, the HTTP endpoints) reads a line:
/// whether it is too long, of another program, malformed or a record, the reason of a malformed line, and the
/// fingerprint of participant and program that the duplicate rule (<see cref="DuplicateRule"/>) looks at. A
/// malformed line whose participant and program can still be read keeps its fingerprint: a later record of the
/// same participant and program repeats it, in every command alike.
/// </summary>
internal static class RunLine
{
    /// <summary>Reads line <paramref name="i"/> of <paramref name="chunk"/>.</summary>
    /// <param name="reader">The worker's reader.</param>
    /// <param name="chunk">The chunk.</param>
    /// <param name="i">The line's index in the chunk.</param>
    /// <param name="program">The one program the run is about, or <c>null</c> for a run over every program.</param>
    /// <param name="maxLineBytes">The run's line limit, for the reason of a line over it.</param>
    /// <param name="history">The record, for <see cref="LineKind.Record"/>.</param>
    /// <param name="reason">Why the line is malformed, for <see cref="LineKind.Malformed"/>.</param>
    /// <param name="key">The fingerprint of participant and program, where they can be read (a record always has one).</param>
    /// <param name="named">The program a malformed line names, where it can be read.</param>
    /// <returns>What the line is.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static LineKind Read(HistoryReader reader, LineChunk chunk, int i, string? program, int maxLineBytes, out ParticipantHistory? history, out string? reason, out UInt128? key, out string? named)
    {
        history = null;
        reason = null;
        key = null;
        named = null;
        if (chunk.TooLong(i))
        {
            reason = Texts.Format("reader.too-long", maxLineBytes);
            return LineKind.Malformed;
        }

        var line = chunk.Line(i);
        if (program is not null && reader.TryPeekProgram(line, out string? peeked) && peeked != program)
        {
            return LineKind.OtherProgram;
        }

        var parsed = reader.Read(line, chunk.Number(i));
        if (parsed.Value is not { } read)
        {
            reason = parsed.Reason!;
            if (reader.TryPeekIds(line, out named, out var peekedKey) && (program is null || named == program))
            {
                key = peekedKey;
            }

            return LineKind.Malformed;
        }

        if (program is not null && read.Program != program)
        {
            return LineKind.OtherProgram;
        }

        history = read;
        key = HistoryReader.DuplicateKey(read);
        return LineKind.Record;
    }
}

/// <summary>What a line's fingerprint repeats (<see cref="DuplicateRule.Tell"/>).</summary>
internal enum Repeat : byte
{
    /// <summary>No earlier line of the run had this participant and program (or the line is malformed).</summary>
    None,

    /// <summary>A duplicate of an earlier well-formed record: the participant is already counted from that record.</summary>
    OfRecord,

    /// <summary>A duplicate whose earlier lines were all malformed: still a duplicate, but the first record of the participant that can be counted.</summary>
    OfMalformedLineOnly,
}

/// <summary>
/// The duplicate rule of a run (docs/interchange-contract.md §3, <c>duplicate-participant</c>): a record whose
/// participant and program are those of an earlier line of the run. Lines are told to it in line order. A
/// malformed line's readable ids are remembered (so a later record of them is a duplicate) but a malformed line is
/// never itself a duplicate: it is malformed. Memory: 16 bytes a fingerprint, never the ids. A run uses either
/// <see cref="IsDuplicate"/> (validation) or <see cref="Tell"/> (reports, which also need to know whether the
/// participant is already counted), never both.
/// </summary>
internal sealed class DuplicateRule(int expectedRecords = 0)
{
    /// <summary>Turns a fingerprint into the mark "first seen on a malformed line, no record yet" (kept in the same table; 128-bit fingerprints do not meet by chance). Only malformed lines, which are rare, add it.</summary>
    private static readonly UInt128 MalformedFirst = new(0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F);

    /// <summary>Turns a fingerprint into the mark "a record was counted after malformed lines".</summary>
    private static readonly UInt128 CountedAfterMalformed = new(0xD6E8FEB86659FD93, 0xA0761D6478BD642F);

    private readonly FingerprintSet _seen = new(expectedRecords);

    /// <summary>Tells the rule one line's fingerprint, in line order.</summary>
    /// <param name="key">The fingerprint of the line's participant and program.</param>
    /// <param name="malformed">Whether the line is malformed (remembered, never a duplicate).</param>
    /// <returns>Whether the line is a record that repeats an earlier line's participant and program.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool IsDuplicate(UInt128 key, bool malformed) => !_seen.Add(key) && !malformed;

    /// <summary>Tells the rule one line's fingerprint, in line order, and says what it repeats.</summary>
    /// <param name="key">The fingerprint of the line's participant and program.</param>
    /// <param name="malformed">Whether the line is malformed (remembered, never a duplicate).</param>
    /// <returns>What the line repeats.</returns>
    internal Repeat Tell(UInt128 key, bool malformed)
    {
        bool first = _seen.Add(key);
        if (malformed)
        {
            if (first)
            {
                _seen.Add(key ^ MalformedFirst);
            }

            return Repeat.None;
        }

        // The common case costs one insert, as IsDuplicate does: only a repeat looks further.
        if (first)
        {
            return Repeat.None;
        }

        return _seen.Contains(key ^ MalformedFirst) && _seen.Add(key ^ CountedAfterMalformed) ? Repeat.OfMalformedLineOnly : Repeat.OfRecord;
    }
}
