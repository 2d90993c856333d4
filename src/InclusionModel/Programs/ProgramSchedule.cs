using System.Collections.Immutable;
using NodaTime;
using Stateless;
using Stateless.Graph;

namespace InclusionModel.Programs;

/// <summary>
/// A program's own lifecycle, planning → implementation → closing → closed, driven by the dates of its
/// <see cref="ProgramDefinition.Period"/>: it answers "may this program enrol on date D?" and "which
/// reports are due by date D, and when?".
/// </summary>
/// <remarks>
/// <para>
/// The stages are a Stateless state machine whose guards compare the date with the stage boundaries.
/// Unknown dates never guess: an implementation stage whose start is not stated (and not implied by the
/// end of planning) has begun on every date before its end, as an enrolment window without a start does
/// not limit; an implementation without a stated or implied end never ends. A program whose closing
/// stage is not stated is closed from the day after implementation ends. The readings are listed in
/// <c>docs/program-definitions.md</c>.
/// </para>
/// <para>
/// Reports: a monthly summary covers each calendar month of implementation, a half-year report each
/// calendar half-year (January–June, July–December), both clipped to the implementation stage; the final
/// report covers the whole period. A report is due <see cref="ReportDuty.DaysToSubmit"/> days after the last
/// day it covers, or on the day after when the definition does not say. Instances are immutable and
/// thread-safe.
/// </para>
/// </remarks>
public sealed class ProgramSchedule
{
    private readonly LocalDate? _implementationStart;
    private readonly LocalDate? _closingStart;
    private readonly LocalDate? _closedFrom;
    private readonly bool _closingStated;

    internal ProgramSchedule(ProgramDefinition program)
    {
        Program = program;
        var period = program.Period;
        Implementation = ImplementationOf(period);
        _implementationStart = Implementation.Start;
        _closingStated = period.Closing is not null;
        _closingStart = period.Closing?.Start ?? (_closingStated ? Implementation.End?.PlusDays(1) : null);
        _closedFrom = _closingStated ? period.Closing!.Value.End?.PlusDays(1) : Implementation.End?.PlusDays(1);
        var stated = program.StatedEnrolmentWindow;
        EnrolmentWindow = new EnrolmentWindow(
            Later(Implementation.Start, stated?.Start),
            Earlier(Implementation.End, stated?.End));
    }

    /// <summary>The program.</summary>
    public ProgramDefinition Program { get; }

    /// <summary>The implementation stage as stated, or as implied by the end of planning and the start of closing.</summary>
    public DateRange Implementation { get; }

    /// <summary>The program's whole period, from the start of planning (or implementation) to the end of closing (or implementation): what a final report covers.</summary>
    public DateRange WholePeriod => new(Program.Period.Planning?.Start ?? Implementation.Start, LastDayOf(Program.Period));

    /// <summary>The dates on which the program may enrol: the implementation stage, narrowed by a stated enrolment window.</summary>
    public EnrolmentWindow EnrolmentWindow { get; }

    /// <summary>The stage the program is in on <paramref name="date"/>, found by firing the Stateless machine's dated triggers.</summary>
    /// <param name="date">A date.</param>
    /// <returns>The stage.</returns>
    public ProgramStage StageOn(LocalDate date)
    {
        var stage = ProgramStage.Planning;
        var machine = CreateMachine(() => stage, s => stage = s, out var reached);
        for (bool moved = true; moved;)
        {
            moved = false;
            foreach (var trigger in reached)
            {
                if (machine.CanFire(trigger, date))
                {
                    machine.Fire(trigger, date);
                    moved = true;
                    break;
                }
            }
        }

        return stage;
    }

    /// <summary>Whether the program may enrol on <paramref name="date"/>: it is in implementation, and inside a stated enrolment window.</summary>
    /// <param name="date">The date of an enrolment.</param>
    /// <returns><c>true</c> when an enrolment on that date is allowed.</returns>
    public bool MayEnrol(LocalDate date)
        => StageOn(date) == ProgramStage.Implementation
           && (Program.StatedEnrolmentWindow is not { } window || window.Contains(date));

    /// <summary>Every report due on or before <paramref name="date"/>, and the duties whose dates cannot be known.</summary>
    /// <param name="date">A date.</param>
    /// <returns>The reports, in due-date order.</returns>
    public ReportSchedule ReportsDueBy(LocalDate date) => ReportsDue(null, date);

    /// <summary>Every report due from <paramref name="from"/> to <paramref name="to"/> (both included), and the duties whose dates cannot be known.</summary>
    /// <param name="from">The first day.</param>
    /// <param name="to">The last day.</param>
    /// <returns>The reports, in due-date order.</returns>
    /// <exception cref="ArgumentException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    public ReportSchedule ReportsDueBetween(LocalDate from, LocalDate to)
    {
        Preconditions.CheckArgument(to >= from, nameof(to), "The end of the span is before its start.");
        return ReportsDue(from, to);
    }

    /// <summary>The program's stage machine as a Mermaid state diagram, with the dated guards on its edges.</summary>
    /// <returns>The diagram text.</returns>
    public string ToMermaid()
    {
        var stage = ProgramStage.Planning;
        return MermaidGraph.Format(CreateMachine(() => stage, s => stage = s, out _).GetInfo());
    }

    /// <summary>The implementation stage, its missing ends implied by the neighbouring stages where they are stated.</summary>
    /// <summary>
    /// The earliest day a participant who enrols on the enrolment window's last day can have gone through
    /// every phase that is not optional (the window's end plus their minimum months): the program goes on for
    /// its last participants at least until then. <c>null</c> when the window has no end, or when the day
    /// would lie past 9999-12-31.
    /// </summary>
    /// <remarks>
    /// Romane Bucha enrols until 2014-12-31 and has 10 months of employment and 2 of exit support at least:
    /// someone enrolled on the last day takes part until 2015-12-31 or later, a year past the period its source
    /// names.
    /// </remarks>
    public LocalDate? LastEnrolmentRunsUntilAtLeast
    {
        get
        {
            if (EnrolmentWindow.End is not { } end)
            {
                return null;
            }

            long months = Program.Phases.Where(p => !p.IsOptional).Sum(p => (long)(p.MinimumMonths ?? 0));
            return end.Year + (months / 12) + 1 > 9999 ? null : end.PlusMonths((int)months);
        }
    }

    internal static DateRange ImplementationOf(ProgramPeriod period)
        => new(
            period.Implementation?.Start ?? period.Planning?.End?.PlusDays(1),
            period.Implementation?.End ?? period.Closing?.Start?.PlusDays(-1));

    /// <summary>The last known day of the program's period, or <c>null</c> when its end is not known.</summary>
    internal static LocalDate? LastDayOf(ProgramPeriod period)
        => period.Closing is { } closing ? closing.End : ImplementationOf(period).End;

    private StateMachine<ProgramStage, string> CreateMachine(Func<ProgramStage> read, Action<ProgramStage> write, out StateMachine<ProgramStage, string>.TriggerWithParameters<LocalDate>[] reached)
    {
        var machine = new StateMachine<ProgramStage, string>(read, write, FiringMode.Immediate);
        var begin = machine.SetTriggerParameters<LocalDate>("implementation begins");
        var closing = machine.SetTriggerParameters<LocalDate>("closing begins");
        var close = machine.SetTriggerParameters<LocalDate>("program closes");
        reached = [begin, closing, close];
        machine.Configure(ProgramStage.Planning)
            .PermitIf(begin, ProgramStage.Implementation, d => _implementationStart is not { } s || d >= s, Describe("on or after", _implementationStart, "from the start"));
        machine.Configure(ProgramStage.Implementation)
            .PermitIf(closing, ProgramStage.Closing, d => _closingStated && _closingStart is { } s && d >= s, Describe("on or after", _closingStated ? _closingStart : null, "never (no closing stage stated)"))
            .PermitIf(close, ProgramStage.Closed, d => !_closingStated && _closedFrom is { } c && d >= c, Describe("on or after", _closingStated ? null : _closedFrom, _closingStated ? "never (closes through its closing stage)" : "never (no end stated)"));
        machine.Configure(ProgramStage.Closing)
            .PermitIf(close, ProgramStage.Closed, d => _closedFrom is { } c && d >= c, Describe("on or after", _closedFrom, "never (no end stated)"));
        return machine;
    }

    private static string Describe(string relation, LocalDate? date, string otherwise)
        => date is { } d ? $"{relation} {IsoDates.Format(d)}" : otherwise;

    private ReportSchedule ReportsDue(LocalDate? from, LocalDate to)
    {
        var due = ImmutableArray.CreateBuilder<DueReport>();
        var unscheduled = ImmutableArray.CreateBuilder<UnscheduledReport>();
        foreach (var duty in Program.Reports ?? [])
        {
            var periods = CoveredPeriods(duty.Kind, out string? why);
            if (why is not null)
            {
                unscheduled.Add(new UnscheduledReport(duty.Kind, why));
                continue;
            }

            foreach (var covers in periods)
            {
                var dueOn = covers.End!.Value.PlusDays(duty.DaysToSubmit ?? 1);
                if (dueOn > to)
                {
                    break;
                }

                if (from is not { } f || dueOn >= f)
                {
                    due.Add(new DueReport(duty.Kind, covers, dueOn));
                }
            }
        }

        return new ReportSchedule([.. due.OrderBy(r => r.DueOn).ThenBy(r => r.Kind)], unscheduled.ToImmutable());
    }

    private IEnumerable<DateRange> CoveredPeriods(ReportKind kind, out string? unscheduledBecause)
    {
        unscheduledBecause = null;
        if (kind == ReportKind.FinalReport)
        {
            if (WholePeriod.End is null)
            {
                unscheduledBecause = "the program's end is not stated, so the final report's date is not known";
                return [];
            }

            return [WholePeriod];
        }

        if (Implementation.Start is not { } start)
        {
            unscheduledBecause = "the implementation stage's start is not stated, so its months are not known";
            return [];
        }

        return Periods(kind, start, Implementation.End);
    }

    private static IEnumerable<DateRange> Periods(ReportKind kind, LocalDate start, LocalDate? end)
    {
        int months = kind == ReportKind.MonthlySummary ? 1 : 6;
        var block = new LocalDate(start.Year, kind == ReportKind.MonthlySummary ? start.Month : (start.Month <= 6 ? 1 : 7), 1);
        while (end is not { } e || block <= e)
        {
            var blockEnd = block.PlusMonths(months).PlusDays(-1);
            yield return new DateRange(Later(block, start), Earlier(blockEnd, end));
            block = block.PlusMonths(months);
        }
    }

    private static LocalDate? Later(LocalDate? a, LocalDate? b) => a is { } x ? (b is { } y ? (x > y ? x : y) : x) : b;

    private static LocalDate? Earlier(LocalDate? a, LocalDate? b) => a is { } x ? (b is { } y ? (x < y ? x : y) : x) : b;
}
