using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InclusionModel.Histories;
using InclusionModel.Programs;
using InclusionModel.Reports;
using InclusionModel.RuleChanges;
using InclusionModel.Runs;
using InclusionModel.Testing;
using InclusionModel.Validation;
using NodaTime;
using static InclusionModel.Tests.TestData;

namespace InclusionModel.Tests.RuleChanges;

/// <summary>Rule-change impact (docs/interchange-contract.md §7, issue 15): its laws, and examples worked by hand.</summary>
public class RuleChangeImpactTest
{
    private static readonly LocalDate AsOf = new(2015, 6, 1);

    private static ParticipantHistory Employed(string id, string from, string? exit = null)
    {
        var on = D(from);
        var events = new List<HistoryEvent>
        {
            HistoryEvent.Referred(on.PlusDays(-20)), HistoryEvent.Assessed(on.PlusDays(-10), true), HistoryEvent.Enrolled(on.PlusDays(-5)),
            HistoryEvent.PhaseStarted(on.PlusDays(-5), "preparation"), HistoryEvent.PhaseStarted(on, "employment"),
        };
        if (exit is not null)
        {
            events.Add(HistoryEvent.Exited(D(exit), ExitReason.Discontinued));
        }

        return ParticipantHistory.Create(id, Bucha.Id, events);
    }

    private static MemoryStream Ndjson(IEnumerable<ParticipantHistory> histories)
        => new(Encoding.UTF8.GetBytes(string.Concat(histories.Select(h => HistoryWriter.ToLine(h) + "\n"))));

    private static ProgramDefinition WithEmploymentMaximum(int months)
        => ProgramDefinitionBuilder.From(Bucha)
            .WithPhases(Bucha.Phases.Select(p => p.Id == "employment" ? PhaseDefinition.Create(p.Id, p.IsOptional, p.MinimumMonths, months, p.MaxStudyDaysPerWeek) : p))
            .Build();

    [Fact]
    public void BuchaEmploymentFrom12To14Months_ThirteenMonthsBecomesValid_AndTheDiffSaysSo()
    {
        // Employed from 2013-01-01: on 2014-02-01 thirteen months (over 12, under 14); the other ten months.
        var thirteen = Employed("p-1", "2013-01-01", exit: "2014-02-01");
        var ten = Employed("p-2", "2013-01-01", exit: "2013-11-01");
        var changes = new List<VerdictChange>();

        var result = new RuleChangeImpact(Bucha, WithEmploymentMaximum(14)).CompareHistories(Ndjson([thirteen, ten]), AsOf, changes.Add);

        Assert.Equal(["employment.maximumMonths 12 → 14"], result.Definition.Select(d => d.ToString()));
        var change = Assert.Single(changes);
        Assert.Equal((1L, "p-1"), (change.Line, change.Participant));
        Assert.Equal(["phase-max-duration"], change.Baseline.Rules.ToArray());
        Assert.False(change.Baseline.Valid);
        Assert.True(change.Candidate.Valid);
        Assert.Equal((2L, 2L, 1L, 1L, 0L), (result.Read, result.OfProgram, result.Changed, result.NowValid, result.NowInvalid));
        Assert.Contains(result.Figures, f => f.Figure == "records.invalid" && f.Baseline == "1" && f.Candidate == "0");
    }

    [Fact]
    public void Places_FromThirtyToOne_TheSecondEnrolmentIsOverCapacity()
    {
        var fewer = ProgramDefinitionBuilder.From(Bucha).WithPlaces(1).Build();
        var changes = new List<VerdictChange>();

        var result = new RuleChangeImpact(Bucha, fewer).CompareHistories(Ndjson([Employed("p-1", "2013-01-01", "2013-11-01"), Employed("p-2", "2013-02-01", "2013-12-01")]), AsOf, changes.Add);

        Assert.Equal(["places 30 → 1"], result.Definition.Select(d => d.ToString()));
        Assert.Equal(2L, Assert.Single(changes).Line);
        Assert.Equal(["capacity-exceeded"], changes[0].Candidate.Rules.ToArray());
        Assert.Equal(1, result.NowInvalid);
    }

    [Fact]
    public void OtherPrograms_AndMalformedLines_AreReadAndSkipped()
    {
        var input = new MemoryStream(Encoding.UTF8.GetBytes(
            HistoryWriter.ToLine(Employed("p-1", "2013-01-01", "2014-02-01")) + "\n{not json\n"
            + """{"participant":"x","program":"hallefors-all-in","events":[]}""" + "\n"));

        var result = new RuleChangeImpact(Bucha, WithEmploymentMaximum(14)).CompareHistories(input, AsOf);

        Assert.Equal((3L, 1L, 1L), (result.Read, result.OfProgram, result.Changed));
        Assert.Equal((1, 1), (result.BaselineReport.RecordsMalformed, result.BaselineReport.RecordsOfOtherPrograms));
    }

    [Fact]
    public void DefinitionsOfTwoPrograms_AreRefused()
        => Assert.Throws<ArgumentException>(() => new RuleChangeImpact(Bucha, AllIn));

    [Fact]
    public void ADuplicateParticipant_IsADuplicateUnderBoth_AndNoChange()
    {
        var once = Employed("p-1", "2013-01-01", "2013-11-01");

        var result = new RuleChangeImpact(Bucha, WithEmploymentMaximum(14)).CompareHistories(Ndjson([once, once]), AsOf);

        Assert.Equal(0, result.Changed);
        Assert.Equal((1, 1), (result.BaselineReport.RecordsDuplicate, result.CandidateReport.RecordsDuplicate));
    }

    /// <summary>A catalogue program, a run of its generated histories and a later as-of date (open phases then run long).</summary>
    private static Gen<(ProgramDefinition Program, ParticipantHistory[] Run, LocalDate AsOf)> Runs(Func<ProgramDefinition, bool>? filter = null) =>
        from program in Gen.Elements(ProgramCatalogue.BuiltIn.All.Where(filter ?? (_ => true)).ToArray())
        from run in HistoryGenerators.ValidHistory(program).ArrayOf().Select(r => r.Take(40).ToArray())
        from later in Gen.Choose(0, 800)
        select (program, run.Select((g, i) => ParticipantHistory.Create($"r-{i}", g.History.Program, g.History.Events, g.History.Gender, g.History.BirthDate, g.History.EducationLevel)).ToArray(),
                run.Length == 0 ? AsOf : run.Max(g => g.AsOf).PlusDays(later));

    /// <summary>A generated definition (any shape the test kit makes) and a run of its own generated histories, judged after they end.</summary>
    private static Gen<(ProgramDefinition Program, ParticipantHistory[] Run, LocalDate AsOf)> OwnRuns =>
        from program in ProgramDefinitionGenerators.Valid()
        from run in HistoryGenerators.ValidHistory(program).ArrayOf().Select(r => r.Take(30).ToArray())
        from later in Gen.Choose(0, 800)
        select (program, run.Select((g, i) => ParticipantHistory.Create($"o-{i}", g.History.Program, g.History.Events, g.History.Gender, g.History.BirthDate, g.History.EducationLevel)).ToArray(),
                run.Length == 0 ? AsOf : run.Max(g => g.AsOf).PlusDays(later));

    [Property(MaxTest = 60)]
    public Property ComparingADefinitionWithItself_ChangesNothing()
        => Prop.ForAll(Runs().ToArbitrary(), OwnRuns.ToArbitrary(), (catalogueCase, ownCase) =>
        {
            var catalogue = new RuleChangeImpact(catalogueCase.Program, catalogueCase.Program).CompareHistories(Ndjson(catalogueCase.Run), catalogueCase.AsOf);
            var own = new RuleChangeImpact(ownCase.Program, ownCase.Program, ProgramCatalogue.BuiltIn.With([ownCase.Program]))
                .CompareHistories(Ndjson(ownCase.Run), ownCase.AsOf);
            return (catalogue.Changed == 0 && catalogue.Figures.IsEmpty && catalogue.Definition.IsEmpty
                    && own.Changed == 0 && own.Figures.IsEmpty && own.Definition.IsEmpty && own.OfProgram == ownCase.Run.Length)
                .Label($"{catalogue.Changed} and {own.Changed} changed, {catalogue.Figures.Length} and {own.Figures.Length} figures");
        });

    [Property(MaxTest = 60)]
    public Property WideningADurationOrStudyLimit_NeverMakesAValidRecordInvalid_NarrowingNeverTheReverse()
        => Prop.ForAll(Runs(p => p.Phases.Any(ph => ph.MaximumMonths is not null)).ToArbitrary(), Gen.Choose(1, 6).ToArbitrary(), (c, by) =>
        {
            var wider = Reshape(c.Program, ph => PhaseDefinition.Create(ph.Id, ph.IsOptional, ph.MinimumMonths, ph.MaximumMonths + by, ph.MaxStudyDaysPerWeek is { } d ? Math.Min(5, d + 1) : null));
            var narrower = Reshape(c.Program, ph => PhaseDefinition.Create(ph.Id, ph.IsOptional, ph.MinimumMonths,
                ph.MaximumMonths is { } max ? Math.Max(Math.Max(1, ph.MinimumMonths ?? 0), max - by) : null, ph.MaxStudyDaysPerWeek is { } d ? Math.Max(0, d - 1) : null));
            var widened = new List<VerdictChange>();
            var narrowed = new List<VerdictChange>();
            new RuleChangeImpact(c.Program, wider).CompareHistories(Ndjson(c.Run), c.AsOf, widened.Add);
            new RuleChangeImpact(c.Program, narrower).CompareHistories(Ndjson(c.Run), c.AsOf, narrowed.Add);
            return (widened.All(ch => !(ch.Baseline.Valid && !ch.Candidate.Valid)) && narrowed.All(ch => !(!ch.Baseline.Valid && ch.Candidate.Valid)))
                .Label($"widened: {string.Join("; ", widened)} narrowed: {string.Join("; ", narrowed)}");
        });

    [Property(MaxTest = 60)]
    public Property AddingPlaces_NeverRaisesTheCapacityExceededVerdicts()
        => Prop.ForAll(Runs(p => p.Places is not null).ToArbitrary(), Gen.Choose(1, 5).ToArbitrary(), Gen.Choose(1, 10).ToArbitrary(), (c, few, more) =>
        {
            var baseline = ProgramDefinitionBuilder.From(c.Program).WithPlaces(few).WithGoals(null).Build();
            var candidate = ProgramDefinitionBuilder.From(c.Program).WithPlaces(few + more).WithGoals(null).Build();
            var changes = new List<VerdictChange>();
            new RuleChangeImpact(baseline, candidate).CompareHistories(Ndjson(c.Run), c.AsOf, changes.Add);
            int gained = changes.Count(ch => ch.Candidate.Rules.Contains("capacity-exceeded") && !ch.Baseline.Rules.Contains("capacity-exceeded"));
            return (gained == 0).Label($"{gained} records newly over capacity");
        });

    /// <summary>A candidate that moves each phase's maximum by <paramref name="by"/> months and, when it has places, its places by <paramref name="places"/> (goals dropped, so any number of places is a valid definition).</summary>
    private static ProgramDefinition Candidate(ProgramDefinition program, int by, int places)
        => ProgramDefinitionBuilder.From(Reshape(program, ph => PhaseDefinition.Create(ph.Id, ph.IsOptional, ph.MinimumMonths,
                ph.MaximumMonths is { } max ? Math.Max(Math.Max(1, ph.MinimumMonths ?? 0), max + by) : null, ph.MaxStudyDaysPerWeek)))
            .WithPlaces(program.Places is { } p ? Math.Max(1, p + places) : null).WithGoals(null).Build();

    /// <summary>The program's start (the calendar's first day when not stated) to the as-of date; the as-of date alone when it is before the start.</summary>
    private static ReportPeriod UpTo(ProgramDefinition program, LocalDate asOf)
        => program.Schedule.WholePeriod.Start is { } start && start > asOf ? ReportPeriod.Between(asOf, asOf)
            : ReportPeriod.Between(program.Schedule.WholePeriod.Start ?? new LocalDate(1, 1, 1), asOf);

    /// <summary>The records of a run that validation as of <paramref name="asOf"/>, places included, finds invalid: the verdicts of <c>inclusion validate</c>, computed apart from the comparison.</summary>
    private static long InvalidAsOf(ProgramDefinition program, ParticipantHistory[] run, LocalDate asOf)
        => new HistoryValidator(ProgramCatalogue.BuiltIn.With([program])).ValidateAll(run, asOf).Count(v => !v.IsValid);

    [Property(MaxTest = 40)]
    public Property TheFigures_AreThoseOfTwoSeparateReportsUpToTheAsOfDate_WithTheVerdictsInvalidCounts()
        => Prop.ForAll(Runs(p => p.Places is not null || p.Phases.Any(ph => ph.MaximumMonths is not null)).ToArbitrary(), Gen.Choose(-3, 3).ToArbitrary(), Gen.Choose(-20, 5).ToArbitrary(), (c, by, places) =>
        {
            var baseline = ProgramDefinitionBuilder.From(c.Program).WithGoals(null).Build();
            var candidate = Candidate(c.Program, by, places);
            var result = new RuleChangeImpact(baseline, candidate).CompareHistories(Ndjson(c.Run), c.AsOf);

            // Two separate reports from the program's start to the as-of date; records.invalid is the verdicts' count.
            var separateBaseline = new NdjsonReport(ProgramCatalogue.BuiltIn.With([baseline])).Run(Ndjson(c.Run), baseline, UpTo(baseline, c.AsOf))
                with { RecordsInvalid = InvalidAsOf(baseline, c.Run, c.AsOf) };
            var separateCandidate = new NdjsonReport(ProgramCatalogue.BuiltIn.With([candidate])).Run(Ndjson(c.Run), candidate, UpTo(candidate, c.AsOf))
                with { RecordsInvalid = InvalidAsOf(candidate, c.Run, c.AsOf) };
            var expected = RuleChangeImpact.FigureChanges(separateBaseline, separateCandidate);
            return result.Figures.SequenceEqual(expected).Label($"{string.Join("; ", result.Figures)} against {string.Join("; ", expected)}");
        });

    [Property(MaxTest = 60)]
    public Property RecordsInvalid_MovesExactlyAsTheChangedVerdicts()
        => Prop.ForAll(Runs().ToArbitrary(), (from months in Gen.Choose(-3, 3) from seats in Gen.Choose(-30, 5) from days in Gen.Choose(-400, 30) select (months, seats, days)).ToArbitrary(), (c, change) =>
        {
            var (by, places, shift) = change;
            // Any as-of date, also one inside the run (events after it are future-date), so verdicts and figures are judged mid-way.
            var asOf = c.AsOf.PlusDays(shift);
            var baseline = ProgramDefinitionBuilder.From(c.Program).WithGoals(null).Build();
            var result = new RuleChangeImpact(baseline, Candidate(c.Program, by, places)).CompareHistories(Ndjson(c.Run), asOf);

            long before = result.BaselineReport.RecordsInvalid, after = result.CandidateReport.RecordsInvalid;
            return (after - before == result.NowInvalid - result.NowValid && before == InvalidAsOf(baseline, c.Run, asOf))
                .Label($"invalid {before} → {after} beside {result.NowValid} now valid, {result.NowInvalid} now invalid; validation finds {InvalidAsOf(baseline, c.Run, asOf)}");
        });

    [Theory]
    [InlineData("eskilstuna-romane-bucha", "2015-06-01", "0001-01-01", "2015-06-01")] // states no start: the calendar's first day
    [InlineData("hallefors-all-in", "2019-06-15", "2017-09-01", "2019-06-15")] // mid-program: the start of its planning to the as-of date
    [InlineData("hallefors-all-in", "2030-01-01", "2017-09-01", "2030-01-01")] // after its end (2020-05-31): still up to the as-of date
    [InlineData("hallefors-all-in", "2017-01-01", "2017-01-01", "2017-01-01")] // before its start: that day alone
    public void FiguresPeriod_RunsFromTheProgramsStartToTheAsOfDate(string program, string asOf, string from, string to)
    {
        var period = RuleChangeImpact.FiguresPeriod(ProgramCatalogue.BuiltIn.Get(program), D(asOf));

        Assert.Equal((D(from), D(to)), (period.From, period.To));
    }

    [Fact]
    public void Figures_OfTheSample_CountTheInvalidRecordsValidationFindsAsOfTheSameDate()
    {
        string path = Docs.EmbeddingSampleTest.RepositoryFile("samples/histories.ndjson");

        using var input = File.OpenRead(path);
        var result = new RuleChangeImpact(Bucha, WithEmploymentMaximum(14)).CompareHistories(input, AsOf);

        // Validation of the whole file as of 2015-06-01 (as inclusion validate runs it), Romane Bucha's records only.
        var verdicts = new HistoryValidator(ProgramCatalogue.BuiltIn).ValidateAll([.. File.ReadLines(path).Select((l, i) => new HistoryReader().Read(l, i + 1).Value).OfType<ParticipantHistory>()], AsOf);
        long invalid = verdicts.Count(v => v.Program == Bucha.Id && !v.IsValid);
        Assert.Equal((invalid, invalid - 1), (result.BaselineReport.RecordsInvalid, result.CandidateReport.RecordsInvalid));
        Assert.Equal((1L, 0L), (result.NowValid, result.NowInvalid));
        Assert.Equal((AsOf, AsOf), (result.BaselineReport.Period.To, result.CandidateReport.Period.To));
    }

    private static ProgramDefinition Reshape(ProgramDefinition program, Func<PhaseDefinition, PhaseDefinition> change)
        => ProgramDefinitionBuilder.From(program).WithPhases(program.Phases.Select(change)).Build();
}
