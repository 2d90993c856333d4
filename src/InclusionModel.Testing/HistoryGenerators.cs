using FsCheck;
using FsCheck.Fluent;
using InclusionModel.Histories;
using InclusionModel.Programs;
using NodaTime;

namespace InclusionModel.Testing;

/// <summary>
/// FsCheck generators of participant histories. Valid histories respect their program's phases, minimum
/// and maximum durations (net of pauses), study days, enrolment window and outcomes; each is built
/// from a seed that FsCheck draws, so a run replays from FsCheck's own seed.
/// </summary>
public static class HistoryGenerators
{
    /// <summary>Valid histories of <paramref name="program"/>, each with an as-of date on which it validates clean (places aside).</summary>
    /// <param name="program">The program.</param>
    /// <param name="requirePhase">When <c>true</c>, every history has one episode that reaches a phase.</param>
    /// <returns>The generator.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="program"/> is null.</exception>
    public static Gen<GeneratedHistory> ValidHistory(ProgramDefinition program, bool requirePhase = false)
    {
        ArgumentNullException.ThrowIfNull(program);
        return from seed in Gen.Choose(0, int.MaxValue)
               from number in Gen.Choose(1, 999_999)
               select new HistoryBuilder(program, new Random(seed)).Build(number, requirePhase);
    }

    /// <summary>Valid histories of any program of <paramref name="programs"/> (default the built-in catalogue).</summary>
    /// <param name="programs">The programs to draw from.</param>
    /// <param name="requirePhase">When <c>true</c>, every history reaches a phase.</param>
    /// <returns>The generator.</returns>
    public static Gen<GeneratedHistory> ValidHistory(ProgramSet? programs = null, bool requirePhase = false)
        => from program in Gen.Elements((programs ?? ProgramCatalogue.BuiltIn).All.ToArray())
           from history in ValidHistory(program, requirePhase)
           select history;

    /// <summary>
    /// A valid run of <paramref name="program"/>: up to <paramref name="maxRecords"/> valid histories with
    /// distinct participants (<c>p-000001</c>, <c>p-000002</c> … in run order, so no record is a
    /// <c>duplicate-participant</c>) whose enrolments together never exceed the program's places (records
    /// are dropped once the places are taken).
    /// </summary>
    /// <remarks>
    /// Each record is valid as of its own <see cref="GeneratedHistory.AsOf"/> (a later date may find an
    /// open phase over its maximum), so validate the run as a run, each record as of its own date, against
    /// the run's capacity plan:
    /// <code>
    /// var ledger = validator.CreateLedger();
    /// for (int i = 0; i &lt; run.Length; i++) ledger.Observe(run[i].History, i);
    /// var plan = ledger.ToPlan();
    /// for (int i = 0; i &lt; run.Length; i++) Assert.True(validator.Validate(run[i].History, run[i].AsOf, plan, i).IsValid);
    /// </code>
    /// </remarks>
    /// <param name="program">The program.</param>
    /// <param name="maxRecords">The most records.</param>
    /// <returns>The generator.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="program"/> is null.</exception>
    public static Gen<GeneratedHistory[]> ValidRun(ProgramDefinition program, int maxRecords = 100)
    {
        ArgumentNullException.ThrowIfNull(program);
        return from count in Gen.Choose(0, Math.Max(0, maxRecords))
               from histories in ValidHistory(program).ArrayOf(count)
               select WithinPlaces(program, histories);
    }

    private static GeneratedHistory[] WithinPlaces(ProgramDefinition program, GeneratedHistory[] histories)
    {
        if (program.Places is not { } places)
        {
            return Distinct(histories);
        }

        var kept = new List<GeneratedHistory>();
        int taken = 0;
        foreach (var generated in histories)
        {
            int enrolments = generated.History.Events.Count(e => e.Type == EventType.Enrolled);
            if (taken + enrolments <= places)
            {
                kept.Add(generated);
                taken += enrolments;
            }
        }

        return Distinct(kept);
    }

    /// <summary>The run with its participants numbered in run order, so that no two records share one.</summary>
    private static GeneratedHistory[] Distinct(IReadOnlyList<GeneratedHistory> run)
        => [.. run.Select((g, i) => g with
        {
            History = ParticipantHistory.Create($"p-{i + 1:D6}", g.History.Program, g.History.Events, g.History.Gender, g.History.BirthDate, g.History.EducationLevel),
        })];

    /// <summary>
    /// Shrinks a valid generated history to shorter valid ones: its prefixes, each validated as of its
    /// last event's date (so an open phase never runs over its maximum).
    /// </summary>
    /// <param name="generated">A valid generated history.</param>
    /// <returns>Shorter histories, shortest first.</returns>
    public static IEnumerable<GeneratedHistory> ShrinkToPrefixes(GeneratedHistory generated)
    {
        ArgumentNullException.ThrowIfNull(generated);
        var events = generated.History.Events;
        for (int length = 1; length < events.Length; length++)
        {
            var prefix = events.Take(length).ToArray();
            yield return generated with { History = generated.History.WithEvents(prefix), AsOf = prefix[^1].On };
        }
    }

    /// <summary>
    /// A fixed, reproducible sample of valid histories of <paramref name="program"/>, outside FsCheck: for
    /// benchmarks, sample files and demonstrations. Like <see cref="ValidRun"/>, the sample is valid as one run:
    /// its enrolments together never exceed the program's places, so a history that would enrol past them is
    /// left out and another drawn (one without an enrolment always fits).
    /// </summary>
    /// <param name="program">The program.</param>
    /// <param name="count">How many histories; fewer only when the places are taken and the program's histories
    /// keep enrolling (after many draws the sample stops).</param>
    /// <param name="seed">The seed; the same seed gives the same histories.</param>
    /// <returns>The histories, numbered from 1.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="program"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public static IReadOnlyList<GeneratedHistory> Sample(ProgramDefinition program, int count, int seed)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var random = new Random(seed);
        var sample = new List<GeneratedHistory>(count);
        long taken = 0;
        for (int draws = 0; sample.Count < count && draws < (count * 50L) + 100; draws++)
        {
            var generated = new HistoryBuilder(program, new Random(random.Next())).Build(sample.Count + 1, requirePhase: false);
            int enrolments = generated.History.Events.Count(e => e.Type == EventType.Enrolled);
            if (program.Places is { } places && taken + enrolments > places)
            {
                continue;
            }

            taken += enrolments;
            sample.Add(generated);
        }

        return sample;
    }

    /// <summary>An arbitrary of valid histories of the catalogue that shrinks to prefixes.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<GeneratedHistory> ValidHistoryArbitrary()
        => Arb.From(ValidHistory(), ShrinkToPrefixes);
}
