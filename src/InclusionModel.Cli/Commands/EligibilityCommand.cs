using System.CommandLine;
using InclusionModel.Eligibility;

namespace InclusionModel.Cli;

/// <summary><c>inclusion eligibility</c> (docs/interchange-contract.md §5).</summary>
internal sealed class EligibilityCommand(CliHost host, StreamWriter output) : CliCommand
{
    /// <inheritdoc/>
    internal override Command Build()
    {
        var input = RequiredArgument("file", Texts.Get("help.eligibility.file"));
        var programs = DefinitionFilesOption();
        var misspelt = MisspeltProgramOption();
        var format = ChoiceOption("--format", Texts.Get("help.eligibility.format"), "text", "text", "json");
        var command = new Command("eligibility", Texts.Get("help.eligibility")) { input, programs, misspelt, format };
        SetCancellableAction(command, (parsed, cancellationToken) =>
        {
            RefuseProgramOption(parsed, misspelt);
            var programSet = LoadPrograms(parsed.GetValue(programs) ?? []);
            var screening = new EligibilityScreening(programSet);
            string path = parsed.GetValue(input)!;
            using var stream = OpenInput(path, host); // one pass: read as it comes, never copied
            host.Written!.What = Texts.Get("what.eligibility");
            EligibilitySummary summary;
            if (parsed.GetValue(format) == "json")
            {
                output.Flush();
                using var writer = new JsonEligibilityReportWriter(host.Output);
                summary = screening.Run(stream, writer, cancellationToken);
            }
            else
            {
                using var writer = new TextEligibilityReportWriter(output, programSet);
                summary = screening.Run(stream, writer, cancellationToken);
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
