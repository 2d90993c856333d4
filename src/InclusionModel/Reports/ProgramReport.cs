using System.Collections.Immutable;
using InclusionModel.Contract;
using InclusionModel.Histories;
using InclusionModel.Programs;

namespace InclusionModel.Reports;

/// <summary>A report's figures for one program over one period (docs/interchange-contract.md §6), as C# objects.</summary>
public sealed record ProgramReport
{
    /// <summary>The program id.</summary>
    public required string Program { get; init; }

    /// <summary>The period.</summary>
    public required ReportPeriod Period { get; init; }

    /// <summary>Whether the program's participation reveals special-category data: every output of the report is marked.</summary>
    public bool SpecialCategoryData { get; init; }

    /// <summary>Records read (lines, blank ones aside).</summary>
    public long RecordsRead { get; init; }

    /// <summary>Records of this program.</summary>
    public long RecordsOfProgram { get; init; }

    /// <summary>Records of other programs, skipped.</summary>
    public long RecordsOfOtherPrograms => RecordsRead - RecordsOfProgram - RecordsMalformed;

    /// <summary>Lines of this program that repeat an earlier line's participant: counted here, and in no figure.</summary>
    public long RecordsDuplicate { get; init; }

    /// <summary>Records of this program that the validator found invalid (counted as far as their events go), the <see cref="RecordsDuplicate"/> lines included: a line that repeats an earlier line's participant is invalid, as validation says.</summary>
    public long RecordsInvalid { get; init; }

    /// <summary>Lines that could not be read as records.</summary>
    public long RecordsMalformed { get; init; }

    /// <summary>Distinct participants enrolled (enrolled, in a phase, or paused) on at least one day of the period.</summary>
    public long Participants { get; init; }

    /// <summary>The participants by gender.</summary>
    public ImmutableArray<BreakdownCell> ByGender { get; init; } = [];

    /// <summary>The participants by education level (<c>unknown</c> where absent).</summary>
    public ImmutableArray<BreakdownCell> ByEducation { get; init; } = [];

    /// <summary>The participants by their state on the period's last day (<c>exited</c> if they left in the period).</summary>
    public ImmutableArray<BreakdownCell> ByState { get; init; } = [];

    /// <summary>Enrolments dated in the period.</summary>
    public long Entered { get; init; }

    /// <summary>Exits dated in the period.</summary>
    public long Exited { get; init; }

    /// <summary>The exits by reason.</summary>
    public ImmutableArray<BreakdownCell> ExitedByReason { get; init; } = [];

    /// <summary>The exits by outcome (<c>unknown</c> where none was recorded).</summary>
    public ImmutableArray<BreakdownCell> ExitedByOutcome { get; init; } = [];

    /// <summary>The exits into work by employment form (<c>unknown</c> where none was recorded).</summary>
    public ImmutableArray<BreakdownCell> ExitedByEmploymentForm { get; init; } = [];

    /// <summary>The exits into subsidised work by subsidy (<c>unknown</c> where none was recorded).</summary>
    public ImmutableArray<BreakdownCell> ExitedBySubsidy { get; init; } = [];

    /// <summary>The exits whose participant supports themselves without social assistance (<c>selfSupporting</c> true).</summary>
    public long ExitedSelfSupporting { get; init; }

    /// <summary>Distinct participants with a job interview in the period.</summary>
    public long JobInterviewParticipants { get; init; }

    /// <summary>Of those, the ones hired at a job interview in the period.</summary>
    public long JobInterviewHired { get; init; }

    /// <summary>Follow-ups (ESF+: six months after exit) dated in the period.</summary>
    public long FollowUps { get; init; }

    /// <summary>The follow-ups by outcome.</summary>
    public ImmutableArray<BreakdownCell> FollowUpsByOutcome { get; init; } = [];

    /// <summary>Each measurable goal of the program as of the period's last day.</summary>
    public ImmutableArray<GoalProgress> Goals { get; init; } = [];

    /// <summary>
    /// The cell key of every count, by its dotted name (and the goals' counts so far as <c>soFar.enrolments</c>,
    /// <c>soFar.participants</c>, <c>soFar.women</c>, <c>soFar.intoWork</c>, <c>soFar.intoStudies</c>): the sum of
    /// the record keys of what it counts (docs/privacy.md). Empty for a report built by hand.
    /// </summary>
    internal IReadOnlyDictionary<string, ulong> CellKeys { get; init; } = new Dictionary<string, ulong>();

    /// <summary>The program reported on, when the report was counted (publication mode recomputes goals from it).</summary>
    internal ProgramDefinition? Definition { get; init; }

    /// <summary>The report in one line, for logs and debuggers: program, period, and the main figures.</summary>
    /// <returns>For example <c>motala-utanforskap-till-sysselsattning 2020-04-01 to 2020-04-30: 16 participants, 3 entered, 2 exited (1 into work), 33 records of the program</c>.</returns>
    public override string ToString()
        => $"{Program} {Period}: {Participants} participant{(Participants == 1 ? "" : "s")}, {Entered} entered, {Exited} exited ({ExitedByOutcome.Where(c => c.Key == "work").Sum(c => c.Count)} into work), {RecordsOfProgram} record{(RecordsOfProgram == 1 ? "" : "s")} of the program";

    internal static ProgramReport From(ReportAccumulator a, ProgramDefinition program, ReportPeriod period)
    {
        var states = new List<string> { "enrolled" };
        states.AddRange(program.Phases.Select(p => p.Id));
        states.Add("paused");
        states.Add("exited");
        IReadOnlyList<string>[] keys =
        [
            ContractNames<Gender>.All, ["unknown", .. ContractNames<EducationLevel>.All], states, ContractNames<ExitReason>.All, ContractNames<Outcome>.All,
            ["unknown", .. ContractNames<EmploymentForm>.All], ["unknown", .. ContractNames<Subsidy>.All], ContractNames<Outcome>.All,
        ];
        string[] breakdowns = ["participants.byGender", "participants.byEducation", "participants.byState", "exited.byReason", "exited.byOutcome", "exited.byEmploymentForm", "exited.bySubsidy", "followUps.byOutcome"];
        var cellKeys = new Dictionary<string, ulong>(StringComparer.Ordinal)
        {
            ["participants.total"] = a.CellKey(ReportAccumulator.Key.Participants),
            ["entered"] = a.CellKey(ReportAccumulator.Key.Entered),
            ["exited.total"] = a.CellKey(ReportAccumulator.Key.Exited),
            ["exited.selfSupporting"] = a.CellKey(ReportAccumulator.Key.SelfSupporting),
            ["jobInterviews.participants"] = a.CellKey(ReportAccumulator.Key.InterviewParticipants),
            ["jobInterviews.hired"] = a.CellKey(ReportAccumulator.Key.Hired),
            ["followUps.total"] = a.CellKey(ReportAccumulator.Key.FollowUps),
            ["soFar.enrolments"] = a.CellKey(ReportAccumulator.Key.EnrolmentsSoFar),
            ["soFar.participants"] = a.CellKey(ReportAccumulator.Key.ParticipantsSoFar),
            ["soFar.women"] = a.CellKey(ReportAccumulator.Key.WomenSoFar),
            ["soFar.intoWork"] = a.CellKey(ReportAccumulator.Key.IntoWorkSoFar),
            ["soFar.intoStudies"] = a.CellKey(ReportAccumulator.Key.IntoStudiesSoFar),
        };
        var breakdownKeys = a.BreakdownKeys;
        for (int b = 0; b < breakdowns.Length; b++)
        {
            for (int i = 0; i < breakdownKeys[b].Length; i++)
            {
                cellKeys[$"{breakdowns[b]}.{keys[b][i]}"] = breakdownKeys[b][i];
            }
        }

        return new ProgramReport
        {
            CellKeys = cellKeys,
            Definition = program,
            Program = program.Id,
            Period = period,
            SpecialCategoryData = program.SpecialCategoryData,
            RecordsRead = a.Read,
            RecordsOfProgram = a.OfProgram,
            RecordsInvalid = a.Invalid,
            RecordsDuplicate = a.Duplicates,
            RecordsMalformed = a.Malformed,
            Participants = a.Participants,
            ByGender = Cells(a.ByGender, ContractNames<Gender>.All),
            ByEducation = Cells(a.ByEducation, ["unknown", .. ContractNames<EducationLevel>.All]),
            ByState = Cells(a.ByState, states),
            Entered = a.Entered,
            Exited = a.Exited,
            ExitedByReason = Cells(a.ByReason, ContractNames<ExitReason>.All),
            ExitedByOutcome = Cells(a.ByOutcome, ContractNames<Outcome>.All),
            ExitedByEmploymentForm = Cells(a.ByEmploymentForm, ["unknown", .. ContractNames<EmploymentForm>.All]),
            ExitedBySubsidy = Cells(a.BySubsidy, ["unknown", .. ContractNames<Subsidy>.All]),
            ExitedSelfSupporting = a.SelfSupporting,
            JobInterviewParticipants = a.InterviewParticipants,
            JobInterviewHired = a.Hired,
            FollowUps = a.FollowUps,
            FollowUpsByOutcome = Cells(a.FollowUpsByOutcome, ContractNames<Outcome>.All),
            Goals = [.. (program.Goals ?? []).Where(g => g.IsMeasurable).Select(g => GoalTracker.Track(program, g, period.To, g.Quantity switch
            {
                GoalQuantity.Enrolments => new GoalCount(a.EnrolmentsSoFar, 0),
                GoalQuantity.WomenShare => new GoalCount(a.WomenSoFar, a.ParticipantsSoFar),
                GoalQuantity.ExitsIntoWork => new GoalCount(a.IntoWorkSoFar, 0),
                _ => new GoalCount(a.IntoStudiesSoFar, 0),
            }))],
        };
    }

    private static ImmutableArray<BreakdownCell> Cells(ReadOnlySpan<long> counts, IReadOnlyList<string> keys)
    {
        var cells = ImmutableArray.CreateBuilder<BreakdownCell>();
        for (int i = 0; i < counts.Length; i++)
        {
            if (counts[i] > 0)
            {
                cells.Add(new BreakdownCell(keys[i], counts[i]));
            }
        }

        return cells.ToImmutable();
    }
}
