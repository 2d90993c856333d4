using System.CommandLine;
using System.Diagnostics;
using System.Text;
using InclusionModel.Programs;
using InclusionModel.Validation;
using NodaTime;

namespace InclusionModel.Cli;

/// <summary>
/// The <c>inclusion</c> command line (FORMATS.md §4, §5): <c>validate</c>, <c>eligibility</c>, and
/// <c>programs</c> to list, show and check program definitions. Exit codes: 0 all is well; 1 a record or definition is invalid or malformed;
/// 2 the command could not run, with a one-line reason on standard error. It never prints a stack trace.
/// </summary>
internal static partial class CliApp
{
    internal const int Valid = 0;
    internal const int Invalid = 1;
    internal const int CannotRun = 2;

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    internal static int Run(string[] args, CliHost host)
    {
        using var output = new StreamWriter(host.Output, Utf8NoBom, bufferSize: 1 << 16, leaveOpen: true) { AutoFlush = false };
        try
        {
            var root = BuildCommands(host, output);
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                host.Error.WriteLine($"inclusion: {OneLine(parsed.Errors[0].Message)} (see 'inclusion --help')");
                return CannotRun;
            }

            int code = parsed.Invoke(new InvocationConfiguration { Output = output, Error = host.Error, EnableDefaultExceptionHandler = false });
            output.Flush();
            return code;
        }
        catch (CliException e)
        {
            output.Flush();
            host.Error.WriteLine($"inclusion: {e.Message}");
            return CannotRun;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            host.Error.WriteLine($"inclusion: {OneLine(e.Message)}");
            return CannotRun;
        }
        catch (Exception e)
        {
            // A defect, not bad input: still one line and no stack trace. Only the exception's type is named,
            // so that no input value can reach the terminal through a message.
            host.Error.WriteLine($"inclusion: unexpected error ({e.GetType().Name}); please report it with the command that caused it");
            return CannotRun;
        }
    }

    private static RootCommand BuildCommands(CliHost host, StreamWriter output)
    {
        var root = new RootCommand("InclusionModel: municipal labour-market inclusion programs, their participant lifecycles and the validation of participant histories.");
        root.Add(ValidateCommand(host, output));
        root.Add(ProgramsCommand(output));
        root.Add(EligibilityCommand(host, output));
        root.Add(ReportCommand(host, output));
        return root;
    }

    private static Command ValidateCommand(CliHost host, StreamWriter output)
    {
        var input = new Argument<string>("file") { Description = "The NDJSON file of participant histories, or - for standard input." };
        var programs = new Option<string[]>("--program") { Description = "A program definition file to use beside the built-in catalogue (repeatable).", Arity = ArgumentArity.ZeroOrMore };
        var asOf = new Option<string>("--as-of") { Description = "The as-of date, YYYY-MM-DD; default today in this machine's time zone." };
        var format = new Option<string>("--format") { Description = "text (for people) or json (FORMATS.md §4).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");

        var command = new Command("validate", "Validate participant histories against their programs' lifecycle rules.") { input, programs, asOf, format };
        command.SetAction(parsed =>
        {
            var programSet = LoadPrograms(parsed.GetValue(programs) ?? []);
            var date = ParseAsOf(parsed.GetValue(asOf), host);
            string path = parsed.GetValue(input)!;
            var openInput = InputOpener(path, host);
            var progress = new ProgressLine(host);
            var run = new NdjsonValidation(new HistoryValidator(programSet)) { Progress = progress.Report };

            ValidationSummary summary;
            if (parsed.GetValue(format) == "json")
            {
                output.Flush();
                using var writer = new JsonValidationReportWriter(host.Output);
                summary = run.Run(openInput, date, writer);
            }
            else
            {
                summary = run.Run(openInput, date, new TextValidationReportWriter(output));
            }

            progress.Clear();

            if (summary.Records == 0)
            {
                host.Error.WriteLine($"inclusion: {(path == "-" ? "standard input" : path)} holds no records");
            }

            return summary.AllValid ? Valid : Invalid;
        });
        return command;
    }

    private static ProgramSet LoadPrograms(string[] files)
    {
        var loaded = new List<ProgramDefinition>();
        foreach (string file in files)
        {
            var result = ProgramDefinitionJson.Parse(ReadProgramFile(file));
            if (!result.Success)
            {
                throw new CliException($"program file '{file}' is invalid ({result.Problems.Length} problem{(result.Problems.Length == 1 ? "" : "s")}; 'inclusion programs check {file}' lists them): {string.Join("; ", result.Problems)}");
            }

            loaded.Add(result.Program!);
        }

        return ProgramCatalogue.BuiltIn.With(loaded);
    }

    private static byte[] ReadProgramFile(string file)
    {
        try
        {
            return File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliException($"cannot read program file '{file}': {OneLine(e.Message)}");
        }
    }

    private static LocalDate ParseAsOf(string? text, CliHost host)
    {
        if (text is null)
        {
            return host.Today;
        }

        return IsoDates.TryParse(text, out var date)
            ? date
            : throw new CliException($"--as-of must be a date YYYY-MM-DD, was '{Privacy.PersonalIdentityNumbers.SafeToQuote(text)}'");
    }

    private static Func<Stream> InputOpener(string path, CliHost host)
    {
        if (path == "-")
        {
            Spool? copy = null;
            return () =>
            {
                if (copy is null)
                {
                    copy = new Spool();
                    return new TeeStream(host.OpenStandardInput(), copy);
                }

                return new ReadOnlyWindowStream(copy.OpenRead(), owned: copy);
            };
        }

        if (!File.Exists(path))
        {
            throw new CliException(Directory.Exists(path) ? $"'{path}' is a directory, not a file" : $"cannot read '{path}': no such file");
        }

        return () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
    }

    /// <summary>
    /// The progress line on standard error: shown only when standard error is a terminal and the run has
    /// taken more than two seconds, refreshed at most twice a second, and wiped when the run ends.
    /// </summary>
    private sealed class ProgressLine(CliHost host)
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private TimeSpan _lastShown;
        private int _shownLength;

        internal void Report(ValidationProgress progress)
        {
            if (!host.ErrorIsTerminal || _clock.Elapsed < TimeSpan.FromSeconds(2) || _clock.Elapsed - _lastShown < TimeSpan.FromMilliseconds(500))
            {
                return;
            }

            _lastShown = _clock.Elapsed;
            string text = $"inclusion: pass {progress.Pass} of 2, {progress.BytesRead / (1024 * 1024)} MB and {progress.Lines} lines read";
            host.Error.Write("\r" + text.PadRight(_shownLength));
            _shownLength = text.Length;
        }

        internal void Clear()
        {
            if (_shownLength > 0)
            {
                host.Error.Write("\r" + new string(' ', _shownLength) + "\r");
                _shownLength = 0;
            }
        }
    }

    private static string OneLine(string text)
        => string.Join(' ', text.ReplaceLineEndings(" ").Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>A reason the command cannot run (exit code 2); its message is the one line shown.</summary>
internal sealed class CliException(string message) : Exception(message);
