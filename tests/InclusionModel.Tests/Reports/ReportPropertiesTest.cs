using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InclusionModel.Contract;
using InclusionModel.Histories;
using InclusionModel.Programs;
using InclusionModel.Reports;
using InclusionModel.Runs;
using InclusionModel.Testing;
using NodaTime;

namespace InclusionModel.Tests.Reports;

/// <summary>The laws of reports, over generated valid histories of a catalogue program.</summary>
public class ReportPropertiesTest
{
    public sealed record Case(ProgramDefinition Program, GeneratedHistory[] Histories, YearMonth Month, int Seed)
    {
        public override string ToString() => $"{Program.Id}, {Histories.Length} histories, {Month:yyyy-MM}";
    }

    public static class Generators
    {
        public static Arbitrary<Case> Case()
            => Arb.From(
                from program in Gen.Elements(ProgramCatalogue.BuiltIn.Get("hallefors-all-in"), ProgramCatalogue.BuiltIn.Get("motala-utanforskap-till-sysselsattning"), ProgramCatalogue.BuiltIn.Get("eskilstuna-romane-bucha"))
                from count in Gen.Choose(0, 60)
                from histories in HistoryGenerators.ValidHistory(program).ArrayOf(count)
                from offset in Gen.Choose(-6, 30)
                from seed in Gen.Choose(0, 1000)
                select new Case(program, histories, Start(program).PlusMonths(offset), seed));

        private static YearMonth Start(ProgramDefinition p)
        {
            var start = p.EnrolmentWindow.Start ?? p.EnrolmentWindow.End?.PlusYears(-2) ?? new LocalDate(2013, 1, 1);
            return new YearMonth(start.Year, start.Month);
        }
    }

    private static ProgramReport Report(ProgramDefinition program, ReportPeriod period, IEnumerable<ParticipantHistory> histories)
    {
        var accumulator = new ReportAccumulator(program, period);
        foreach (var h in histories)
        {
            accumulator.Add(h, true);
        }

        return accumulator.ToReport();
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 200)]
    public void EveryTotal_IsTheSumOfItsBreakdowns(Case c)
    {
        var r = Report(c.Program, ReportPeriod.Month(c.Month), c.Histories.Select(h => h.History));

        Assert.Equal(r.Participants, r.ByGender.Sum(x => x.Count));
        Assert.Equal(r.Participants, r.ByEducation.Sum(x => x.Count));
        Assert.Equal(r.Participants, r.ByState.Sum(x => x.Count));
        Assert.Equal(r.Exited, r.ExitedByReason.Sum(x => x.Count));
        Assert.Equal(r.Exited, r.ExitedByOutcome.Sum(x => x.Count));
        Assert.Equal(r.ExitedByOutcome.SingleOrDefault(x => x.Key == "work").Count, r.ExitedByEmploymentForm.Sum(x => x.Count));
        Assert.Equal(r.FollowUps, r.FollowUpsByOutcome.Sum(x => x.Count));
        Assert.True(r.JobInterviewHired <= r.JobInterviewParticipants);
    }

    /// <summary>
    /// The figures §6 defines exactly, each counted here from the events alone: enrolments and exits dated in the
    /// period, and the distinct participants with an episode (enrolment to exit, both days included, contract.md)
    /// that meets the period, by gender.
    /// </summary>
    [Property(Arbitrary = [typeof(Generators)], MaxTest = 200)]
    public Property Figures_AreTheContractsCounts(Case c)
    {
        var period = ReportPeriod.Month(c.Month);
        var histories = c.Histories.Select((h, i) => ParticipantHistory.Create($"p-{i + 1}", h.History.Program, h.History.Events, h.History.Gender, h.History.BirthDate, h.History.EducationLevel)).ToArray();
        bool InPeriod(LocalDate d) => d >= period.From && d <= period.To;

        var report = Report(c.Program, period, histories);

        long entered = histories.Sum(h => h.Events.Count(e => e.Type == EventType.Enrolled && InPeriod(e.On)));
        long exited = histories.Sum(h => h.Events.Count(e => e.Type == EventType.Exited && InPeriod(e.On)));
        var participants = histories.Where(h => Episodes(h).Any(ep => ep.From <= period.To && ep.To >= period.From)).ToArray();
        var byGender = participants.GroupBy(h => h.Gender).ToDictionary(g => ContractNames<Gender>.Name(g.Key), g => (long)g.Count());

        Assert.Equal(entered, report.Entered);
        Assert.Equal(exited, report.Exited);
        Assert.Equal(participants.Length, report.Participants);
        Assert.Equal(byGender.OrderBy(p => p.Key, StringComparer.Ordinal), report.ByGender.Where(x => x.Count > 0).Select(x => KeyValuePair.Create(x.Key, x.Count)).OrderBy(p => p.Key, StringComparer.Ordinal));
        return true.ToProperty()
            .Classify(participants.Length == 0, "no one in the period")
            .Classify(entered > 0, "enrolments in the period")
            .Classify(exited > 0, "exits in the period");
    }

    /// <summary>A record's episodes: from an enrolment to the exit that ends it (or to the end of time).</summary>
    private static IEnumerable<(LocalDate From, LocalDate To)> Episodes(ParticipantHistory history)
    {
        LocalDate? from = null;
        foreach (var e in history.Events)
        {
            if (e.Type == EventType.Enrolled && from is null)
            {
                from = e.On;
            }
            else if (e.Type == EventType.Exited && from is { } start)
            {
                yield return (start, e.On);
                from = null;
            }
        }

        if (from is { } open)
        {
            yield return (open, LocalDate.MaxIsoValue);
        }
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 200)]
    public void EntriesAndExits_OfTwoAdjacentPeriods_AddUpToThoseOfTheWhole(Case c)
    {
        var histories = c.Histories.Select(h => h.History).ToArray();
        var first = ReportPeriod.Month(c.Month);
        var second = ReportPeriod.Month(c.Month.PlusMonths(1));
        var whole = ReportPeriod.Between(first.From, second.To);

        var (a, b, w) = (Report(c.Program, first, histories), Report(c.Program, second, histories), Report(c.Program, whole, histories));

        Assert.Equal(w.Entered, a.Entered + b.Entered);
        Assert.Equal(w.Exited, a.Exited + b.Exited);
        Assert.True(w.Participants <= a.Participants + b.Participants);
        Assert.True(w.Participants >= Math.Max(a.Participants, b.Participants));
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 200)]
    public void Totals_DoNotChangeWhenRecordsAreReordered(Case c)
    {
        var period = ReportPeriod.Month(c.Month);
        var histories = c.Histories.Select(h => h.History).ToArray();
        var shuffled = histories.ToArray();
        new Random(c.Seed).Shuffle(shuffled);

        Assert.Equal(ReportWriter.Rows(Report(c.Program, period, histories)), ReportWriter.Rows(Report(c.Program, period, shuffled)));
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 200)]
    public void AParticipantWhoComesBack_IsNeverCountedTwice(Case c)
    {
        // Each record gets a second episode in the period after its first ends; the participants stay one each.
        var period = ReportPeriod.Month(c.Month);
        var histories = c.Histories.Select(h => h.History).ToArray();
        var comeBack = histories.Select(h => h.Events.LastOrDefault().Type == EventType.Exited && h.Events[^1].On < period.To
            ? h.WithEvents([.. h.Events, HistoryEvent.Referred(h.Events[^1].On), HistoryEvent.Assessed(h.Events[^1].On, true), HistoryEvent.Enrolled(period.To)])
            : h).ToArray();

        var report = Report(c.Program, period, comeBack);

        Assert.True(report.Participants <= comeBack.Length);
        Assert.True(report.Participants >= Report(c.Program, period, histories).Participants);
        Assert.Equal(report.Participants, report.ByGender.Sum(x => x.Count));
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 200)]
    public void PublicationMode_NeverShowsABreakdownCountFromOneToFour(Case c)
    {
        var report = Report(c.Program, ReportPeriod.Month(c.Month), c.Histories.Select(h => h.History));

        foreach (var row in ReportWriter.Rows(report, new ReportOptions(Publication: true)).Where(r => System.Text.RegularExpressions.Regex.IsMatch(r.Figure, @"\.by[A-Z]")))
        {
            Assert.True(row.Value == ReportWriter.Masked || long.Parse(row.Value) is 0 or >= 5, row.ToString());
        }

        var json = new MemoryStream();
        ReportWriter.WriteJson(report, json, new ReportOptions(Publication: true));
        using var document = System.Text.Json.JsonDocument.Parse(json.ToArray());
        foreach (var section in new[] { document.RootElement.GetProperty("participants"), document.RootElement.GetProperty("exited") })
        {
            foreach (var breakdown in section.EnumerateObject().Where(p => p.Value.ValueKind == System.Text.Json.JsonValueKind.Object))
            {
                Assert.All(breakdown.Value.EnumerateObject(), cell => Assert.True(cell.Value.ValueKind == System.Text.Json.JsonValueKind.String || cell.Value.GetInt64() >= 5));
            }
        }
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 100)]
    public void TheNdjsonPipeline_OnEveryCore_EqualsCountingRecordByRecord(Case c)
    {
        var period = ReportPeriod.Month(c.Month);
        var text = new StringBuilder();
        foreach (var h in c.Histories)
        {
            text.Append(HistoryWriter.ToLine(h.History)).Append('\n');
        }

        text.Append("not json\n");
        var piped = new NdjsonReport { MaxDegreeOfParallelism = 3 }.Run(new MemoryStream(Encoding.UTF8.GetBytes(text.ToString())), c.Program, period);
        var accumulator = new ReportAccumulator(c.Program, period);
        var validator = new InclusionModel.Validation.HistoryValidator();
        var seen = new HashSet<string>();
        foreach (var h in c.Histories)
        {
            // Distinct participants (§6): a later line of the program with an earlier line's participant counts once.
            if (h.History.Program == c.Program.Id && !seen.Add(h.History.Participant))
            {
                accumulator.AddDuplicate();
                continue;
            }

            accumulator.Add(h.History, validator.Validate(h.History, ReportAccumulator.ValidationDate(h.History, period)).IsValid);
        }

        accumulator.AddMalformed();
        Assert.Equal(ReportWriter.Rows(accumulator.ToReport()), ReportWriter.Rows(piped));
    }
}
