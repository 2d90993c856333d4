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
/// remember ids; <see cref="NdjsonReport"/> and <see cref="ReportBuilder"/> find lines that repeat an earlier
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
    private readonly long[] _byGender = new long[Enum.GetValues<Gender>().Length];
    private readonly long[] _byEducation = new long[Enum.GetValues<EducationLevel>().Length + 1];
    private readonly long[] _byState;
    private readonly long[] _byReason = new long[Enum.GetValues<ExitReason>().Length];
    private readonly long[] _byOutcome = new long[Enum.GetValues<Outcome>().Length];
    private readonly long[] _byEmploymentForm = new long[Enum.GetValues<EmploymentForm>().Length + 1];
    private readonly long[] _bySubsidy = new long[Enum.GetValues<Subsidy>().Length + 1];
    private readonly long[] _followUpsByOutcome = new long[Enum.GetValues<Outcome>().Length];

    /// <summary>Creates an accumulator.</summary>
    /// <param name="program">The program reported on.</param>
    /// <param name="period">The period.</param>
    public ReportAccumulator(ProgramDefinition program, ReportPeriod period)
    {
        _program = Preconditions.CheckNotNull(program);
        _period = Preconditions.CheckNotNull(period);
        _byState = new long[program.Phases.Length + 3]; // enrolled, each phase, paused, exited
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
                        everByTo = true;
                        inAtTo = true;
                        pausedAtTo = false;
                        phaseAtTo = -1;
                    }

                    if (inPeriod)
                    {
                        Entered++;
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
                        }
                        else if (e.Outcome == Outcome.Studies)
                        {
                            IntoStudiesSoFar++;
                        }
                    }

                    if (inPeriod)
                    {
                        Exited++;
                        _byReason[(int)(e.ExitReason ?? ExitReason.Other)]++;
                        _byOutcome[(int)(e.Outcome ?? Outcome.Unknown)]++;
                        if (e.Outcome == Outcome.Work)
                        {
                            _byEmploymentForm[e.EmploymentForm is { } form ? (int)form + 1 : 0]++;
                            if (e.EmploymentForm == EmploymentForm.Subsidised)
                            {
                                _bySubsidy[e.Subsidy is { } subsidy ? (int)subsidy + 1 : 0]++;
                            }
                        }

                        if (e.SelfSupporting == true)
                        {
                            SelfSupporting++;
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
                        _followUpsByOutcome[(int)(e.Outcome ?? Outcome.Unknown)]++;
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
            _byGender[(int)history.Gender]++;
            _byEducation[history.EducationLevel is { } level ? (int)level + 1 : 0]++;
            int state = !inAtTo ? _byState.Length - 1 : pausedAtTo ? _byState.Length - 2 : phaseAtTo >= 0 ? phaseAtTo + 1 : 0;
            _byState[state]++;
        }

        if (everByTo)
        {
            ParticipantsSoFar++;
            if (history.Gender == Gender.Woman)
            {
                WomenSoFar++;
            }
        }

        if (interviewed)
        {
            InterviewParticipants++;
            if (hired)
            {
                Hired++;
            }
        }
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
        foreach (var (mine, theirs) in new[] { (_byGender, other._byGender), (_byEducation, other._byEducation), (_byState, other._byState), (_byReason, other._byReason), (_byOutcome, other._byOutcome), (_byEmploymentForm, other._byEmploymentForm), (_bySubsidy, other._bySubsidy), (_followUpsByOutcome, other._followUpsByOutcome) })
        {
            for (int i = 0; i < mine.Length; i++)
            {
                mine[i] += sign * theirs[i];
            }
        }
    }

    /// <summary>The report of what was counted.</summary>
    /// <returns>The report.</returns>
    public ProgramReport ToReport() => ProgramReport.From(this, _program, _period);
}
