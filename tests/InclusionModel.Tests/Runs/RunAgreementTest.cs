using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InclusionModel.Contract;
using InclusionModel.Programs;
using InclusionModel.Reports;
using InclusionModel.RuleChanges;
using InclusionModel.Runs;
using InclusionModel.Tests.Cli;
using InclusionModel.Validation;
using NodaTime;

namespace InclusionModel.Tests.Runs;

/// <summary>
/// One run, one set of counting words (docs/contract.md): on the same NDJSON file, validate, report and compare
/// say the same of every line — read, of the program, malformed, a duplicate, invalid — and each agrees with what
/// the file was built to hold (an oracle written from the contract, not from the code).
/// </summary>
public class RunAgreementTest
{
    private const string Program = "eskilstuna-jobbtrappan"; // no places, one open phase: validity does not depend on the run's date or places
    private const string Other = "eskilstuna-nuevo-k2";
    private static readonly LocalDate AsOf = new(2020, 12, 31);
    private static readonly string[] Pool = ["p-a", "p-b", "p-c", "p-d", "p-e"];

    /// <summary>What a generated line is meant to be.</summary>
    public enum Kind
    {
        Valid,
        Invalid,
        MalformedWithIds,
        MalformedNoIds,
        OtherProgram,
        Blank,
        TooLong,
    }

    /// <summary>One generated line: its kind, its participant and (for records) the day its events start on.</summary>
    public sealed record Spec(Kind Kind, string Participant, int Day);

    /// <summary>Files of 0–40 lines of every kind, from a pool of five participants so that lines repeat one another.</summary>
    public static class Files
    {
        public static Arbitrary<Spec[]> Specs()
            => (from n in Gen.Choose(0, 40)
                from specs in Gen.ArrayOf(
                    from kind in Gen.Frequency(
                        (6, Gen.Constant(Kind.Valid)),
                        (3, Gen.Constant(Kind.Invalid)),
                        (2, Gen.Constant(Kind.MalformedWithIds)),
                        (1, Gen.Constant(Kind.MalformedNoIds)),
                        (2, Gen.Constant(Kind.OtherProgram)),
                        (1, Gen.Constant(Kind.Blank)),
                        (1, Gen.Constant(Kind.TooLong)))
                    from participant in Gen.Elements(Pool)
                    from day in Gen.Choose(0, 300)
                    select new Spec(kind, participant, day), n)
                select specs).ToArbitrary();
    }

    private static string Line(Spec spec)
    {
        var start = new LocalDate(2020, 1, 1).PlusDays(spec.Day);
        string D(int days) => start.PlusDays(days).ToString("yyyy-MM-dd", null);
        string events = $"[{{\"on\":\"{D(0)}\",\"type\":\"referred\"}},{{\"on\":\"{D(1)}\",\"type\":\"assessed\",\"eligible\":true}},{{\"on\":\"{D(2)}\",\"type\":\"enrolled\"}}]";
        return spec.Kind switch
        {
            Kind.Valid => $"{{\"participant\":\"{spec.Participant}\",\"program\":\"{Program}\",\"events\":{events}}}",
            // Enrolled before being assessed: transition-not-allowed whatever the date.
            Kind.Invalid => $"{{\"participant\":\"{spec.Participant}\",\"program\":\"{Program}\",\"events\":[{{\"on\":\"{D(0)}\",\"type\":\"referred\"}},{{\"on\":\"{D(1)}\",\"type\":\"enrolled\"}}]}}",
            // A date that is no date: malformed, while participant and program can still be read.
            Kind.MalformedWithIds => $"{{\"participant\":\"{spec.Participant}\",\"program\":\"{Program}\",\"events\":[{{\"on\":\"2020-13-01\",\"type\":\"referred\"}}]}}",
            Kind.MalformedNoIds => "{\"events\": [",
            Kind.OtherProgram => $"{{\"participant\":\"{spec.Participant}\",\"program\":\"{Other}\",\"events\":{events}}}",
            Kind.Blank => "",
            _ => $"{{\"participant\":\"{spec.Participant}\",\"program\":\"{Program}\",\"events\":{events},\"x\":\"{new string('x', 300)}\"}}",
        };
    }

    /// <summary>The counts the contract gives for the file, worked out from what each line was built to be.</summary>
    /// <param name="Read">Lines read, blank ones aside.</param>
    /// <param name="OfProgram">Well-formed records of the program.</param>
    /// <param name="Malformed">Malformed lines, those over the line limit included.</param>
    /// <param name="Duplicates">Records whose participant an earlier line (well-formed or malformed with readable ids) of the program had.</param>
    /// <param name="Invalid">Records of the program that break a rule, the duplicates included.</param>
    /// <param name="Participants">Distinct participants with a well-formed record of the program: every record enrols in the report's period, and a participant counts once whichever of its lines is the first well-formed one.</param>
    private sealed record Expected(long Read, long OfProgram, long Malformed, long Duplicates, long Invalid, long Participants);

    private static Expected Oracle(Spec[] specs)
    {
        var seen = new HashSet<string>();
        long read = 0, ofProgram = 0, malformed = 0, duplicates = 0, invalid = 0;
        foreach (var spec in specs)
        {
            if (spec.Kind == Kind.Blank)
            {
                continue;
            }

            read++;
            switch (spec.Kind)
            {
                case Kind.MalformedNoIds or Kind.TooLong:
                    malformed++;
                    break;
                case Kind.MalformedWithIds:
                    // Malformed, and its participant is now "an earlier line" of the run.
                    malformed++;
                    seen.Add(spec.Participant);
                    break;
                case Kind.OtherProgram:
                    break;
                default:
                    ofProgram++;
                    bool duplicate = !seen.Add(spec.Participant);
                    duplicates += duplicate ? 1 : 0;
                    invalid += duplicate || spec.Kind == Kind.Invalid ? 1 : 0;
                    break;
            }
        }

        long participants = specs.Where(s => s.Kind is Kind.Valid or Kind.Invalid).Select(s => s.Participant).Distinct().LongCount();
        return new Expected(read, ofProgram, malformed, duplicates, invalid, participants);
    }

    private static byte[] File(Spec[] specs) => Encoding.UTF8.GetBytes(string.Join("\n", specs.Select(Line)) + "\n");

    private sealed class Verdicts : IValidationSink
    {
        public long OfProgram, Duplicates, Invalid, MalformedLines;

        public ValidationSummary? Summary { get; private set; }

        public void Record(long line, HistoryValidationResult result)
        {
            if (result.Program != Program)
            {
                return;
            }

            OfProgram++;
            Invalid += result.IsValid ? 0 : 1;
            Duplicates += result.Violations.Any(v => v.Rule == ValidationRule.DuplicateParticipant) ? 1 : 0;
        }

        public void Malformed(long line, string reason) => MalformedLines++;

        public void Complete(ValidationSummary summary) => Summary = summary;

        public void SpecialCategoryData(IReadOnlyList<string> programs)
        {
        }
    }

    private static (Verdicts Validate, ProgramReport Report, RuleChangeResult Compare) RunAll(byte[] file, int threads)
    {
        var program = ProgramCatalogue.BuiltIn.Get(Program);
        var verdicts = new Verdicts();
        new NdjsonValidation(new HistoryValidator(ProgramCatalogue.BuiltIn)) { MaxDegreeOfParallelism = threads, MaxLineBytes = 256 }
            .Run(new MemoryStream(file), AsOf, verdicts);
        var report = new NdjsonReport { MaxDegreeOfParallelism = threads, MaxLineBytes = 256 }
            .Run(new MemoryStream(file), program, ReportPeriod.Between(new LocalDate(2020, 1, 1), AsOf));
        var compare = new RuleChangeImpact(program, program) { MaxDegreeOfParallelism = threads, MaxLineBytes = 256 }
            .CompareHistories(new MemoryStream(file), AsOf);
        return (verdicts, report, compare);
    }

    [Property(Arbitrary = [typeof(Files)], MaxTest = 200)]
    public Property EveryCommandsCounts_AgreeWithEachOtherAndTheContract(Spec[] specs)
    {
        var expected = Oracle(specs);
        var (validate, report, compare) = RunAll(File(specs), threads: 1 + (specs.Length % 2));
        var figures = compare.BaselineReport;
        bool agree =
            validate.Summary!.Records == expected.Read && report.RecordsRead == expected.Read && compare.Read == expected.Read && figures.RecordsRead == expected.Read
            && validate.Summary.Malformed == expected.Malformed && validate.MalformedLines == expected.Malformed && report.RecordsMalformed == expected.Malformed && figures.RecordsMalformed == expected.Malformed
            && validate.OfProgram == expected.OfProgram && report.RecordsOfProgram == expected.OfProgram && compare.OfProgram == expected.OfProgram && figures.RecordsOfProgram == expected.OfProgram
            && validate.Duplicates == expected.Duplicates && report.RecordsDuplicate == expected.Duplicates && figures.RecordsDuplicate == expected.Duplicates
            && validate.Invalid == expected.Invalid && report.RecordsInvalid == expected.Invalid && figures.RecordsInvalid == expected.Invalid
            && report.Participants == expected.Participants && figures.Participants == expected.Participants
            && compare.Changed == 0;
        return agree
            .Label($"expected {expected}; validate {validate.Summary} of the program {validate.OfProgram}/{validate.Duplicates}/{validate.Invalid}; report read {report.RecordsRead} of {report.RecordsOfProgram} malformed {report.RecordsMalformed} duplicates {report.RecordsDuplicate} invalid {report.RecordsInvalid} participants {report.Participants}; compare read {compare.Read} of {compare.OfProgram}")
            .Classify(specs.Any(s => s.Kind == Kind.MalformedWithIds) && expected.Duplicates > 0, "a malformed line's ids among the duplicates' earlier lines")
            .Classify(expected.Duplicates > 0, "duplicates")
            .Classify(specs.Any(s => s.Kind == Kind.TooLong), "a line over the limit");
    }

    /// <summary>The review's case: a malformed first line whose ids can be read, then a record of the same participant.</summary>
    [Fact]
    public void MalformedLineWithReadableIds_ThenTheSameParticipant_IsADuplicateInEveryCommand()
    {
        var specs = new[] { new Spec(Kind.MalformedWithIds, "p-a", 0), new Spec(Kind.Valid, "p-a", 5), new Spec(Kind.Valid, "p-b", 5) };
        string path = Path.Combine(Path.GetTempPath(), $"inclusion-agreement-{Guid.NewGuid():N}.ndjson");
        System.IO.File.WriteAllBytes(path, File(specs));
        try
        {
            var validate = CliRun.Run(["validate", path, "--as-of", "2020-12-31", "--format", "json"]).Json;
            var report = CliRun.Run(["report", path, "--program", Program, "--from", "2020-01-01", "--to", "2020-12-31", "--format", "json"]).Json;
            var compare = CliRun.Run(["compare", path, "--candidate", CandidateFile(), "--as-of", "2020-12-31", "--format", "json"]).Json;

            Assert.Equal(1, validate.GetProperty("summary").GetProperty("invalid").GetInt64());
            var second = validate.GetProperty("participants")[0];
            Assert.Equal(2, second.GetProperty("line").GetInt64());
            Assert.Equal("duplicate-participant", second.GetProperty("violations")[0].GetProperty("rule").GetString());

            var records = report.GetProperty("records");
            Assert.Equal(3, records.GetProperty("read").GetInt64());
            Assert.Equal(1, records.GetProperty("malformed").GetInt64());
            Assert.Equal(1, records.GetProperty("duplicates").GetInt64());
            Assert.Equal(1, records.GetProperty("invalid").GetInt64());
            // The participant counts once: p-a (from its one well-formed line) and p-b.
            Assert.Equal(2, report.GetProperty("participants").GetProperty("total").GetInt64());

            Assert.Equal(3, compare.GetProperty("summary").GetProperty("read").GetInt64());
            Assert.Equal(2, compare.GetProperty("summary").GetProperty("ofProgram").GetInt64());
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    /// <summary>A candidate that changes nothing but the description: compare judges the same records under both.</summary>
    private static string CandidateFile()
    {
        var program = ProgramCatalogue.BuiltIn.Get(Program);
        string path = Path.Combine(Path.GetTempPath(), $"inclusion-agreement-{Guid.NewGuid():N}.json");
        System.IO.File.WriteAllText(path, ProgramDefinitionJson.Serialize(program));
        return path;
    }
}
