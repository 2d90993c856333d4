using InclusionModel.Programs;
using InclusionModel.Reports;
using InclusionModel.Runs;
using InclusionModel.Tests.Cli;
using InclusionModel.Tests.Docs;
using NodaTime;

namespace InclusionModel.Tests.Reports;

/// <summary>
/// Motala's monthly summary of April 2020 (docs/domain.md): 16 participants, 8 women and 8 men; 2 with
/// post-secondary education, 4 with upper secondary, 3 with none; of 10 called to a job interview, half got
/// some form of employment (summer job, hourly substitute, nystartsjobb). An article of 28 May 2020 adds that
/// 20 had ended their participation so far in 2020. samples/motala-2020.ndjson holds invented histories that
/// give these numbers; the report rebuilds them. The split of the five jobs is invented (the source names the
/// kinds, not how many of each), and only the nystartsjobb names a subsidy.
/// </summary>
public class MotalaApril2020Test
{
    private const string Motala = "motala-utanforskap-till-sysselsattning";

    private static ProgramReport Run(ReportPeriod period)
    {
        using var input = File.OpenRead(EmbeddingSampleTest.RepositoryFile("samples/motala-2020.ndjson"));
        return new NdjsonReport().Run(input, ProgramCatalogue.BuiltIn.Get(Motala), period);
    }

    private static long Cell(IEnumerable<BreakdownCell> cells, string key) => cells.SingleOrDefault(c => c.Key == key).Count;

    [Fact]
    public void April2020_RebuildsTheMonthlySummary()
    {
        var april = Run(ReportPeriod.Month(new YearMonth(2020, 4)));

        Assert.Equal(16, april.Participants);
        Assert.Equal((8, 8), (Cell(april.ByGender, "woman"), Cell(april.ByGender, "man")));
        Assert.Equal((2, 4, 3), (Cell(april.ByEducation, "post-secondary"), Cell(april.ByEducation, "upper-secondary"), Cell(april.ByEducation, "none")));
        Assert.Equal(10, april.JobInterviewParticipants);
        Assert.Equal(5, april.JobInterviewHired); // half of ten
        // Summer jobs, hourly substitutes and a nystartsjobb: seasonal, hourly and subsidised work.
        Assert.Equal((2, 2, 1), (Cell(april.ExitedByEmploymentForm, "seasonal"), Cell(april.ExitedByEmploymentForm, "hourly"), Cell(april.ExitedByEmploymentForm, "subsidised")));

        // The one subsidy the source names; nothing is said of self-support, so no exit claims it.
        Assert.Equal(1, Cell(april.ExitedBySubsidy, "nystartsjobb"));
        Assert.Equal(1, april.ExitedBySubsidy.Sum(c => c.Count));
    }

    [Fact]
    public void SoFarIn2020_TwentyHadEndedTheirParticipation()
    {
        var yearToDate = Run(ReportPeriod.Between(new LocalDate(2020, 1, 1), new LocalDate(2020, 4, 30)));

        Assert.Equal(20, yearToDate.Exited);
    }

    [Fact]
    public void TheSampleFile_CountsOtherProgramsAndAnInvalidRecord()
    {
        var april = Run(ReportPeriod.Month(new YearMonth(2020, 4)));

        Assert.Equal((35, 33, 2, 1, 0), (april.RecordsRead, april.RecordsOfProgram, april.RecordsOfOtherPrograms, april.RecordsInvalid, april.RecordsMalformed));
    }

    [Fact]
    public void Command_ReproducesTheSummaryFromTheSampleFile()
    {
        var outcome = CliRun.Run(["report", EmbeddingSampleTest.RepositoryFile("samples/motala-2020.ndjson"), "--program", Motala, "--month", "2020-04", "--format", "csv"]);

        Assert.Equal(0, outcome.ExitCode);
        string[] rows = outcome.Output.Split("\r\n");
        Assert.Equal("figure,value", rows[0]);
        Assert.Contains("participants.total,16", rows);
        Assert.Contains("participants.byGender.woman,8", rows);
        Assert.Contains("participants.byEducation.post-secondary,2", rows);
        Assert.Contains("jobInterviews.participants,10", rows);
        Assert.Contains("jobInterviews.hired,5", rows);
    }
}
