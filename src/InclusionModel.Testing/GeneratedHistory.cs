using InclusionModel.Histories;
using InclusionModel.Programs;
using NodaTime;

namespace InclusionModel.Testing;

/// <summary>
/// A generated participant history with the program it belongs to and the as-of date it is meant to be
/// validated on. Prints as an NDJSON line plus the as-of date, so a counterexample can be pasted into
/// <c>inclusion validate --as-of …</c>.
/// </summary>
/// <param name="Program">The program the history belongs to.</param>
/// <param name="History">The history.</param>
/// <param name="AsOf">The as-of date to validate on.</param>
public sealed record GeneratedHistory(ProgramDefinition Program, ParticipantHistory History, LocalDate AsOf)
{
    /// <summary>The history as an NDJSON line and the as-of date.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
        => $"--as-of {AsOf:uuuu-MM-dd}{Environment.NewLine}{HistoryWriter.ToLine(History)}";
}
