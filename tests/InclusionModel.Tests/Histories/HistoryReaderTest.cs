using System.Text;
using InclusionModel.Histories;
using static InclusionModel.Tests.TestData;

namespace InclusionModel.Tests.Histories;

public class HistoryReaderTest
{
    private const string Prefix = """{"participant":"p-1","program":"eskilstuna-romane-bucha","events":[""";

    private static HistoryParseResult Read(string line, long number = 3) => new HistoryReader().Read(line, number);

    private static string Event(string fields) => Prefix + "{" + fields + "}]}";

    [Fact]
    public void Read_ContractExample_ReadsEveryField()
    {
        var history = Read("""{"participant":"p-0001","program":"eskilstuna-romane-bucha","gender":"woman","birthDate":"1988-04-02","educationLevel":"upper-secondary","events":[{"on":"2012-02-01","type":"referred","from":"social-services"},{"on":"2012-02-10","type":"assessed","eligible":true},{"on":"2012-04-01","type":"phase-started","phase":"employment","studyDaysPerWeek":1},{"on":"2012-05-01","type":"paused","reason":"sick-leave"},{"on":"2012-05-02","type":"activity","kind":"job-interview","result":"not-hired"},{"on":"2013-06-01","type":"exited","reason":"completed","outcome":"work","employmentForm":"hourly"},{"on":"2013-12-01","type":"followed-up","outcome":"studies"}]}""").GetValueOrThrow();

        Assert.Equal("p-0001", history.Participant);
        Assert.Equal(Gender.Woman, history.Gender);
        Assert.Equal(D("1988-04-02"), history.BirthDate);
        Assert.Equal(EducationLevel.UpperSecondary, history.EducationLevel);
        HistoryEvent[] expected =
            [
                HistoryEvent.Referred(D("2012-02-01"), ReferralSource.SocialServices),
                HistoryEvent.Assessed(D("2012-02-10"), true),
                HistoryEvent.PhaseStarted(D("2012-04-01"), "employment", 1),
                HistoryEvent.Paused(D("2012-05-01"), PauseReason.SickLeave),
                HistoryEvent.Activity(D("2012-05-02"), ActivityKind.JobInterview, InterviewResult.NotHired),
                HistoryEvent.Exited(D("2013-06-01"), ExitReason.Completed, Outcome.Work, EmploymentForm.Hourly),
                HistoryEvent.FollowedUp(D("2013-12-01"), Outcome.Studies),
            ];
        Assert.Equal(expected.Length, history.Events.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], history.Events[i]);
        }
    }

    public static TheoryData<string, HistoryEvent> EveryKindOfEvent() => new()
    {
        { "\"on\":\"2012-02-01\",\"type\":\"referred\",\"from\":\"self\"", HistoryEvent.Referred(D("2012-02-01"), ReferralSource.Self) },
        { "\"on\":\"2012-02-01\",\"type\":\"referred\"", HistoryEvent.Referred(D("2012-02-01")) },
        { "\"on\":\"2012-02-02\",\"type\":\"assessed\",\"eligible\":false", HistoryEvent.Assessed(D("2012-02-02"), false) },
        { "\"on\":\"2012-02-02\",\"type\":\"assessed\",\"eligible\":true", HistoryEvent.Assessed(D("2012-02-02"), true) },
        { "\"on\":\"2012-02-03\",\"type\":\"waitlisted\"", HistoryEvent.Waitlisted(D("2012-02-03")) },
        { "\"on\":\"2012-02-04\",\"type\":\"enrolled\"", HistoryEvent.Enrolled(D("2012-02-04")) },
        { "\"on\":\"2012-02-05\",\"type\":\"phase-started\",\"phase\":\"employment\",\"studyDaysPerWeek\":2", HistoryEvent.PhaseStarted(D("2012-02-05"), "employment", 2) },
        { "\"on\":\"2012-02-06\",\"type\":\"paused\",\"reason\":\"sick-leave\"", HistoryEvent.Paused(D("2012-02-06"), PauseReason.SickLeave) },
        { "\"on\":\"2012-02-07\",\"type\":\"resumed\"", HistoryEvent.Resumed(D("2012-02-07")) },
        { "\"on\":\"2012-02-08\",\"type\":\"activity\",\"kind\":\"job-interview\",\"result\":\"hired\"", HistoryEvent.Activity(D("2012-02-08"), ActivityKind.JobInterview, InterviewResult.Hired) },
        { "\"on\":\"2012-02-09\",\"type\":\"exited\",\"reason\":\"completed\"", HistoryEvent.Exited(D("2012-02-09"), ExitReason.Completed) },
        { "\"on\":\"2012-02-09\",\"type\":\"exited\",\"reason\":\"early-exit\"", HistoryEvent.Exited(D("2012-02-09"), ExitReason.EarlyExit) },
        { "\"on\":\"2012-02-09\",\"type\":\"exited\",\"reason\":\"other\"", HistoryEvent.Exited(D("2012-02-09"), ExitReason.Other) },
        { "\"on\":\"2012-02-09\",\"type\":\"exited\",\"reason\":\"completed\",\"outcome\":\"work\",\"employmentForm\":\"subsidised\",\"subsidy\":\"nystartsjobb\",\"selfSupporting\":true", HistoryEvent.Exited(D("2012-02-09"), ExitReason.Completed, Outcome.Work, EmploymentForm.Subsidised, Subsidy.Nystartsjobb, true) },
        { "\"on\":\"2012-03-09\",\"type\":\"followed-up\",\"outcome\":\"studies\"", HistoryEvent.FollowedUp(D("2012-03-09"), Outcome.Studies) },
        { "\"on\":\"2012-03-10\",\"type\":\"moved-away\",\"reason\":\"other\"", HistoryEvent.Unrecognised(D("2012-03-10"), "moved-away") },
    };

    [Theory]
    [MemberData(nameof(EveryKindOfEvent))]
    public void Read_EveryKindOfEvent_IsTheEventItsFactoryMakes(string fields, HistoryEvent expected)
    {
        // The reader builds events in one step; they must equal the factories' in every field, the validator's too.
        var read = Read(Event(fields)).GetValueOrThrow().Events.Single();

        Assert.Equal(expected, read);
        Assert.Equal(expected.DayNumber, read.DayNumber);
        Assert.Equal(expected.Trigger, read.Trigger);
        Assert.Equal(expected.LacksRequiredOutcome, read.LacksRequiredOutcome);
    }

    [Fact]
    public void Read_EachHistoryKeepsItsOwnEvents_UnlessTheRunSaysItIsDoneWithThem()
    {
        string first = Event("\"on\":\"2012-02-01\",\"type\":\"referred\"");
        string second = Event("\"on\":\"2013-03-03\",\"type\":\"waitlisted\"");
        var reader = new HistoryReader();
        var kept = reader.Read(first, 1).GetValueOrThrow();
        reader.Read(second, 2).GetValueOrThrow();

        // A history a caller holds is never changed by a later read.
        Assert.Equal(EventType.Referred, kept.Events[0].Type);
        Assert.Equal(D("2012-02-01"), kept.Events[0].On);

        // A run that validates each record before reading the next reuses one array per length.
        var reusing = new HistoryReader { ReusesEventArrays = true };
        var a = reusing.Read(first, 1).GetValueOrThrow();
        var b = reusing.Read(second, 2).GetValueOrThrow();
        Assert.Equal(EventType.Waitlisted, b.Events[0].Type);
        Assert.Equal(EventType.Waitlisted, a.Events[0].Type);
    }

    [Fact]
    public void Read_AbsentGender_IsUnspecified()
    {
        var history = Read(Prefix + "]}").GetValueOrThrow();

        Assert.Equal(Gender.Unspecified, history.Gender);
        Assert.Null(history.EducationLevel);
        Assert.Empty(history.Events);
    }

    [Fact]
    public void Read_NullOptionalFields_AreAbsent()
    {
        var history = Read("""{"participant":"p-1","program":"x","gender":null,"birthDate":null,"events":[{"on":"2012-02-01","type":"referred","from":null}]}""").GetValueOrThrow();

        Assert.Equal(HistoryEvent.Referred(D("2012-02-01")), Assert.Single(history.Events));
    }

    [Fact]
    public void Read_UnknownTypeAndPhase_AreNotMalformed()
    {
        var history = Read(Prefix + """{"on":"2012-02-01","type":"interviewed"},{"on":"2012-02-02","type":"phase-started","phase":"internship"}]}""").GetValueOrThrow();

        Assert.Null(history.Events[0].Type);
        Assert.Equal("interviewed", history.Events[0].TypeName);
        Assert.Equal("internship", history.Events[1].Phase);
    }

    [Theory]
    [InlineData("not json", "line 3: not valid JSON (at byte 2)")]
    [InlineData("{\"participant\":", "line 3: not valid JSON (at byte 16)")]
    [InlineData("[1,2]", "line 3: not a JSON object (found an array)")]
    [InlineData("\"text\"", "line 3: not a JSON object (found a string)")]
    [InlineData("{} {}", "line 3: more text after the JSON object (one record per line)")]
    [InlineData("""{"program":"x","events":[]}""", "line 3: missing required field 'participant'")]
    [InlineData("""{"participant":"p","events":[]}""", "line 3: missing required field 'program'")]
    [InlineData("""{"participant":"p","program":"x"}""", "line 3: missing required field 'events'")]
    [InlineData("""{"participant":7,"program":"x","events":[]}""", "line 3: 'participant' must be a string, found a number")]
    [InlineData("""{"participant":"","program":"x","events":[]}""", "line 3: 'participant' must have 1–64 characters, has 0")]
    [InlineData("""{"participant":"p","program":null,"events":[]}""", "line 3: 'program' is required and cannot be null")]
    [InlineData("""{"participant":"p","program":"x","events":{}}""", "line 3: 'events' must be an array, found an object")]
    [InlineData("""{"participant":"p","program":"x","gender":"female","events":[]}""", "line 3: 'gender' is not one of unspecified, woman, man, non-binary: 'female'")]
    [InlineData("""{"participant":"p","program":"x","educationLevel":"phd","events":[]}""", "line 3: 'educationLevel' is not one of none, pre-upper-secondary, upper-secondary, post-secondary: 'phd'")]
    [InlineData("""{"participant":"p","program":"x","birthDate":"1988-02-30","events":[]}""", "line 3: 'birthDate' is not a date (YYYY-MM-DD): '1988-02-30'")]
    [InlineData("""{"participant":"p","program":"x","ethnicity":"roma","events":[]}""", "line 3: 'ethnicity' is not a field of a participant record (fields: participant, program, gender, birthDate, educationLevel, events)")]
    [InlineData("""{"participant":"p","participant":"q","program":"x","events":[]}""", "line 3: field 'participant' appears more than once")]
    public void Read_MalformedRecord_SaysWhereAndWhy(string line, string error)
    {
        var result = Read(line);

        Assert.False(result.Success);
        Assert.Equal(error, $"line {result.Line}: {result.Reason}");
        Assert.Equal(3, result.Line);
    }

    [Theory]
    [InlineData("\"type\":\"referred\"", "events[0]: missing required field 'on'")]
    [InlineData("\"on\":\"2012-02-01\"", "events[0]: missing required field 'type'")]
    [InlineData("\"on\":\"2013-02-30\",\"type\":\"referred\"", "events[0].on: '2013-02-30' is not a valid date (YYYY-MM-DD)")]
    [InlineData("\"on\":\"2013-13-01\",\"type\":\"referred\"", "events[0].on: '2013-13-01' is not a valid date (YYYY-MM-DD)")]
    [InlineData("\"on\":\"2013-1-01\",\"type\":\"referred\"", "events[0].on: '2013-1-01' is not a valid date (YYYY-MM-DD)")]
    [InlineData("\"on\":\"2013-01-01T10:00\",\"type\":\"referred\"", "events[0].on: '2013-01-01T10:00' is not a valid date (YYYY-MM-DD)")]
    [InlineData("\"on\":20130101,\"type\":\"referred\"", "events[0]: 'on' must be a date string (YYYY-MM-DD), found a number")]
    [InlineData("\"on\":\"2013-01-01\",\"type\":\"referred\",\"from\":\"police\"", "events[0]: 'from' is not one of social-services, employment-service, self, other: 'police'")]
    [InlineData("\"on\":\"2013-01-01\",\"type\":\"assessed\"", "events[0]: an 'assessed' event needs 'eligible' (true or false)")]
    [InlineData("\"on\":\"2013-01-01\",\"type\":\"assessed\",\"eligible\":\"yes\"", "events[0]: 'eligible' must be true or false, found a string")]
    [InlineData("\"on\":\"2013-01-01\",\"type\":\"phase-started\"", "events[0]: a 'phase-started' event needs 'phase'")]
    [InlineData("\"on\":\"2013-01-01\",\"type\":\"phase-started\",\"phase\":\"employment\",\"studyDaysPerWeek\":6", "events[0]: 'studyDaysPerWeek' must be a whole number 0–5, was '6'")]
    [InlineData("\"on\":\"2013-01-01\",\"type\":\"phase-started\",\"phase\":\"employment\",\"studyDaysPerWeek\":1.5", "events[0]: 'studyDaysPerWeek' must be a whole number 0–5, was '1.5'")]
    [InlineData("\"on\":\"2013-01-01\",\"type\":\"phase-started\",\"phase\":\"employment\",\"studyDaysPerWeek\":\"1\"", "events[0]: 'studyDaysPerWeek' must be a number 0–5, found a string")]
    [InlineData("\"on\":\"2013-01-01\",\"type\":\"paused\",\"reason\":\"completed\"", "events[0]: 'reason' is not one of sick-leave, parental-leave, other: 'completed'")]
    [InlineData("\"on\":\"2013-01-01\",\"type\":\"exited\"", "events[0]: an 'exited' event needs 'reason'")]
    [InlineData("\"on\":\"2013-01-01\",\"type\":\"exited\",\"reason\":\"sick-leave\"", "events[0]: 'reason' is not one of completed, early-exit, discontinued, moved, other: 'sick-leave'")]
    [InlineData("\"on\":\"2013-01-01\",\"type\":\"exited\",\"reason\":\"completed\",\"outcome\":\"rich\"", "events[0]: 'outcome' is not one of work, studies, job-seeking, other, unknown: 'rich'")]
    [InlineData("\"on\":\"2013-01-01\",\"type\":\"exited\",\"reason\":\"completed\",\"outcome\":\"studies\",\"employmentForm\":\"regular\"", "events[0]: 'employmentForm' goes only with outcome 'work'")]
    [InlineData("\"on\":\"2013-01-01\",\"type\":\"exited\",\"reason\":\"completed\",\"outcome\":\"work\",\"employmentForm\":\"gig\"", "events[0]: 'employmentForm' is not one of regular, subsidised, hourly, seasonal, other: 'gig'")]
    [InlineData("\"on\":\"2013-01-01\",\"type\":\"activity\"", "events[0]: an 'activity' event needs 'kind'")]
    [InlineData("\"on\":\"2013-01-01\",\"type\":\"activity\",\"kind\":\"course\",\"result\":\"hired\"", "events[0]: 'result' is only for activities of kind 'job-interview'")]
    [InlineData("\"on\":\"2013-01-01\",\"type\":\"activity\",\"kind\":\"job-interview\",\"result\":\"maybe\"", "events[0]: 'result' is not one of hired, not-hired, pending: 'maybe'")]
    [InlineData("\"on\":\"2013-01-01\",\"type\":\"followed-up\"", "events[0]: a 'followed-up' event needs 'outcome'")]
    [InlineData("\"on\":\"2013-01-01\",\"type\":\"referred\",\"phase\":\"employment\"", "events[0]: field 'phase' is not allowed on a 'referred' event")]
    [InlineData("\"on\":\"2013-01-01\",\"type\":\"enrolled\",\"note\":\"x\"", "events[0]: 'note' is not a field of an event")]
    [InlineData("\"on\":\"2013-01-01\",\"on\":\"2013-01-02\",\"type\":\"enrolled\"", "events[0]: field 'on' appears more than once")]
    public void Read_MalformedEvent_SaysWhichEventAndWhy(string fields, string reason)
    {
        var result = Read(Event(fields));

        Assert.False(result.Success);
        Assert.Equal(reason, result.Reason);
        Assert.Equal($"line 3: {reason}", Assert.Throws<FormatException>(() => result.GetValueOrThrow()).Message); // the one place the line joins the reason
    }

    [Fact]
    public void Read_SecondEventMalformed_NamesItsIndex()
    {
        var result = Read(Prefix + """{"on":"2012-02-01","type":"referred"},{"on":"2012-02-31","type":"assessed","eligible":true}]}""");

        Assert.Equal("events[1].on: '2012-02-31' is not a valid date (YYYY-MM-DD)", result.Reason);
        Assert.Equal(3, result.Line);
    }

    [Theory]
    [InlineData("""{"participant":"p","program":"x","events":[{"on":"198804021239","type":"referred"}]}""")]
    [InlineData("""{"participant":"880402-1239","program":"x","ethnicity":"x","events":[]}""")]
    [InlineData("""{"participant":"p","program":"x","gender":"880402-1239","events":[]}""")]
    [InlineData("""{"participant":"p","program":"x","880402-1239":1,"events":[]}""")]
    public void Read_MalformedLineHoldingIdentityNumber_NeverQuotesIt(string line)
    {
        var result = Read(line);

        Assert.False(result.Success);
        Assert.DoesNotContain("1239", result.Reason);
    }

    [Fact]
    public void Read_LongValue_IsQuotedShortened()
    {
        var result = Read(Event("\"on\":\"" + new string('9', 5000) + "\",\"type\":\"referred\""));

        Assert.True(result.Reason!.Length < 200, result.Reason);
    }

    [Fact]
    public void Read_InvalidUtf8_IsMalformed()
    {
        byte[] line = [.. Encoding.UTF8.GetBytes("{\"participant\":\"p"), 0xFF, .. Encoding.UTF8.GetBytes("\",\"program\":\"x\",\"events\":[]}")];

        var result = new HistoryReader().Read(line, 1);

        Assert.False(result.Success);
        Assert.Equal(1, result.Line);
        Assert.Equal("'participant' is not valid UTF-8", result.Reason); // the field that holds the bad byte
    }

    [Fact]
    public void Read_EscapedStrings_AreUnderstood()
    {
        var history = Read("""{"participant":"p\u002d1","program":"eskilstuna\u002dromane-bucha","events":[{"on":"2012-02-01","type":"phase\u002dstarted","phase":"employment"}]}""").GetValueOrThrow();

        Assert.Equal("p-1", history.Participant);
        Assert.Equal("eskilstuna-romane-bucha", history.Program);
        Assert.Equal(EventType.PhaseStarted, history.Events[0].Type);
    }

    [Fact]
    public void GetValueOrThrow_Malformed_ThrowsFormatExceptionWithTheError()
    {
        var e = Assert.Throws<FormatException>(() => Read("[]").GetValueOrThrow());

        Assert.Equal("line 3: not a JSON object (found an array)", e.Message);
    }
}
