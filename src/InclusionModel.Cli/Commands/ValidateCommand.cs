using System.CommandLine;
using InclusionModel.Runs;
using InclusionModel.Validation;

namespace InclusionModel.Cli;

/// <summary><c>inclusion validate</c> (docs/interchange-contract.md §4): participant histories against their programs' lifecycle rules.</summary>
internal sealed class ValidateCommand(CliHost host, StreamWriter output) : CliCommand
{
    /// <inheritdoc/>
    internal override Command Build()
    {
        var input = RequiredArgument("file", Texts.Get("cli.validate.file"));
        var definitions = DefinitionFilesOption();
        var misspelt = MisspeltProgramOption();
        var asOf = ValueOption("--as-of", Texts.Get("cli.as-of"));
        var format = ChoiceOption("--format", Texts.Get("cli.validate.format"), "text", "text", "json");

        var command = new Command("validate", Texts.Get("cli.validate")) { input, definitions, misspelt, asOf, format };
        SetCancellableAction(command, (parsed, cancellationToken) =>
        {
            RefuseProgramOption(parsed, misspelt);
            var programSet = LoadPrograms(parsed.GetValue(definitions) ?? []);
            var date = ParseAsOf(parsed.GetValue(asOf), host);
            string path = parsed.GetValue(input)!;
            using var stream = OpenInput(path, host);
            var progress = new ProgressLine(host);
            var run = new NdjsonValidation(new HistoryValidator(programSet)) { Progress = progress.Report };
            host.Written!.What = Texts.Get("what.validation");

            ValidationSummary summary;
            try
            {
                if (parsed.GetValue(format) == "json")
                {
                    output.Flush();
                    using var writer = new JsonValidationReportWriter(host.Output);
                    summary = run.Run(stream, date, writer, cancellationToken);
                }
                else
                {
                    using var writer = new TextValidationReportWriter(output, programSet);
                    summary = run.Run(stream, date, writer, cancellationToken);
                }
            }
            finally
            {
                progress.Clear();
            }

            if (summary.Records == 0)
            {
                host.Error.WriteLine($"inclusion: {Texts.Format("cli.no-records", InputName(path))}");
            }

            return summary.AllValid ? Valid : Invalid;
        });
        return command;
    }
}
