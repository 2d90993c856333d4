using InclusionModel.Histories;
using InclusionModel.Programs;
using InclusionModel.Reports;
using NodaTime;

namespace InclusionModel.Tests.Reports;

/// <summary><c>subsidy</c> and <c>selfSupporting</c> on exits and follow-ups (§1), and their report figures (§6).</summary>
public class SubsidyTest
{
    private const string Motala = "motala-utanforskap-till-sysselsattning";

    private static string Line(string participant, string exit)
        => $$"""{"participant":"{{participant}}","program":"{{Motala}}","events":[{"on":"2020-03-01","type":"referred"},{"on":"2020-03-02","type":"assessed","eligible":true},{"on":"2020-03-03","type":"enrolled"},{"on":"2020-03-03","type":"phase-started","phase":"coaching"},{{exit}}]}""";

    [Fact]
    public void SubsidyAndSelfSupporting_AreReadAndWrittenBack()
    {
        string line = Line("p-1", """{"on":"2020-04-10","type":"exited","reason":"completed","outcome":"work","employmentForm":"subsidised","subsidy":"nystartsjobb","selfSupporting":true}""");

        var history = new HistoryReader().Read(line).GetValueOrThrow();
        var exit = history.Events[^1];

        Assert.Equal((Subsidy?)Subsidy.Nystartsjobb, exit.Subsidy);
        Assert.True(exit.SelfSupporting);
        Assert.Contains("\"subsidy\":\"nystartsjobb\",\"selfSupporting\":true", HistoryWriter.ToLine(history));
        Assert.Equal(history, new HistoryReader().Read(HistoryWriter.ToLine(history)).GetValueOrThrow());
    }

    [Theory]
    [InlineData("""{"on":"2020-04-10","type":"exited","reason":"completed","outcome":"work","employmentForm":"regular","subsidy":"nystartsjobb"}""", "'subsidy' goes only with employmentForm 'subsidised'")]
    [InlineData("""{"on":"2020-04-10","type":"exited","reason":"completed","outcome":"work","employmentForm":"subsidised","subsidy":"instegsjobb"}""", "'subsidy'")]
    [InlineData("""{"on":"2020-04-10","type":"exited","reason":"completed","outcome":"work","selfSupporting":"yes"}""", "'selfSupporting' must be true or false")]
    [InlineData("""{"on":"2020-04-10","type":"paused","reason":"other","selfSupporting":true}""", "field 'selfSupporting' is not allowed on a 'paused' event")]
    public void MisplacedOrWrongValues_AreMalformed(string exit, string reason)
    {
        var result = new HistoryReader().Read(Line("p-1", exit));

        Assert.False(result.Success);
        Assert.Contains(reason, result.Reason);
    }

    [Fact]
    public void Reports_CountExitsBySubsidyAndSelfSupporting()
    {
        // Three exits into work in April: two subsidised (one nystartsjobb, one without a subsidy named), one
        // regular; two of the three self-supporting.
        var reader = new HistoryReader();
        var histories = new[]
        {
            Line("p-1", """{"on":"2020-04-10","type":"exited","reason":"completed","outcome":"work","employmentForm":"subsidised","subsidy":"nystartsjobb","selfSupporting":true}"""),
            Line("p-2", """{"on":"2020-04-11","type":"exited","reason":"completed","outcome":"work","employmentForm":"subsidised"}"""),
            Line("p-3", """{"on":"2020-04-12","type":"exited","reason":"completed","outcome":"work","employmentForm":"regular","selfSupporting":true}"""),
        }.Select(l => reader.Read(l).GetValueOrThrow()).ToList();

        var report = ReportBuilder.Build(histories, ProgramCatalogue.BuiltIn.Get(Motala), ReportPeriod.Month(new YearMonth(2020, 4)));
        var rows = ReportWriter.Rows(report).ToDictionary(r => r.Figure, r => r.Value);

        Assert.Equal(("1", "1"), (rows["exited.bySubsidy.nystartsjobb"], rows["exited.bySubsidy.unknown"]));
        Assert.Equal("2", rows["exited.selfSupporting"]);
        Assert.Equal("2", rows["exited.byEmploymentForm.subsidised"]);
    }
}
