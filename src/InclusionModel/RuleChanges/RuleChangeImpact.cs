using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Json.Nodes;
using InclusionModel.Contract;
using InclusionModel.Histories;
using InclusionModel.IO;
using InclusionModel.Programs;
using InclusionModel.Reports;
using InclusionModel.Runs;
using InclusionModel.Validation;
using NodaTime;

namespace InclusionModel.RuleChanges;

/// <summary>
/// Rule-change impact (docs/interchange-contract.md §7): the records whose verdict changes when a program's
/// definition changes from a baseline to a candidate, and what that does to the program's report and goals
/// as of the same date: the figures are counted from the program's start to the as-of date, each record
/// valid or not by the very verdict that is compared, so that <c>records.invalid</c> moves by exactly
/// <see cref="RuleChangeResult.NowInvalid"/> − <see cref="RuleChangeResult.NowValid"/>. Each line is parsed once and judged under both definitions; capacity (<c>capacity-exceeded</c>)
/// and duplicates are counted per run under each definition.
/// </summary>
/// <remarks>
/// Two passes over the input, like <see cref="Runs.NdjsonValidation"/>: the first collects each definition's
/// enrolments for its capacity plan and finds repeated participants, the second judges every record of the
/// program under both and counts both reports, on every core. Memory is bounded by the chunks in
/// flight and the programs' places; changes reach the caller in line order, one at a time.
/// </remarks>
public sealed class RuleChangeImpact
{
    private readonly ProgramSet _baselineSet;
    private readonly ProgramSet _candidateSet;

    /// <summary>Creates a comparison of two definitions of one program.</summary>
    /// <param name="baseline">The program as it is.</param>
    /// <param name="candidate">The changed program; the same id.</param>
    /// <param name="programs">The other programs the input may name (default the built-in catalogue); the compared program's entry is replaced by each definition in turn.</param>
    /// <exception cref="ArgumentNullException"><paramref name="baseline"/> or <paramref name="candidate"/> is null.</exception>
    /// <exception cref="ArgumentException">The two definitions are of different programs.</exception>
    public RuleChangeImpact(ProgramDefinition baseline, ProgramDefinition candidate, ProgramSet? programs = null)
    {
        Baseline = Preconditions.CheckNotNull(baseline);
        Candidate = Preconditions.CheckNotNull(candidate);
        Preconditions.CheckArgument(baseline.Id == candidate.Id, nameof(candidate), $"The candidate is a definition of '{candidate.Id}', the baseline of '{baseline.Id}': compare two definitions of one program.");
        programs ??= ProgramCatalogue.BuiltIn;
        _baselineSet = programs.With([baseline]);
        _candidateSet = programs.With([candidate]);
        Differences = Diff(baseline, candidate);
    }

    /// <summary>The program as it is.</summary>
    public ProgramDefinition Baseline { get; }

    /// <summary>The changed program.</summary>
    public ProgramDefinition Candidate { get; }

    /// <summary>The fields that differ between the two definitions, in the definition's order.</summary>
    public ImmutableArray<DefinitionDifference> Differences { get; }

    /// <summary>How many threads judge at once; default the number of processors.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>The longest line accepted; a longer one is malformed. Default 64 MiB.</summary>
    public int MaxLineBytes { get; init; } = NdjsonLineReader.DefaultMaxLineBytes;

    /// <summary>
    /// Judges every history of the program in <paramref name="input"/> under both definitions. A stream that
    /// cannot seek is kept in an owner-only temporary file for the second pass, removed however the run ends.
    /// </summary>
    /// <param name="input">NDJSON histories (docs/interchange-contract.md §1); not disposed.</param>
    /// <param name="asOf">The as-of date.</param>
    /// <param name="changed">Told each changed record, in line order, on the calling thread; may be <c>null</c>.</param>
    /// <param name="cancellationToken">Stops the run between chunks.</param>
    /// <returns>The summary, the changed figures and both reports.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    /// <exception cref="InputChangedException">The input changed between the two passes.</exception>
    public RuleChangeResult CompareHistories(Stream input, LocalDate asOf, Action<VerdictChange>? changed = null, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(input);
        using var rereadable = new RereadableInput(input, ownsSource: false);
        var baselineValidator = new HistoryValidator(_baselineSet);
        var candidateValidator = new HistoryValidator(_candidateSet);
        var baselineLedger = baselineValidator.CreateLedger();
        var candidateLedger = candidateValidator.CreateLedger();
        var seen = new DuplicateRule();
        var duplicates = new HashSet<long>();
        var countedFrom = new HashSet<long>(); // duplicates whose earlier lines were all malformed: the participant is counted from them
        var fingerprints = new List<ulong>();
        string id = Baseline.Id;

        // Pass 1: each definition's applied enrolments, in line order, and the lines that repeat a participant
        // (the one line rule and duplicate rule of every run: a malformed line's readable ids count too).
        RunPass(rereadable.Open(), 1, fingerprints, chunk =>
        {
            var reader = new HistoryReader(_baselineSet);
            var records = new List<(long Line, UInt128 Key, List<EnrolmentKey>? Baseline, List<EnrolmentKey>? Candidate)>();
            for (int i = 0; i < chunk.Count; i++)
            {
                var kind = RunLine.Read(reader, chunk, i, id, MaxLineBytes, out var history, out _, out var key, out _);
                if (kind == LineKind.Record)
                {
                    var a = new List<EnrolmentKey>();
                    var b = new List<EnrolmentKey>();
                    baselineValidator.CollectEnrolments(history!, chunk.Number(i), a);
                    candidateValidator.CollectEnrolments(history!, chunk.Number(i), b);
                    records.Add((chunk.Number(i), key!.Value, a, b));
                }
                else if (kind == LineKind.Malformed && key is { } k)
                {
                    records.Add((chunk.Number(i), k, null, null));
                }
            }

            return records;
        }, records =>
        {
            foreach (var (line, key, a, b) in records)
            {
                if (a is not null)
                {
                    baselineLedger.Record(Baseline, a);
                    candidateLedger.Record(Candidate, b!);
                }

                switch (seen.Tell(key, malformed: a is null))
                {
                    case Repeat.OfRecord:
                        duplicates.Add(line);
                        break;
                    case Repeat.OfMalformedLineOnly:
                        duplicates.Add(line);
                        countedFrom.Add(line);
                        break;
                }
            }
        }, cancellationToken);

        // Pass 2: every line judged under both, both reports counted on the workers.
        var baselinePlan = baselineLedger.ToPlan();
        var candidatePlan = candidateLedger.ToPlan();
        var baselinePeriod = FiguresPeriod(Baseline, asOf);
        var candidatePeriod = FiguresPeriod(Candidate, asOf);
        var idle = new ConcurrentBag<Judge>();
        var all = new ConcurrentBag<Judge>();
        long read = 0, ofProgram = 0, count = 0, nowValid = 0, nowInvalid = 0;
        RunPass(rereadable.Open(), 2, fingerprints, chunk =>
        {
            if (!idle.TryTake(out var judge))
            {
                all.Add(judge = new Judge(this, baselinePeriod, candidatePeriod));
            }

            try
            {
                return judge.Chunk(chunk, asOf, baselineValidator, candidateValidator, baselinePlan, candidatePlan, duplicates, countedFrom);
            }
            finally
            {
                idle.Add(judge);
            }
        }, outcome =>
        {
            read += outcome.Read;
            ofProgram += outcome.OfProgram;
            foreach (var change in outcome.Changes)
            {
                count++;
                nowValid += change.Candidate.Valid && !change.Baseline.Valid ? 1 : 0;
                nowInvalid += !change.Candidate.Valid && change.Baseline.Valid ? 1 : 0;
                changed?.Invoke(change);
            }
        }, cancellationToken);

        var baselineReport = Total(Baseline, baselinePeriod, all.Select(j => (j.BaselineCounts, j.BaselineCorrections)), duplicates.Count - countedFrom.Count);
        var candidateReport = Total(Candidate, candidatePeriod, all.Select(j => (j.CandidateCounts, j.CandidateCorrections)), duplicates.Count - countedFrom.Count);
        return new RuleChangeResult
        {
            Program = id,
            AsOf = asOf,
            Read = read,
            OfProgram = ofProgram,
            Changed = count,
            NowValid = nowValid,
            NowInvalid = nowInvalid,
            Definition = Differences,
            Figures = FigureChanges(baselineReport, candidateReport),
            BaselineReport = baselineReport,
            CandidateReport = candidateReport,
            SpecialCategoryData = Baseline.SpecialCategoryData || Candidate.SpecialCategoryData,
        };
    }

    /// <summary>
    /// Decides every eligibility line (docs/interchange-contract.md §5) of the program in
    /// <paramref name="input"/> under both definitions; lines of other programs and malformed lines are
    /// counted and skipped. One pass, one line at a time.
    /// </summary>
    /// <param name="input">NDJSON eligibility lines; not disposed.</param>
    /// <param name="changed">Told each person whose decision changed, in line order; may be <c>null</c>.</param>
    /// <param name="rules">The eligibility rules (default the standard ones).</param>
    /// <param name="cancellationToken">Stops the run between lines.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    public PeopleChangeResult ComparePeople(Stream input, Action<PersonChange>? changed = null, Eligibility.EligibilityRuleSet? rules = null, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(input);
        var before = Baseline.TargetGroup is null ? null : Eligibility.TargetGroupEvaluator.For(Baseline, rules);
        var after = Candidate.TargetGroup is null ? null : Eligibility.TargetGroupEvaluator.For(Candidate, rules);
        long read = 0, ofProgram = 0, count = 0;
        using var lines = new NdjsonLineReader(input, MaxLineBytes);
        while (lines.TryReadLine(out var line, out bool tooLong))
        {
            cancellationToken.ThrowIfCancellationRequested();
            read++;
            if (tooLong || Eligibility.EligibilityReader.Read(line, lines.LineNumber).Request is not { } request || request.Program != Baseline.Id)
            {
                continue;
            }

            ofProgram++;
            var a = before?.Explain(request.Facts, request.On);
            var b = after?.Explain(request.Facts, request.On);
            if (a?.Decision == b?.Decision)
            {
                continue;
            }

            var moved = a is null || b is null ? [] : a.Rules.Select(r => r.Rule).Concat(b.Rules.Select(r => r.Rule)).Distinct()
                .Where(rule => a.Rules.FirstOrDefault(r => r.Rule == rule)?.Result != b.Rules.FirstOrDefault(r => r.Rule == rule)?.Result).ToImmutableArray();
            count++;
            changed?.Invoke(new PersonChange(
                lines.LineNumber,
                Privacy.PersonalIdentityNumbers.HoldsOne(request.Person) ? null : request.Person,
                Side(a, moved),
                Side(b, moved)));
        }

        return new PeopleChangeResult(Baseline.Id, Baseline.Name, read, ofProgram, count, Baseline.SpecialCategoryData || Candidate.SpecialCategoryData);
    }

    private static PersonSide Side(Eligibility.EligibilityTrace? trace, ImmutableArray<string> moved)
        => trace is null
            ? new PersonSide("no-target-group", [])
            : new PersonSide(ContractNames<Eligibility.EligibilityDecision>.Name(trace.Decision), [.. moved.Where(m => trace.Rules.Any(r => r.Rule == m))])
            {
                Traces = [.. moved.Select(m => trace.Rules.FirstOrDefault(r => r.Rule == m)).OfType<Eligibility.RuleTrace>()],
            };

    /// <summary>
    /// The final-report figures and goal statuses that differ between two reports, in the order of §6
    /// (<see cref="ReportWriter.Rows"/>); a figure one report lacks (a goal only one definition has) shows as
    /// <c>null</c> on that side.
    /// </summary>
    /// <param name="baseline">The report under the baseline.</param>
    /// <param name="candidate">The report under the candidate.</param>
    /// <returns>The differences.</returns>
    public static ImmutableArray<FigureChange> FigureChanges(ProgramReport baseline, ProgramReport candidate)
    {
        Preconditions.CheckNotNull(baseline);
        Preconditions.CheckNotNull(candidate);
        var before = ReportWriter.Rows(baseline).ToDictionary(r => r.Figure, r => r.Value, StringComparer.Ordinal);
        var after = ReportWriter.Rows(candidate).ToDictionary(r => r.Figure, r => r.Value, StringComparer.Ordinal);
        var names = ReportWriter.Rows(baseline).Select(r => r.Figure).Concat(ReportWriter.Rows(candidate).Select(r => r.Figure).Where(f => !before.ContainsKey(f)));
        var result = ImmutableArray.CreateBuilder<FigureChange>();
        foreach (string name in names)
        {
            before.TryGetValue(name, out string? a);
            after.TryGetValue(name, out string? b);
            if (a != b)
            {
                result.Add(new FigureChange(name, a, b));
            }
        }

        return result.ToImmutable();
    }

    /// <summary>The fields that differ between two definitions of a program, in words (<c>places 30 → 40</c>).</summary>
    /// <param name="baseline">The program as it is.</param>
    /// <param name="candidate">The changed program.</param>
    /// <returns>The differences, in the definition's field order.</returns>
    public static ImmutableArray<DefinitionDifference> Diff(ProgramDefinition baseline, ProgramDefinition candidate)
    {
        Preconditions.CheckNotNull(baseline);
        Preconditions.CheckNotNull(candidate);
        var result = ImmutableArray.CreateBuilder<DefinitionDifference>();
        Walk(ProgramDefinitionJson.ToNode(baseline), ProgramDefinitionJson.ToNode(candidate), "", result);
        return result.ToImmutable();
    }

    private static readonly string[] Bookkeeping = ["sources", "takenAs", "statedBy", "findings"];

    private static readonly System.Text.Json.JsonSerializerOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Whether an object is a text in languages (<c>{"sv": …, "en": …}</c>): one field to a reader, not two.</summary>
    private static bool IsText(JsonObject node) => node.Count > 0 && node.All(p => LocalizedText.Languages.Contains(p.Key));

    private static void Walk(JsonNode? a, JsonNode? b, string path, ImmutableArray<DefinitionDifference>.Builder result)
    {
        if (JsonNode.DeepEquals(a, b))
        {
            return;
        }

        if (a is JsonObject oa && b is JsonObject ob && !(IsText(oa) && IsText(ob)))
        {
            foreach (string name in oa.Select(p => p.Key).Concat(ob.Select(p => p.Key).Where(k => !oa.ContainsKey(k))))
            {
                if (path.Length == 0 && Bookkeeping.Contains(name))
                {
                    continue;
                }

                Walk(oa[name], ob[name], path.Length == 0 ? name : $"{path}.{name}", result);
            }

            return;
        }

        if (a is JsonArray aa && b is JsonArray ab && (path is "phases" or "goals" || aa.Count == ab.Count))
        {
            for (int i = 0; i < Math.Max(aa.Count, ab.Count); i++)
            {
                var x = i < aa.Count ? aa[i] : null;
                var y = i < ab.Count ? ab[i] : null;
                string at = path is "phases" or "goals" && (x ?? y) is JsonObject item && item["id"]?.GetValue<string>() is { } itemId
                    ? (path == "phases" ? itemId : $"goals.{itemId}")
                    : $"{path}[{i}]";
                Walk(x, y, at, result);
            }

            return;
        }

        result.Add(new DefinitionDifference(path, a?.ToJsonString(Compact), b?.ToJsonString(Compact)));
    }

    /// <summary>
    /// The period of the program's final report; where the program's start or end is not stated (Romane
    /// Bucha states no start), the calendar's first day stands for the start and the as-of date for the end,
    /// so that the figures cover everything the histories hold up to then (a program that starts after the
    /// as-of date: its first day alone). <see cref="CompareHistories"/> no longer counts over it: its figures
    /// are counted up to the as-of date, over <see cref="FiguresPeriod"/>.
    /// </summary>
    /// <param name="program">The program.</param>
    /// <param name="asOf">The as-of date of the comparison.</param>
    /// <returns>The period.</returns>
    public static ReportPeriod FinalPeriod(ProgramDefinition program, LocalDate asOf)
    {
        Preconditions.CheckNotNull(program);
        var whole = program.Schedule.WholePeriod;
        if (whole.Start is not null && whole.End is not null)
        {
            return ReportPeriod.Final(program);
        }

        var from = whole.Start ?? new LocalDate(1, 1, 1);
        var to = whole.End ?? asOf;
        return ReportPeriod.Between(from, to < from ? from : to);
    }

    /// <summary>
    /// The period whose report <see cref="CompareHistories"/> compares: from the program's first stated day
    /// (the calendar's first day when not stated) to the as-of date, both included, so that the figures are
    /// counted at the date the verdicts are judged on (docs/contract.md, Rule-change impact). An as-of date
    /// before the program's start gives that one day.
    /// </summary>
    /// <param name="program">The program.</param>
    /// <param name="asOf">The as-of date of the comparison.</param>
    /// <returns>The period; it always ends on <paramref name="asOf"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="program"/> is null.</exception>
    public static ReportPeriod FiguresPeriod(ProgramDefinition program, LocalDate asOf)
    {
        Preconditions.CheckNotNull(program);
        var from = program.Schedule.WholePeriod.Start ?? new LocalDate(1, 1, 1);
        return ReportPeriod.Between(from > asOf ? asOf : from, asOf);
    }

    private static ProgramReport Total(ProgramDefinition program, ReportPeriod period, IEnumerable<(ReportAccumulator Counts, ReportAccumulator Corrections)> parts, int duplicates)
    {
        var total = new ReportAccumulator(program, period);
        foreach (var (counts, corrections) in parts)
        {
            total.Merge(counts);
            total.Subtract(corrections);
        }

        for (int d = 0; d < duplicates; d++)
        {
            total.AddDuplicate();
        }

        return total.ToReport();
    }

    /// <summary>Runs one pass on <see cref="ChunkPipeline.RunPass"/>: both passes fingerprint their chunks, so a changed input stops the run.</summary>
    private void RunPass<T>(Stream stream, int pass, List<ulong> fingerprints, Func<LineChunk, T> work, Action<T> consume, CancellationToken cancellationToken)
    {
        using (stream)
        {
            ChunkPipeline.RunPass(stream, MaxLineBytes, MaxDegreeOfParallelism, pass, fingerprints, work, consume, progress: null, cancellationToken);
        }
    }

    /// <summary>What pass 2 learns of a chunk: its lines, its records of the program and their changed verdicts.</summary>
    private sealed record JudgedChunk(long Read, long OfProgram, List<VerdictChange> Changes);

    /// <summary>One worker's reader and report counts under both definitions; used by one thread at a time.</summary>
    private sealed class Judge(RuleChangeImpact impact, ReportPeriod baselinePeriod, ReportPeriod candidatePeriod)
    {
        private readonly HistoryReader _reader = new(impact._baselineSet);

        internal ReportAccumulator BaselineCounts { get; } = new(impact.Baseline, baselinePeriod);

        internal ReportAccumulator CandidateCounts { get; } = new(impact.Candidate, candidatePeriod);

        /// <summary>What duplicate lines added, to be taken back out: a participant counts once, as its first line (as <see cref="Runs.NdjsonReport"/> counts).</summary>
        internal ReportAccumulator BaselineCorrections { get; } = new(impact.Baseline, baselinePeriod);

        internal ReportAccumulator CandidateCorrections { get; } = new(impact.Candidate, candidatePeriod);

        internal JudgedChunk Chunk(LineChunk chunk, LocalDate asOf, HistoryValidator baseline, HistoryValidator candidate, CapacityPlan baselinePlan, CapacityPlan candidatePlan, HashSet<long> duplicates, HashSet<long> countedFrom)
        {
            var changes = new List<VerdictChange>();
            long ofProgram = 0;
            string id = impact.Baseline.Id;
            for (int i = 0; i < chunk.Count; i++)
            {
                long line = chunk.Number(i);
                var kind = RunLine.Read(_reader, chunk, i, id, impact.MaxLineBytes, out var read, out _, out _, out _);
                if (kind != LineKind.Record)
                {
                    if (kind == LineKind.Malformed)
                    {
                        BaselineCounts.AddMalformed();
                        CandidateCounts.AddMalformed();
                    }
                    else
                    {
                        BaselineCounts.AddOtherProgram();
                        CandidateCounts.AddOtherProgram();
                    }

                    continue;
                }

                var history = read!;
                ofProgram++;
                bool duplicate = duplicates.Contains(line);
                var before = baseline.Validate(history, asOf, baselinePlan, line);
                var after = candidate.Validate(history, asOf, candidatePlan, line);
                if (duplicate)
                {
                    (before, after) = (before.AsDuplicate(), after.AsDuplicate());
                }

                var a = Side(before);
                var b = Side(after);
                if (a.Valid != b.Valid || !a.Rules.SequenceEqual(b.Rules))
                {
                    changes.Add(new VerdictChange(line, before.Participant, a, b));
                }

                if (countedFrom.Contains(line))
                {
                    BaselineCounts.AddCountedDuplicate(history);
                    CandidateCounts.AddCountedDuplicate(history);
                    continue;
                }

                // The figures count each record as valid or not by the verdict above (as of the as-of date,
                // places included), so that records.invalid moves exactly as the changed verdicts say.
                Count(history, a.Valid, BaselineCounts, duplicate ? BaselineCorrections : null);
                Count(history, b.Valid, CandidateCounts, duplicate ? CandidateCorrections : null);
            }

            return new JudgedChunk(chunk.Count, ofProgram, changes);
        }

        private static void Count(ParticipantHistory history, bool valid, ReportAccumulator counts, ReportAccumulator? corrections)
        {
            counts.Add(history, valid);
            corrections?.Add(history, valid);
        }

        private static VerdictSide Side(HistoryValidationResult verdict)
            => new(verdict.IsValid, [.. ValidationRules.All.Where(r => verdict.Violations.Any(v => v.Rule == r)).Select(r => r.Id())]);
    }
}
