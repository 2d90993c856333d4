using InclusionModel.Contract;
using NodaTime;

namespace InclusionModel.Histories;

/// <summary>
/// One event of a participant history (docs/interchange-contract.md §1): a date, a type and the type's extra fields.
/// Create events with the static factories; an event whose type the contract does not know is kept
/// with <see cref="Unrecognised"/> so that the validator can report it as <c>unknown-event</c>.
/// </summary>
/// <remarks>
/// A value type, so that a history's events lie next to each other in memory and replaying millions of
/// them reads memory in order. <c>default(HistoryEvent)</c> is not an event (see <see cref="IsDefault"/>);
/// histories refuse it.
/// </remarks>
public readonly record struct HistoryEvent
{
    /// <summary>The <see cref="Trigger"/> of an event whose type is not the contract's.</summary>
    internal const TriggerKind NoTrigger = (TriggerKind)byte.MaxValue;

    private HistoryEvent(LocalDate on, EventType? type, string typeName, TriggerKind trigger, bool lacksRequiredOutcome = false)
    {
        On = on;
        Type = type;
        TypeName = typeName;
        DayNumber = IsoDates.DayNumber(on);
        Trigger = trigger;
        LacksRequiredOutcome = lacksRequiredOutcome;
    }

    /// <summary>
    /// Every field at once, for the reader, which has checked what the factories check and knows the date's
    /// day number: no factory, initializer or second day count per event.
    /// </summary>
    internal HistoryEvent(
        LocalDate on,
        int dayNumber,
        EventType? type,
        string typeName,
        TriggerKind trigger,
        bool lacksRequiredOutcome,
        ReferralSource? from,
        bool? eligible,
        string? phase,
        int? studyDaysPerWeek,
        PauseReason? pauseReason,
        ActivityKind? activityKind,
        InterviewResult? result,
        ExitReason? exitReason,
        Outcome? outcome,
        EmploymentForm? employmentForm,
        Subsidy? subsidy,
        bool? selfSupporting)
    {
        On = on;
        Type = type;
        TypeName = typeName;
        DayNumber = dayNumber;
        Trigger = trigger;
        LacksRequiredOutcome = lacksRequiredOutcome;
        From = from;
        Eligible = eligible;
        Phase = phase;
        StudyDaysPerWeek = studyDaysPerWeek;
        PauseReason = pauseReason;
        ActivityKind = activityKind;
        Result = result;
        ExitReason = exitReason;
        Outcome = outcome;
        EmploymentForm = employmentForm;
        Subsidy = subsidy;
        SelfSupporting = selfSupporting;
    }

    /// <summary>The date as a day count, so that the validator compares dates as integers.</summary>
    internal int DayNumber { get; }

    /// <summary>
    /// The lifecycle trigger kind, found once when the event is made (it depends on the type and on
    /// <c>eligible</c> or <c>reason</c>, never on the program); <see cref="NoTrigger"/> for an unknown type.
    /// </summary>
    internal TriggerKind Trigger { get; }

    /// <summary>Whether this is an exit with reason completed or early-exit and no outcome (rule <c>outcome-required</c>).</summary>
    internal bool LacksRequiredOutcome { get; }

    /// <summary>Whether this is <c>default(HistoryEvent)</c>, which no factory makes.</summary>
    public bool IsDefault => TypeName is null;

    /// <summary>The calendar date of the event (no time, no zone).</summary>
    public LocalDate On { get; }

    /// <summary>The event type, or <c>null</c> when the type is not one of the contract's (see <see cref="TypeName"/>).</summary>
    public EventType? Type { get; }

    /// <summary>The type as written in the history: the contract name, or the unrecognised text.</summary>
    public string TypeName { get; }

    /// <summary><c>referred</c>: who referred the participant, or <c>null</c>.</summary>
    public ReferralSource? From { get; private init; }

    /// <summary><c>assessed</c>: whether the participant was found eligible.</summary>
    public bool? Eligible { get; private init; }

    /// <summary><c>phase-started</c>: the phase id as written (it may not be a phase of the program).</summary>
    public string? Phase { get; private init; }

    /// <summary><c>phase-started</c>: the study days a week, 0–5, or <c>null</c>.</summary>
    public int? StudyDaysPerWeek { get; private init; }

    /// <summary><c>paused</c>: the reason category, or <c>null</c>.</summary>
    public PauseReason? PauseReason { get; private init; }

    /// <summary><c>activity</c>: what kind of activity.</summary>
    public ActivityKind? ActivityKind { get; private init; }

    /// <summary><c>activity</c> of kind job interview: the result, or <c>null</c>.</summary>
    public InterviewResult? Result { get; private init; }

    /// <summary><c>exited</c>: why participation ended.</summary>
    public ExitReason? ExitReason { get; private init; }

    /// <summary><c>exited</c>, <c>followed-up</c>: where the participant went, or <c>null</c>.</summary>
    public Outcome? Outcome { get; private init; }

    /// <summary><c>exited</c>, <c>followed-up</c> with outcome work: the form of employment, or <c>null</c>.</summary>
    public EmploymentForm? EmploymentForm { get; private init; }

    /// <summary><c>exited</c>, <c>followed-up</c> with employment form <c>subsidised</c>: the subsidy, or <c>null</c>.</summary>
    public Subsidy? Subsidy { get; private init; }

    /// <summary><c>exited</c>, <c>followed-up</c>: whether the participant supports themselves without social assistance (egen försörjning), or <c>null</c> when not stated.</summary>
    public bool? SelfSupporting { get; private init; }

    /// <summary>A <c>referred</c> event.</summary>
    /// <param name="on">The date.</param>
    /// <param name="from">Who referred, or <c>null</c>.</param>
    /// <returns>The event.</returns>
    public static HistoryEvent Referred(LocalDate on, ReferralSource? from = null)
        => new(on, EventType.Referred, "referred", TriggerKind.Referred) { From = from };

    /// <summary>An <c>assessed</c> event.</summary>
    /// <param name="on">The date.</param>
    /// <param name="eligible">Whether the participant was found eligible.</param>
    /// <returns>The event.</returns>
    public static HistoryEvent Assessed(LocalDate on, bool eligible)
        => new(on, EventType.Assessed, "assessed", eligible ? TriggerKind.AssessedEligible : TriggerKind.AssessedIneligible) { Eligible = eligible };

    /// <summary>A <c>waitlisted</c> event.</summary>
    /// <param name="on">The date.</param>
    /// <returns>The event.</returns>
    public static HistoryEvent Waitlisted(LocalDate on) => new(on, EventType.Waitlisted, "waitlisted", TriggerKind.Waitlisted);

    /// <summary>An <c>enrolled</c> event.</summary>
    /// <param name="on">The date.</param>
    /// <returns>The event.</returns>
    public static HistoryEvent Enrolled(LocalDate on) => new(on, EventType.Enrolled, "enrolled", TriggerKind.Enrolled);

    /// <summary>A <c>phase-started</c> event.</summary>
    /// <param name="on">The date.</param>
    /// <param name="phase">The phase id.</param>
    /// <param name="studyDaysPerWeek">Study days a week, 0–5, or <c>null</c>.</param>
    /// <returns>The event.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="phase"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="studyDaysPerWeek"/> is outside 0–5.</exception>
    public static HistoryEvent PhaseStarted(LocalDate on, string phase, int? studyDaysPerWeek = null)
    {
        Preconditions.CheckNotNull(phase);
        if (studyDaysPerWeek is < 0 or > 5)
        {
            throw new ArgumentOutOfRangeException(nameof(studyDaysPerWeek), studyDaysPerWeek, "Study days a week are 0–5.");
        }

        return new(on, EventType.PhaseStarted, "phase-started", TriggerKind.PhaseStarted) { Phase = phase, StudyDaysPerWeek = studyDaysPerWeek };
    }

    /// <summary>A <c>paused</c> event.</summary>
    /// <param name="on">The date.</param>
    /// <param name="reason">The reason category, or <c>null</c>.</param>
    /// <returns>The event.</returns>
    public static HistoryEvent Paused(LocalDate on, PauseReason? reason = null)
        => new(on, EventType.Paused, "paused", TriggerKind.Paused) { PauseReason = reason };

    /// <summary>A <c>resumed</c> event.</summary>
    /// <param name="on">The date.</param>
    /// <returns>The event.</returns>
    public static HistoryEvent Resumed(LocalDate on) => new(on, EventType.Resumed, "resumed", TriggerKind.Resumed);

    /// <summary>An <c>activity</c> event.</summary>
    /// <param name="on">The date.</param>
    /// <param name="kind">The kind of activity.</param>
    /// <param name="result">For a job interview, its result, or <c>null</c>.</param>
    /// <returns>The event.</returns>
    /// <exception cref="ArgumentException"><paramref name="result"/> is given for an activity that is not a job interview.</exception>
    public static HistoryEvent Activity(LocalDate on, ActivityKind kind, InterviewResult? result = null)
    {
        Preconditions.CheckArgument(result is null || kind == Histories.ActivityKind.JobInterview, nameof(result), "Only a job interview has a result.");
        return new(on, EventType.Activity, "activity", TriggerKind.Activity) { ActivityKind = kind, Result = result };
    }

    /// <summary>An <c>exited</c> event.</summary>
    /// <param name="on">The date.</param>
    /// <param name="reason">Why participation ended.</param>
    /// <param name="outcome">Where the participant went, or <c>null</c> (required by rule <c>outcome-required</c> for completed and early-exit).</param>
    /// <param name="employmentForm">With outcome work, the form of employment, or <c>null</c>.</param>
    /// <param name="subsidy">With employment form subsidised, the subsidy, or <c>null</c>.</param>
    /// <param name="selfSupporting">Whether the participant supports themselves without social assistance, or <c>null</c> when not stated.</param>
    /// <returns>The event.</returns>
    /// <exception cref="ArgumentException"><paramref name="employmentForm"/> is given without outcome work, or <paramref name="subsidy"/> without employment form subsidised.</exception>
    public static HistoryEvent Exited(LocalDate on, ExitReason reason, Outcome? outcome = null, EmploymentForm? employmentForm = null, Subsidy? subsidy = null, bool? selfSupporting = null)
    {
        Preconditions.CheckArgument(employmentForm is null || outcome == Histories.Outcome.Work, nameof(employmentForm), "An employment form goes with outcome work.");
        Preconditions.CheckArgument(subsidy is null || employmentForm == Histories.EmploymentForm.Subsidised, nameof(subsidy), "A subsidy goes with employment form subsidised.");
        var trigger = reason == Histories.ExitReason.Completed ? TriggerKind.ExitedCompleted : TriggerKind.Exited;
        bool lacksOutcome = outcome is null && reason is Histories.ExitReason.Completed or Histories.ExitReason.EarlyExit;
        return new(on, EventType.Exited, "exited", trigger, lacksOutcome) { ExitReason = reason, Outcome = outcome, EmploymentForm = employmentForm, Subsidy = subsidy, SelfSupporting = selfSupporting };
    }

    /// <summary>A <c>followed-up</c> event.</summary>
    /// <param name="on">The date.</param>
    /// <param name="outcome">The participant's situation.</param>
    /// <param name="employmentForm">With outcome work, the form of employment, or <c>null</c>.</param>
    /// <param name="subsidy">With employment form subsidised, the subsidy, or <c>null</c>.</param>
    /// <param name="selfSupporting">Whether the participant supports themselves without social assistance, or <c>null</c> when not stated.</param>
    /// <returns>The event.</returns>
    /// <exception cref="ArgumentException"><paramref name="employmentForm"/> is given without outcome work, or <paramref name="subsidy"/> without employment form subsidised.</exception>
    public static HistoryEvent FollowedUp(LocalDate on, Outcome outcome, EmploymentForm? employmentForm = null, Subsidy? subsidy = null, bool? selfSupporting = null)
    {
        Preconditions.CheckArgument(employmentForm is null || outcome == Histories.Outcome.Work, nameof(employmentForm), "An employment form goes with outcome work.");
        Preconditions.CheckArgument(subsidy is null || employmentForm == Histories.EmploymentForm.Subsidised, nameof(subsidy), "A subsidy goes with employment form subsidised.");
        return new(on, EventType.FollowedUp, "followed-up", TriggerKind.FollowedUp) { Outcome = outcome, EmploymentForm = employmentForm, Subsidy = subsidy, SelfSupporting = selfSupporting };
    }

    /// <summary>An event whose type is not one of the contract's; the validator reports it as <c>unknown-event</c>.</summary>
    /// <param name="on">The date.</param>
    /// <param name="typeName">The type as written.</param>
    /// <returns>The event.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="typeName"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="typeName"/> is one of the contract's types.</exception>
    public static HistoryEvent Unrecognised(LocalDate on, string typeName)
    {
        Preconditions.CheckNotNull(typeName);
        Preconditions.CheckArgument(!ContractNames<EventType>.TryParse(typeName, out _), nameof(typeName), "That is a known event type: use its factory.");
        return new(on, null, typeName, NoTrigger);
    }

    /// <summary>This event with another date; for tests and corrections.</summary>
    /// <param name="on">The new date.</param>
    /// <returns>The event, re-dated.</returns>
    public HistoryEvent WithDate(LocalDate on) => new(on, Type, TypeName, Trigger, LacksRequiredOutcome)
    {
        From = From, Eligible = Eligible, Phase = Phase, StudyDaysPerWeek = StudyDaysPerWeek, PauseReason = PauseReason,
        ActivityKind = ActivityKind, Result = Result, ExitReason = ExitReason, Outcome = Outcome, EmploymentForm = EmploymentForm,
        Subsidy = Subsidy, SelfSupporting = SelfSupporting,
    };
}
