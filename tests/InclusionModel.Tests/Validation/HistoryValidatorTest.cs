using InclusionModel.Contract;
using InclusionModel.Histories;
using InclusionModel.Lifecycle;
using InclusionModel.Programs;
using InclusionModel.Validation;
using NodaTime;
using static InclusionModel.Tests.TestData;

namespace InclusionModel.Tests.Validation;

public class HistoryValidatorTest
{
    private static readonly HistoryValidator Validator = new();
    private static readonly LocalDate Later = new(2030, 1, 1);

    private static IEnumerable<(string Rule, int? Event)> Found(HistoryValidationResult result)
        => result.Violations.Select(v => (v.RuleId, v.EventIndex));

    private static HistoryValidationResult Bucha(List<HistoryEvent> events, LocalDate? asOf = null)
        => Validator.Validate(History("eskilstuna-romane-bucha", [.. events]), asOf ?? Later);

    [Fact]
    public void Validate_ContractExample_IsValidAndExited()
    {
        var events = BuchaUpToEmployment("2012-04-01", studyDays: 1);
        events.Add(HistoryEvent.PhaseStarted(D("2013-03-01"), "exit-support"));
        events.Add(HistoryEvent.Exited(D("2013-06-01"), ExitReason.Completed, Outcome.Work));

        var result = Bucha(events);

        Assert.True(result.IsValid, string.Join("; ", result.Violations));
        Assert.Equal("exited", result.FinalState.Name);
        Assert.Null(result.OpenPhase);
    }

    [Theory]
    [InlineData("2013-02-01", false)] // exactly 10 months: S + 10 months == E
    [InlineData("2013-01-31", true)]  // one day short
    public void Validate_EmploymentLeftForExitSupport_ChecksTenMonthMinimum(string exitSupportStart, bool violates)
    {
        var events = BuchaUpToEmployment("2012-04-01");
        events.Add(HistoryEvent.PhaseStarted(D(exitSupportStart), "exit-support"));

        var result = Bucha(events, D(exitSupportStart));

        Assert.Equal(violates ? [("phase-min-duration", 5)] : [], Found(result));
        Assert.Equal("exit-support", result.FinalState.Name); // applied either way
    }

    [Theory]
    [InlineData("2013-04-01", false)] // exactly 12 months: E == S + 12 months
    [InlineData("2013-04-02", true)]  // one day over
    public void Validate_EmploymentLeftForExitSupport_ChecksTwelveMonthMaximum(string exitSupportStart, bool violates)
    {
        var events = BuchaUpToEmployment("2012-04-01");
        events.Add(HistoryEvent.PhaseStarted(D(exitSupportStart), "exit-support"));

        var result = Bucha(events, D(exitSupportStart));

        Assert.Equal(violates ? [("phase-max-duration", 5)] : [], Found(result));
    }

    [Fact]
    public void Validate_PhaseMaxViolation_MessageSaysHowLong()
    {
        var events = BuchaUpToEmployment("2012-04-01");
        events.Add(HistoryEvent.PhaseStarted(D("2013-05-02"), "exit-support"));

        var violation = Assert.Single(Bucha(events, D("2013-06-01")).Violations);

        Assert.Equal("employment lasted 13 months and 1 day; at most 12 months", violation.Message);
        Assert.Equal(D("2013-05-02"), violation.On);
    }

    [Theory]
    [InlineData("2013-01-31", false)] // 30 paused days: E - P = 2013-04-01 = S + 12 months
    [InlineData("2013-01-30", true)]  // 29 paused days: E - P = 2013-04-02, one day over
    public void Validate_PauseInsideEmployment_IsNotCountedTowardMaximum(string resumedOn, bool violates)
    {
        var events = BuchaUpToEmployment("2012-04-01");
        events.Add(HistoryEvent.Paused(D("2013-01-01"), PauseReason.SickLeave));
        events.Add(HistoryEvent.Resumed(D(resumedOn)));
        events.Add(HistoryEvent.PhaseStarted(D("2013-05-01"), "exit-support"));

        var result = Bucha(events, D("2013-05-01"));

        Assert.Equal(violates ? [("phase-max-duration", 7)] : [], Found(result));
    }

    [Fact]
    public void Validate_PauseInsideEmployment_CountsAgainstMinimum()
    {
        // 2012-04-01 + 10 months = 2013-02-01; leaving on 2013-02-11 after 11 paused days nets 2013-01-31.
        var events = BuchaUpToEmployment("2012-04-01");
        events.Add(HistoryEvent.Paused(D("2012-06-01")));
        events.Add(HistoryEvent.Resumed(D("2012-06-12")));
        events.Add(HistoryEvent.PhaseStarted(D("2013-02-11"), "exit-support"));

        var violation = Assert.Single(Bucha(events, D("2013-02-11")).Violations);

        Assert.Equal(("phase-min-duration", 7), (violation.RuleId, violation.EventIndex));
        Assert.Equal("employment lasted 9 months and 30 days net of 11 paused days; at least 10 months", violation.Message);
    }

    [Theory]
    [InlineData("2013-01-31", "2013-02-28", false)] // 31 January + 1 month clamps to 28 February
    [InlineData("2013-01-31", "2013-02-27", true)]
    [InlineData("2012-01-31", "2012-02-29", false)] // leap year: 29 February
    [InlineData("2012-01-31", "2012-02-28", true)]
    public void Validate_MonthArithmetic_ClampsToMonthEnd(string start, string end, bool tooShort)
    {
        var program = ProgramDefinition.Create("one-month", "One month", [PhaseDefinition.Create("only", minimumMonths: 1, maximumMonths: 1)]);
        var validator = new HistoryValidator(ProgramSet.Of([program]));
        var history = History("one-month",
            HistoryEvent.Referred(D(start).PlusDays(-2)),
            HistoryEvent.Assessed(D(start).PlusDays(-1), true),
            HistoryEvent.Enrolled(D(start)),
            HistoryEvent.PhaseStarted(D(start), "only"),
            HistoryEvent.Exited(D(end), ExitReason.Completed, Outcome.Work));

        var result = validator.Validate(history, D(end));

        Assert.Equal(tooShort ? [("phase-min-duration", 4)] : [], Found(result));
    }

    [Theory]
    [InlineData("2013-02-28", false)] // 29 February 2012 + 12 months = 28 February 2013
    [InlineData("2013-03-01", true)]
    public void Validate_PhaseStartedOnLeapDay_MaximumEndsOnTwentyEighth(string exitSupportStart, bool violates)
    {
        var events = BuchaUpToEmployment("2012-02-29");
        events.Add(HistoryEvent.PhaseStarted(D(exitSupportStart), "exit-support"));

        Assert.Equal(violates ? [("phase-max-duration", 5)] : [], Found(Bucha(events, D(exitSupportStart))));
    }

    [Theory]
    [InlineData("2013-04-01", false)]
    [InlineData("2013-04-02", true)]
    public void Validate_OpenPhase_IsCheckedAgainstAsOfForMaximumOnly(string asOf, bool violates)
    {
        var result = Bucha(BuchaUpToEmployment("2012-04-01"), D(asOf));

        Assert.Equal(violates ? [("phase-max-duration", (int?)null)] : [], Found(result));
        Assert.Equal("employment", result.FinalState.Name);
    }

    [Fact]
    public void Validate_OpenPhase_ReportsElapsedAndRemainingTime()
    {
        var events = BuchaUpToEmployment("2012-04-01");
        events.Add(HistoryEvent.Paused(D("2012-06-01")));
        events.Add(HistoryEvent.Resumed(D("2012-06-11")));

        var open = Bucha(events, D("2012-10-15")).OpenPhase!;

        Assert.Equal("employment", open.Phase);
        Assert.Equal(10, open.PausedDays);
        Assert.Equal(Period.FromMonths(6) + Period.FromDays(4), open.Elapsed); // 2012-04-01 to 2012-10-05
        Assert.Equal(D("2013-02-11"), open.EarliestEnd);                        // 2013-02-01 + 10 days
        Assert.Equal(D("2013-04-11"), open.LatestEnd);                          // 2013-04-01 + 10 days
        Assert.Equal(Period.FromMonths(5) + Period.FromDays(27), open.Remaining);
    }

    [Fact]
    public void Validate_OpenPause_KeepsCountingUntilAsOf()
    {
        var events = BuchaUpToEmployment("2012-04-01");
        events.Add(HistoryEvent.Paused(D("2013-03-01"), PauseReason.ParentalLeave));

        var result = Bucha(events, D("2014-06-01"));

        Assert.True(result.IsValid, string.Join("; ", result.Violations));
        Assert.Equal("paused", result.FinalState.Name);
        Assert.Equal("employment", result.FinalState.PhaseId);
    }

    [Fact]
    public void Validate_UnknownProgram_IsReportedAndDatesStillChecked()
    {
        var history = History("no-such-program", HistoryEvent.Referred(D("2020-01-02")), HistoryEvent.Assessed(D("2020-01-01"), true));

        var result = Validator.Validate(history, Later);

        Assert.Equal([("unknown-program", null), ("date-order", 1)], Found(result));
        Assert.Equal(LifecycleState.Start, result.FinalState);
    }

    [Fact]
    public void Validate_UnknownEventType_IsNotApplied()
    {
        var events = BuchaUpToEmployment("2012-04-01");
        events.Insert(2, HistoryEvent.Unrecognised(D("2012-02-27"), "interviewed"));

        var result = Bucha(events, D("2012-05-01"));

        Assert.Equal([("unknown-event", 2)], Found(result));
        Assert.Equal("employment", result.FinalState.Name);
    }

    [Fact]
    public void Validate_UnknownPhase_IsNotApplied()
    {
        var events = BuchaUpToEmployment("2012-04-01");
        events.Add(HistoryEvent.PhaseStarted(D("2012-05-01"), "internship"));

        var result = Bucha(events, D("2012-05-01"));

        Assert.Equal([("unknown-phase", 5)], Found(result));
        Assert.Equal("employment", result.FinalState.Name);
    }

    [Fact]
    public void Validate_EventBeforeItsPredecessor_IsDateOrderAndStillApplied()
    {
        var events = BuchaUpToEmployment("2012-04-01");
        events.Add(HistoryEvent.Paused(D("2012-03-31")));

        var result = Bucha(events, D("2012-05-01"));

        Assert.Equal([("date-order", 5)], Found(result));
        Assert.Equal("paused", result.FinalState.Name);
    }

    [Fact]
    public void Validate_SameDateAsPredecessor_IsNotDateOrder()
    {
        var events = BuchaUpToEmployment("2012-04-01");
        events.Add(HistoryEvent.Activity(D("2012-04-01"), ActivityKind.Course));

        Assert.Empty(Bucha(events, D("2012-05-01")).Violations);
    }

    [Theory]
    [InlineData("2012-05-01", false)] // on the as-of date
    [InlineData("2012-05-02", true)]
    public void Validate_EventAfterAsOf_IsFutureDate(string activityOn, bool violates)
    {
        var events = BuchaUpToEmployment("2012-04-01");
        events.Add(HistoryEvent.Activity(D(activityOn), ActivityKind.Cv));

        Assert.Equal(violates ? [("future-date", 5)] : [], Found(Bucha(events, D("2012-05-01"))));
    }

    [Fact]
    public void Validate_EnrolledWithoutAssessment_IsTransitionNotAllowedAndNotApplied()
    {
        var history = History("hallefors-all-in", HistoryEvent.Referred(D("2019-01-10")), HistoryEvent.Enrolled(D("2019-01-20")));

        var result = Validator.Validate(history, Later);

        var violation = Assert.Single(result.Violations);
        Assert.Equal(("transition-not-allowed", 1), (violation.RuleId, violation.EventIndex));
        // the event by name and id (English "Referred" only spells its id), then what may come next, from the lifecycle (reader round 3, finding 1)
        Assert.Equal("Enrolment (enrolled) is not allowed from state referred; from Referred the next event can be Assessment (assessed) or Exit (exited)", violation.Message);
        Assert.Equal("referred", result.FinalState.Name);
    }

    [Fact]
    public void Validate_FirstEventNotReferral_IsTransitionNotAllowed()
    {
        var result = Validator.Validate(History("hallefors-all-in", HistoryEvent.Enrolled(D("2019-01-20"))), Later);

        Assert.Equal([("transition-not-allowed", 0)], Found(result));
        Assert.Null(result.FinalState.Name);
    }

    [Fact]
    public void Validate_ActivityBeforeEnrolment_IsTransitionNotAllowed()
    {
        var history = History("hallefors-all-in", HistoryEvent.Referred(D("2019-01-10")), HistoryEvent.Activity(D("2019-01-11"), ActivityKind.Cv));

        Assert.Equal([("transition-not-allowed", 1)], Found(Validator.Validate(history, Later)));
    }

    [Theory]
    [InlineData("hallefors-all-in", "2018-03-01", false)] // first day of the window
    [InlineData("hallefors-all-in", "2018-02-28", true)]
    [InlineData("hallefors-all-in", "2020-02-29", false)] // last day of the window (a leap day)
    [InlineData("hallefors-all-in", "2020-03-01", true)]
    [InlineData("eskilstuna-romane-bucha", "2014-12-31", false)] // no start, end 2014-12-31
    [InlineData("eskilstuna-romane-bucha", "2015-01-01", true)]
    [InlineData("eskilstuna-romane-bucha", "1990-01-01", false)]
    [InlineData("helsingborg-vorta-drom", "2029-12-31", false)] // open-ended
    public void Validate_Enrolment_IsCheckedAgainstWindow(string program, string enrolledOn, bool violates)
    {
        var on = D(enrolledOn);
        var history = History(program, HistoryEvent.Referred(on.PlusDays(-5)), HistoryEvent.Assessed(on.PlusDays(-1), true), HistoryEvent.Enrolled(on));

        Assert.Equal(violates ? [("outside-enrolment-window", 2)] : [], Found(Validator.Validate(history, Later)));
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(0, false)]
    [InlineData(2, true)]
    [InlineData(5, true)]
    public void Validate_StudyDaysInEmployment_AtMostOne(int days, bool violates)
    {
        var result = Bucha(BuchaUpToEmployment("2012-04-01", studyDays: days), D("2012-05-01"));

        Assert.Equal(violates ? [("study-days-exceeded", 4)] : [], Found(result));
    }

    [Fact]
    public void Validate_StudyDaysInPhaseWithoutLimit_AreNotChecked()
    {
        var events = BuchaUpToEmployment("2012-04-01");
        events[3] = HistoryEvent.PhaseStarted(events[3].On, "preparation", studyDaysPerWeek: 5);

        Assert.Empty(Bucha(events, D("2012-05-01")).Violations);
    }

    [Theory]
    [InlineData(ExitReason.Completed, true)]
    [InlineData(ExitReason.EarlyExit, true)]
    [InlineData(ExitReason.Discontinued, false)]
    [InlineData(ExitReason.Moved, false)]
    [InlineData(ExitReason.Other, false)]
    public void Validate_ExitWithoutOutcome_NeedsOneForCompletedAndEarlyExit(ExitReason reason, bool violates)
    {
        var history = History("eskilstuna-nuevo-k2",
            HistoryEvent.Referred(D("2013-01-01")), HistoryEvent.Assessed(D("2013-01-02"), true), HistoryEvent.Enrolled(D("2013-01-03")),
            HistoryEvent.PhaseStarted(D("2013-01-03"), "activities"), HistoryEvent.Exited(D("2013-06-01"), reason));

        Assert.Equal(violates ? [("outcome-required", 4)] : [], Found(Validator.Validate(history, Later)));
    }

    [Fact]
    public void Validate_CompletedFromEmployment_IsTooEarlyAndBelowMinimum()
    {
        var events = BuchaUpToEmployment("2012-04-01");
        events.Add(HistoryEvent.Exited(D("2012-12-01"), ExitReason.Completed, Outcome.Work));

        var result = Bucha(events);

        Assert.Equal([("completed-too-early", 5), ("phase-min-duration", 5)], Found(result));
        Assert.Equal("exited", result.FinalState.Name);
    }

    [Fact]
    public void Validate_CompletedFromEnrolled_IsTooEarly()
    {
        var history = History("eskilstuna-nuevo-k2",
            HistoryEvent.Referred(D("2013-01-01")), HistoryEvent.Assessed(D("2013-01-02"), true), HistoryEvent.Enrolled(D("2013-01-03")),
            HistoryEvent.Exited(D("2013-06-01"), ExitReason.Completed, Outcome.Studies));

        Assert.Equal([("completed-too-early", 3)], Found(Validator.Validate(history, Later)));
    }

    [Fact]
    public void Validate_CompletedWhilePausedInLastPhase_IsTooEarly()
    {
        // docs/interchange-contract.md: "from any state other than the program's last phase" – paused is another state (docs/contract-readings.md).
        var history = History("eskilstuna-nuevo-k2",
            HistoryEvent.Referred(D("2013-01-01")), HistoryEvent.Assessed(D("2013-01-02"), true), HistoryEvent.Enrolled(D("2013-01-03")),
            HistoryEvent.PhaseStarted(D("2013-01-03"), "activities"), HistoryEvent.Paused(D("2013-03-01")),
            HistoryEvent.Exited(D("2013-06-01"), ExitReason.Completed, Outcome.Studies));

        Assert.Equal([("completed-too-early", 5)], Found(Validator.Validate(history, Later)));
    }

    [Fact]
    public void Validate_EarlyExitFromEmployment_ChecksMaximumButNotMinimum()
    {
        var events = BuchaUpToEmployment("2012-04-01");
        events.Add(HistoryEvent.Exited(D("2012-06-01"), ExitReason.EarlyExit, Outcome.Work, EmploymentForm.Regular));

        Assert.Empty(Bucha(events).Violations);

        events[^1] = HistoryEvent.Exited(D("2013-06-01"), ExitReason.EarlyExit, Outcome.Work);
        Assert.Equal([("phase-max-duration", 5)], Found(Bucha(events)));
    }

    [Theory]
    [InlineData("individual-plan", null)]        // the optional orientation course may be skipped
    [InlineData("orientation-course", null)]
    [InlineData("pathway", "phase-order")]       // the required individual plan may not
    public void Validate_FirstPhaseOfRomaneDroma_MaySkipOptionalPhasesOnly(string phase, string? rule)
    {
        var history = History("vasteras-romane-droma",
            HistoryEvent.Referred(D("2013-02-01")), HistoryEvent.Assessed(D("2013-02-05"), true), HistoryEvent.Enrolled(D("2013-03-01")),
            HistoryEvent.PhaseStarted(D("2013-03-01"), phase));

        var result = Validator.Validate(history, Later);

        Assert.Equal(rule is null ? [] : [(rule, 3)], Found(result));
        Assert.Equal(rule is null ? phase : "enrolled", result.FinalState.Name);
    }

    [Fact]
    public void Validate_RestartingTheCurrentPhase_IsPhaseOrder()
    {
        var events = BuchaUpToEmployment("2012-04-01");
        events.Add(HistoryEvent.PhaseStarted(D("2012-05-01"), "employment"));

        var violation = Assert.Single(Bucha(events, D("2012-05-01")).Violations);

        Assert.Equal(("phase-order", 5), (violation.RuleId, violation.EventIndex));
        Assert.Equal("employment is not the next phase after employment; expected exit-support", violation.Message); // English phase names only spell their ids
    }

    [Fact]
    public void Validate_PhaseStartWhilePaused_IsTransitionNotAllowed()
    {
        var events = BuchaUpToEmployment("2012-04-01");
        events.Add(HistoryEvent.Paused(D("2012-05-01")));
        events.Add(HistoryEvent.PhaseStarted(D("2013-05-01"), "exit-support"));

        Assert.Equal([("transition-not-allowed", 6)], Found(Bucha(events, D("2013-05-01"))));
    }

    [Fact]
    public void Validate_ResumeReturnsToPausedPhase_AndPausesAddUp()
    {
        // 2012-04-01 + 12 months = 2013-04-01; two pauses of 10 and 20 days allow leaving on 2013-05-01.
        var events = BuchaUpToEmployment("2012-04-01");
        events.Add(HistoryEvent.Paused(D("2012-05-01")));
        events.Add(HistoryEvent.Resumed(D("2012-05-11")));
        events.Add(HistoryEvent.Paused(D("2012-07-01")));
        events.Add(HistoryEvent.Resumed(D("2012-07-21")));
        events.Add(HistoryEvent.PhaseStarted(D("2013-05-01"), "exit-support"));

        var result = Bucha(events, D("2013-05-01"));

        Assert.Empty(result.Violations);
        Assert.Equal("exit-support", result.FinalState.Name);
    }

    [Fact]
    public void Validate_ReferralAfterExit_OpensNewEpisode()
    {
        var history = History("eskilstuna-jobbtrappan",
            HistoryEvent.Referred(D("2014-01-10")), HistoryEvent.Assessed(D("2014-01-20"), false),
            HistoryEvent.Referred(D("2014-06-01")), HistoryEvent.Assessed(D("2014-06-10"), true), HistoryEvent.Enrolled(D("2014-06-15")),
            HistoryEvent.PhaseStarted(D("2014-06-15"), "activities"), HistoryEvent.Exited(D("2015-01-31"), ExitReason.Discontinued),
            HistoryEvent.FollowedUp(D("2015-07-31"), Outcome.JobSeeking),
            HistoryEvent.Referred(D("2016-01-01")));

        var result = Validator.Validate(history, Later);

        Assert.Empty(result.Violations);
        Assert.Equal("referred", result.FinalState.Name);
    }

    [Fact]
    public void Validate_ReferralWhileEnrolled_IsTransitionNotAllowed()
    {
        var events = BuchaUpToEmployment("2012-04-01");
        events.Add(HistoryEvent.Referred(D("2012-05-01")));

        Assert.Equal([("transition-not-allowed", 5)], Found(Bucha(events, D("2012-05-01"))));
    }

    [Theory]
    [InlineData("8804021239")]
    [InlineData("880402-1239")]
    [InlineData("198804021239")]
    [InlineData("880462-1236")] // a coordination number: day + 60
    [InlineData("19121212-1212")]
    [InlineData("121212+1212")]
    public void Validate_IdentityNumberAsId_IsPiiInIdentifierAndNeverRepeated(string id)
    {
        var history = ParticipantHistory.Create(id, "helsingborg-vorta-drom", [HistoryEvent.Referred(D("2018-01-01"))]);
        Assert.True(InclusionModel.Privacy.PersonalIdentityNumbers.LooksLikeOne(id), "test data must be a valid number");

        var result = Validator.Validate(history, Later);

        var violation = Assert.Single(result.Violations);
        Assert.Equal(ValidationRule.PiiInIdentifier, violation.Rule);
        Assert.Null(violation.EventIndex);
        Assert.Null(result.Participant);
        Assert.DoesNotContain(id, violation.Message);
        Assert.DoesNotContain(id[^4..], violation.ToString());
    }

    [Fact]
    public void Validate_EveryViolationIsReported_NotOnlyTheFirst()
    {
        var history = History("eskilstuna-romane-bucha",
            HistoryEvent.Referred(D("2012-03-01")),
            HistoryEvent.Enrolled(D("2012-02-01")),                                   // date-order, transition-not-allowed
            HistoryEvent.Assessed(D("2012-03-05"), true),
            HistoryEvent.Enrolled(D("2015-01-02")),                                   // outside-enrolment-window
            HistoryEvent.PhaseStarted(D("2015-01-02"), "employment"),                 // phase-order (preparation first)
            HistoryEvent.Unrecognised(D("2015-01-03"), "coffee"),                     // unknown-event
            HistoryEvent.Exited(D("2031-01-01"), ExitReason.Completed));              // future-date, outcome-required, completed-too-early

        var result = Validator.Validate(history, Later);

        Assert.Equal(
            [("date-order", 1), ("transition-not-allowed", 1), ("outside-enrolment-window", 3), ("phase-order", 4),
             ("unknown-event", 5), ("future-date", 6), ("outcome-required", 6), ("completed-too-early", 6)],
            Found(result));
    }

    [Fact]
    public void ValidateIntoList_ValidHistory_AddsNothingAndReturnsStatus()
    {
        var violations = new List<Violation>();
        var events = BuchaUpToEmployment("2012-04-01");

        var status = Validator.Validate(History("eskilstuna-romane-bucha", [.. events]), D("2012-05-01"), violations);

        Assert.Empty(violations);
        Assert.Equal("employment", status.State.Name);
        Assert.Equal(D("2012-04-01"), status.PhaseStartedOn);
    }

    [Fact]
    public void Validate_WithClock_UsesTheDateInTheZone()
    {
        // 2012-05-01T23:30Z is already 2 May in Stockholm: an activity on 2 May is not in the future there.
        var clock = new NodaTime.Testing.FakeClock(Instant.FromUtc(2012, 5, 1, 23, 30));
        var events = BuchaUpToEmployment("2012-04-01");
        events.Add(HistoryEvent.Activity(D("2012-05-02"), ActivityKind.Course));
        var history = History("eskilstuna-romane-bucha", [.. events]);

        Assert.Empty(Validator.Validate(history, clock, DateTimeZoneProviders.Tzdb["Europe/Stockholm"]).Violations);
        Assert.Equal([("future-date", 5)], Found(Validator.Validate(history, clock, DateTimeZone.Utc)));
    }
}
