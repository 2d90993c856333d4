using InclusionModel.Histories;
using InclusionModel.Programs;

namespace InclusionModel.Reports;

/// <summary>
/// Counts one program's figures over a period, one record at a time, in memory bounded by the program's
/// breakdown cells (never by the records). Accumulators of parts of the input merge into one, so a run can
/// count on every core.
/// </summary>
/// <remarks>
/// <para>
/// An accumulator is not thread-safe: give each thread its own, and <see cref="Merge"/> them when every
/// thread is done (as <see cref="ReportBuilder"/> does); the merged counts equal counting every record on one
/// accumulator. Two threads adding to one accumulator lose counts.
/// </para>
/// <para>
/// Participants are distinct (docs/interchange-contract.md §6): add each participant's record once. An accumulator does not
/// remember ids; <see cref="Runs.NdjsonReport"/> and <see cref="ReportBuilder"/> find lines that repeat an earlier
/// line's participant and add them with <see cref="AddDuplicate"/> instead, which counts them in
/// <see cref="ProgramReport.RecordsDuplicate"/> only.
/// </para>
/// <para>
/// A record is one participant (docs/interchange-contract.md §1): however many episodes it has, it counts once among the
/// participants. Its events are replayed in their recorded order, invalid ones too ("counted as far as its
/// events go"): an enrolment opens an episode, an exit closes it, a phase, a pause and a resumption set the
/// state in between; events of unknown types are skipped.
/// </para>
/// </remarks>
public sealed class ReportAccumulator
{
    private readonly ProgramDefinition _program;
    private readonly ReportPeriod _period;
    // The breakdowns' sizes, read once: Enum.GetValues makes a new array on every call.
    private static readonly int Genders = Enum.GetValues<Gender>().Length;
    private static readonly int EducationLevels = Enum.GetValues<EducationLevel>().Length;
    private static readonly int ExitReasons = Enum.GetValues<ExitReason>().Length;
    private static readonly int Outcomes = Enum.GetValues<Outcome>().Length;
    private static readonly int EmploymentForms = Enum.GetValues<EmploymentForm>().Length;
    private static readonly int Subsidies = Enum.GetValues<Subsidy>().Length;

    private readonly long[] _byGender = new long[Genders];
    private readonly long[] _byEducation = new long[EducationLevels + 1];
    private readonly long[] _byState;
    private readonly long[] _byReason = new long[ExitReasons];
    private readonly long[] _byOutcome = new long[Outcomes];
    private readonly long[] _byEmploymentForm = new long[EmploymentForms + 1];
    private readonly long[] _bySubsidy = new long[Subsidies + 1];
    private readonly long[] _followUpsByOutcome = new long[Outcomes];

    // Cell keys (publication mode, docs/privacy.md): beside every count, the sum (mod 2^64) of the record keys
    // of what it counts, so that a cell of the same records always gets the same key.
    private readonly ulong[] _key = new ulong[(int)Key.Count];
    private readonly ulong[] _byGenderKey, _byEducationKey, _byStateKey, _byReasonKey, _byOutcomeKey, _byEmploymentFormKey, _bySubsidyKey, _followUpsByOutcomeKey;

    /// <summary>Creates an accumulator.</summary>
    /// <param name="program">The program reported on.</param>
    /// <param name="period">The period.</param>
    public ReportAccumulator(ProgramDefinition program, ReportPeriod period)
    {
        _program = Preconditions.CheckNotNull(program);
        _period = Preconditions.CheckNotNull(period);
        _byState = new long[program.Phases.Length + 3]; // enrolled, each phase, paused, exited
        (_byGenderKey, _byEducationKey, _byStateKey, _byReasonKey) = (new ulong[_byGender.Length], new ulong[_byEducation.Length], new ulong[_byState.Length], new ulong[_byReason.Length]);
        (_byOutcomeKey, _byEmploymentFormKey, _bySubsidyKey, _followUpsByOutcomeKey) = (new ulong[_byOutcome.Length], new ulong[_byEmploymentForm.Length], new ulong[_bySubsidy.Length], new ulong[_followUpsByOutcome.Length]);
    }

    /// <summary>The scalar counts that carry a cell key.</summary>
    internal enum Key
    {
        Participants, Entered, Exited, InterviewParticipants, Hired, FollowUps, SelfSupporting,
        EnrolmentsSoFar, ParticipantsSoFar, WomenSoFar, IntoWorkSoFar, IntoStudiesSoFar, Count,
    }

    internal long Read { get; private set; }

    internal long Malformed { get; private set; }

    internal long OfProgram { get; private set; }

    internal long Duplicates { get; private set; }

    internal long Invalid { get; private set; }

    internal long Participants { get; private set; }

    internal long Entered { get; private set; }

    internal long Exited { get; private set; }

    internal long InterviewParticipants { get; private set; }

    internal long Hired { get; private set; }

    internal long FollowUps { get; private set; }

    internal long EnrolmentsSoFar { get; private set; }

    internal long ParticipantsSoFar { get; private set; }

    internal long WomenSoFar { get; private set; }

    internal long IntoWorkSoFar { get; private set; }

    internal long IntoStudiesSoFar { get; private set; }

    internal ReadOnlySpan<long> ByGender => _byGender;

    internal ReadOnlySpan<long> ByEducation => _byEducation;

    internal ReadOnlySpan<long> ByState => _byState;

    internal ReadOnlySpan<long> ByReason => _byReason;

    internal ReadOnlySpan<long> ByOutcome => _byOutcome;

    internal ReadOnlySpan<long> ByEmploymentForm => _byEmploymentForm;

    internal ReadOnlySpan<long> BySubsidy => _bySubsidy;

    internal long SelfSupporting { get; private set; }

    internal ReadOnlySpan<long> FollowUpsByOutcome => _followUpsByOutcome;

    /// <summary>The breakdowns' cell keys, in the order of <see cref="ProgramReport"/>'s breakdowns.</summary>
    internal ulong[][] BreakdownKeys => [_byGenderKey, _byEducationKey, _byStateKey, _byReasonKey, _byOutcomeKey, _byEmploymentFormKey, _bySubsidyKey, _followUpsByOutcomeKey];

    /// <summary>The cell key of a scalar count: the sum of its records' keys, mod 2^64.</summary>
    internal ulong CellKey(Key count) => _key[(int)count];

    /// <summary>Counts a line that could not be read as a record.</summary>
    public void AddMalformed()
    {
        Read++;
        Malformed++;
    }

    /// <summary>
    /// The as-of date a record of the report is validated on: the later of the period's last day and the
    /// record's last event, so that no event of an export is "in the future" and an open phase is measured
    /// at least to the end of the period.
    /// </summary>
    /// <param name="history">The record.</param>
    /// <param name="period">The period.</param>
    /// <returns>The date.</returns>
    public static NodaTime.LocalDate ValidationDate(ParticipantHistory history, ReportPeriod period)
    {
        Preconditions.CheckNotNull(history);
        Preconditions.CheckNotNull(period);
        var date = period.To;
        foreach (var e in history.Events.AsSpan())
        {
            if (e.On > date)
            {
                date = e.On;
            }
        }

        return date;
    }

    /// <summary>
    /// Counts a line of the program whose participant an earlier line already had: it is read, it is invalid
    /// (<c>duplicate-participant</c>, as validation says of it), and it is left out of every figure (the
    /// participant is counted once, from the earlier line).
    /// </summary>
    public void AddDuplicate()
    {
        Read++;
        OfProgram++;
        Duplicates++;
        Invalid++;
    }

    /// <summary>
    /// Counts a line of the program that repeats an earlier line's participant when none of the earlier lines
    /// could be counted (they were malformed): the line is a duplicate and invalid, as validation says, and the
    /// participant is counted from it, once.
    /// </summary>
    /// <param name="history">The record.</param>
    internal void AddCountedDuplicate(ParticipantHistory history)
    {
        Add(history, isValid: false);
        Duplicates++;
    }

    /// <summary>Counts a record of another program, skipped without being read in full.</summary>
    public void AddOtherProgram() => Read++;

    /// <summary>Counts one record.</summary>
    /// <param name="history">The record.</param>
    /// <param name="isValid">Whether the validator found it valid (an invalid record still counts as far as its events go).</param>
    public void Add(ParticipantHistory history, bool isValid)
    {
        Preconditions.CheckNotNull(history);
        Read++;
        if (!string.Equals(history.Program, _program.Id, StringComparison.Ordinal))
        {
            return;
        }

        OfProgram++;
        if (!isValid)
        {
            Invalid++;
        }

        ulong key = RecordKey(_program.Id, history.Participant);

        var from = _period.From;
        var to = _period.To;
        bool inProgram = false, enrolledInPeriod = false, everByTo = false, interviewed = false, hired = false;
        NodaTime.LocalDate episodeStart = default;

        // The state on the period's last day: replayed from the events dated on or before it.
        bool inAtTo = false, pausedAtTo = false;
        int phaseAtTo = -1;

        foreach (var e in history.Events.AsSpan())
        {
            if (e.Type is not { } type)
            {
                continue;
            }

            var on = e.On;
            bool upToTo = on <= to;
            bool inPeriod = on >= from && upToTo;
            switch (type)
            {
                case EventType.Enrolled:
                    if (!inProgram)
                    {
                        inProgram = true;
                        episodeStart = on;
                    }

                    if (upToTo)
                    {
                        EnrolmentsSoFar++;
                        _key[(int)Key.EnrolmentsSoFar] += key;
                        everByTo = true;
                        inAtTo = true;
                        pausedAtTo = false;
                        phaseAtTo = -1;
                    }

                    if (inPeriod)
                    {
                        Entered++;
                        _key[(int)Key.Entered] += key;
                    }

                    break;
                case EventType.PhaseStarted:
                    if (upToTo && inAtTo)
                    {
                        phaseAtTo = _program.IndexOfPhase(e.Phase);
                        pausedAtTo = false;
                    }

                    break;
                case EventType.Paused:
                    if (upToTo && inAtTo)
                    {
                        pausedAtTo = true;
                    }

                    break;
                case EventType.Resumed:
                    if (upToTo && inAtTo)
                    {
                        pausedAtTo = false;
                    }

                    break;
                case EventType.Exited:
                    if (inProgram && episodeStart <= to && on >= from)
                    {
                        enrolledInPeriod = true;
                    }

                    inProgram = false;
                    if (upToTo)
                    {
                        inAtTo = false;
                        if (e.Outcome == Outcome.Work)
                        {
                            IntoWorkSoFar++;
                            _key[(int)Key.IntoWorkSoFar] += key;
                        }
                        else if (e.Outcome == Outcome.Studies)
                        {
                            IntoStudiesSoFar++;
                            _key[(int)Key.IntoStudiesSoFar] += key;
                        }
                    }

                    if (inPeriod)
                    {
                        Exited++;
                        _key[(int)Key.Exited] += key;
                        Tally(_byReason, _byReasonKey, (int)(e.ExitReason ?? ExitReason.Other), key);
                        Tally(_byOutcome, _byOutcomeKey, (int)(e.Outcome ?? Outcome.Unknown), key);
                        if (e.Outcome == Outcome.Work)
                        {
                            Tally(_byEmploymentForm, _byEmploymentFormKey, e.EmploymentForm is { } form ? (int)form + 1 : 0, key);
                            if (e.EmploymentForm == EmploymentForm.Subsidised)
                            {
                                Tally(_bySubsidy, _bySubsidyKey, e.Subsidy is { } subsidy ? (int)subsidy + 1 : 0, key);
                            }
                        }

                        if (e.SelfSupporting == true)
                        {
                            SelfSupporting++;
                            _key[(int)Key.SelfSupporting] += key;
                        }
                    }

                    break;
                case EventType.Activity:
                    if (inPeriod && e.ActivityKind == ActivityKind.JobInterview)
                    {
                        interviewed = true;
                        hired |= e.Result == InterviewResult.Hired;
                    }

                    break;
                case EventType.FollowedUp:
                    if (inPeriod)
                    {
                        FollowUps++;
                        _key[(int)Key.FollowUps] += key;
                        Tally(_followUpsByOutcome, _followUpsByOutcomeKey, (int)(e.Outcome ?? Outcome.Unknown), key);
                    }

                    break;
            }
        }

        if (inProgram && episodeStart <= to)
        {
            enrolledInPeriod = true; // an open episode runs on past the period's start
        }

        if (enrolledInPeriod)
        {
            Participants++;
            _key[(int)Key.Participants] += key;
            Tally(_byGender, _byGenderKey, (int)history.Gender, key);
            Tally(_byEducation, _byEducationKey, history.EducationLevel is { } level ? (int)level + 1 : 0, key);
            int state = !inAtTo ? _byState.Length - 1 : pausedAtTo ? _byState.Length - 2 : phaseAtTo >= 0 ? phaseAtTo + 1 : 0;
            Tally(_byState, _byStateKey, state, key);
        }

        if (everByTo)
        {
            ParticipantsSoFar++;
            _key[(int)Key.ParticipantsSoFar] += key;
            if (history.Gender == Gender.Woman)
            {
                WomenSoFar++;
                _key[(int)Key.WomenSoFar] += key;
            }
        }

        if (interviewed)
        {
            InterviewParticipants++;
            _key[(int)Key.InterviewParticipants] += key;
            if (hired)
            {
                Hired++;
                _key[(int)Key.Hired] += key;
            }
        }
    }

    /// <summary>
    /// A record's key (the cell-key method, docs/privacy.md): a 64-bit hash of its program and participant id,
    /// the same for the record in every report.
    /// </summary>
    internal static ulong RecordKey(string programId, string participant)
    {
        int length = System.Text.Encoding.UTF8.GetMaxByteCount(programId.Length + participant.Length + 1);
        Span<byte> bytes = length <= 512 ? stackalloc byte[length] : new byte[length];
        int n = System.Text.Encoding.UTF8.GetBytes(programId, bytes);
        bytes[n++] = (byte)'\n';
        n += System.Text.Encoding.UTF8.GetBytes(participant, bytes[n..]);
        return System.IO.Hashing.XxHash64.HashToUInt64(bytes[..n]);
    }

    private static void Tally(long[] counts, ulong[] keys, int index, ulong key)
    {
        counts[index]++;
        keys[index] += key;
    }

    /// <summary>Adds another accumulator's counts (of the same program and period) to this one.</summary>
    /// <param name="other">The other accumulator.</param>
    /// <exception cref="ArgumentException">It counts another program or period.</exception>
    public void Merge(ReportAccumulator other) => Combine(other, 1);

    /// <summary>Takes back what <paramref name="other"/> counted: a record counted once too often (a duplicate found later).</summary>
    internal void Subtract(ReportAccumulator other) => Combine(other, -1);

    private void Combine(ReportAccumulator other, int sign)
    {
        Preconditions.CheckNotNull(other);
        Preconditions.CheckArgument(ReferenceEquals(other._program, _program) && other._period == _period, nameof(other), "Only accumulators of the same program and period merge.");
        Read += sign * other.Read;
        Malformed += sign * other.Malformed;
        OfProgram += sign * other.OfProgram;
        Duplicates += sign * other.Duplicates;
        SelfSupporting += sign * other.SelfSupporting;
        Invalid += sign * other.Invalid;
        Participants += sign * other.Participants;
        Entered += sign * other.Entered;
        Exited += sign * other.Exited;
        InterviewParticipants += sign * other.InterviewParticipants;
        Hired += sign * other.Hired;
        FollowUps += sign * other.FollowUps;
        EnrolmentsSoFar += sign * other.EnrolmentsSoFar;
        ParticipantsSoFar += sign * other.ParticipantsSoFar;
        WomenSoFar += sign * other.WomenSoFar;
        IntoWorkSoFar += sign * other.IntoWorkSoFar;
        IntoStudiesSoFar += sign * other.IntoStudiesSoFar;
        // Array by array, with nothing allocated: a merge is as cheap as the cells it adds.
        Combine(_byGender, other._byGender, sign);
        Combine(_byEducation, other._byEducation, sign);
        Combine(_byState, other._byState, sign);
        Combine(_byReason, other._byReason, sign);
        Combine(_byOutcome, other._byOutcome, sign);
        Combine(_byEmploymentForm, other._byEmploymentForm, sign);
        Combine(_bySubsidy, other._bySubsidy, sign);
        Combine(_followUpsByOutcome, other._followUpsByOutcome, sign);

        // Keys add and subtract mod 2^64, as the counts do.
        Combine(_byGenderKey, other._byGenderKey, sign);
        Combine(_byEducationKey, other._byEducationKey, sign);
        Combine(_byStateKey, other._byStateKey, sign);
        Combine(_byReasonKey, other._byReasonKey, sign);
        Combine(_byOutcomeKey, other._byOutcomeKey, sign);
        Combine(_byEmploymentFormKey, other._byEmploymentFormKey, sign);
        Combine(_bySubsidyKey, other._bySubsidyKey, sign);
        Combine(_followUpsByOutcomeKey, other._followUpsByOutcomeKey, sign);
        Combine(_key, other._key, sign);
    }

    private static void Combine(long[] mine, long[] theirs, int sign)
    {
        for (int i = 0; i < mine.Length; i++)
        {
            mine[i] += sign * theirs[i];
        }
    }

    private static void Combine(ulong[] mine, ulong[] theirs, int sign)
    {
        for (int i = 0; i < mine.Length; i++)
        {
            mine[i] = unchecked(sign > 0 ? mine[i] + theirs[i] : mine[i] - theirs[i]);
        }
    }

    /// <summary>The report of what was counted.</summary>
    /// <returns>The report.</returns>
    public ProgramReport ToReport() => ProgramReport.From(this, _program, _period);
}
