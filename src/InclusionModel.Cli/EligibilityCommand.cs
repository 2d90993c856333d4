using System.CommandLine;
using InclusionModel.Eligibility;

namespace InclusionModel.Cli;

/// <summary><c>inclusion eligibility</c> (docs/interchange-contract.md §5).</summary>
internal static partial class CliApp
{
    private static Command EligibilityCommand(CliHost host, StreamWriter output)
    {
        var input = new Argument<string>("file") { Description = Texts.Get("help.eligibility.file") };
        var programs = DefinitionFilesOption();
        var misspelt = MisspeltProgramOption();
        var format = new Option<string>("--format") { Description = Texts.Get("help.eligibility.format"), DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("eligibility", Texts.Get("help.eligibility")) { input, programs, misspelt, format };
        command.SetAction(parsed =>
        {
            RefuseProgramOption(parsed, misspelt);
            var screening = new EligibilityScreening(LoadPrograms(parsed.GetValue(programs) ?? []));
            string path = parsed.GetValue(input)!;
            using var stream = OpenInput(path, host); // one pass: read as it comes, never copied
            host.Written!.What = Texts.Get("what.eligibility");
            EligibilitySummary summary;
            if (parsed.GetValue(format) == "json")
            {
                output.Flush();
                using var writer = new JsonEligibilityReportWriter(host.Output);
                summary = screening.Run(stream, writer);
            }
            else
            {
                using var writer = new TextEligibilityReportWriter(output);
                summary = screening.Run(stream, writer);
            }

            if (summary.Records == 0)
            {
                host.Error.WriteLine($"inclusion: {Texts.Format("cli.no-lines", InputName(path))}");
            }

            return summary.Malformed == 0 ? Valid : Invalid;
        });
        return command;
    }
}
