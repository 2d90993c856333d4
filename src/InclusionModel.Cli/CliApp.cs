using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text;
using InclusionModel.Privacy;

namespace InclusionModel.Cli;

/// <summary>
/// The <c>inclusion</c> command line (docs/interchange-contract.md §4, §5): the root of the commands (each a class under
/// Commands/), the language of the run, its standard output and error, and its exit codes: 0 all is well; 1 a record
/// or definition is invalid or malformed; 2 the command could not run, with a one-line reason on standard error; 130
/// or 143 stopped by Ctrl+C (SIGINT) or SIGTERM; 141 standard output closed by its reader. It never prints a stack trace.
/// </summary>
internal static class CliApp
{
    internal const int Valid = 0;
    internal const int Invalid = 1;
    internal const int CannotRun = 2;

    /// <summary>The exit code of a run stopped by Ctrl+C: 128 + SIGINT, as the shell shows a process ended by that signal.</summary>
    internal const int Interrupted = 130;

    /// <summary>The exit code of a run stopped by SIGTERM: 128 + SIGTERM.</summary>
    internal const int Terminated = 143;

    /// <summary>The exit code of a run whose standard output was closed by its reader: 128 + SIGPIPE, as the shell shows a process ended by that signal.</summary>
    internal const int OutputClosed = 141;

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// How the command line is read: no response files (<c>@file</c> is a path like any other, as §4 promises every
    /// command reads any readable path, and System.CommandLine would otherwise say "Response file not found" in English).
    /// </summary>
    private static readonly ParserConfiguration Parsing = new() { ResponseFileTokenReplacer = null };

    internal static int Run(string[] args, CliHost host)
    {
        var callersCulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = LanguageOf(args, host) == "sv" ? SwedishCulture : CultureInfo.InvariantCulture;
        var written = new CliOutput(host.Output);
        var guarded = new RedactingStream(written, leaveOpen: true);
        var error = new RedactingTextWriter(host.Error);
        host = host with { Output = guarded, Error = error, Written = written };
        var output = new StreamWriter(guarded, Utf8NoBom, bufferSize: 1 << 16, leaveOpen: true) { AutoFlush = false };
        RunCancellation? cancellation = null;
        try
        {
            try
            {
                var root = BuildCommands(host, output);
                if (Misspelt(args, root) is { } hint)
                {
                    error.WriteLine($"inclusion: {SafeText.ForText(hint)} ({Texts.Get("cli.see-help")})");
                    return CannotRun;
                }

                var parsed = root.Parse(args, Parsing);
                if (CommandLineError(parsed) is { } message)
                {
                    error.WriteLine($"inclusion: {SafeText.ForText(message)} ({Texts.Get("cli.see-help")})");
                    return CannotRun;
                }

                // A command whose action is asynchronous can be stopped: Ctrl+C and SIGTERM cancel its token.
                cancellation = new RunCancellation(host.Cancellation, listen: host.ListensForSignals && parsed.Action is AsynchronousCommandLineAction);
                var invocation = parsed.InvokeAsync(
                    new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null },
                    cancellation.Token);
                int code = cancellation.Await(invocation);
                output.Flush();
                guarded.Flush();
                return code;
            }
            catch (CliException)
            {
                output.Flush();
                guarded.Flush();
                throw;
            }
        }
        catch (OutputClosedException)
        {
            return OutputClosed;
        }
        catch (CliException e)
        {
            // Messages name paths and values from the command line or input: escaped, so that none can forge a line or reach the terminal as a control code.
            error.WriteLine(e.SeeHelp ? $"inclusion: {SafeText.ForText(e.Message)} ({Texts.Get("cli.see-help")})" : $"inclusion: {SafeText.ForText(e.Message)}");
            return CannotRun;
        }
        catch (OperationCanceledException)
        {
            // What reached standard output stays as it is; this line says that it is not whole.
            error.WriteLine($"inclusion: {Texts.Get("cli.cancelled")}");
            return cancellation?.ExitCode ?? Interrupted;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"inclusion: {SafeText.ForText(CliCommand.Reason(e))}");
            return CannotRun;
        }
        catch (Exception e)
        {
            // A defect, not bad input: still one line and no stack trace. Only the exception's type is named,
            // so that no input value can reach the terminal through a message.
            error.WriteLine($"inclusion: unexpected error ({e.GetType().Name}); please report it with the command that caused it");
            return CannotRun;
        }
        finally
        {
            if (cancellation is not { LeftBehind: true })
            {
                // A run left behind may still hold the writer: it is not touched, and the process ends without it.
                output.Dispose();
            }

            cancellation?.Dispose();
            CultureInfo.CurrentUICulture = callersCulture;
            error.Flush();
        }
    }

    /// <summary>
    /// What is wrong with the command line, in the project's words, or <c>null</c>. A word that no command, option or
    /// argument took is found from <see cref="ParseResult.UnmatchedTokens"/> and said first (System.CommandLine's own
    /// "Unrecognized command or argument" beside it is never shown); every other error it holds was put there by a
    /// parser or validator of ours (see <see cref="CliCommand"/>). Help and --version are shown whatever else was typed
    /// (their actions clear the parse errors).
    /// </summary>
    private static string? CommandLineError(ParseResult parsed)
    {
        if (parsed.Action is { ClearsParseErrors: true })
        {
            return parsed.Errors.Count > 0 ? parsed.Errors[0].Message : null;
        }

        if (parsed.UnmatchedTokens.Count > 0)
        {
            // A misspelt subcommand (programs shwo) in people's words, the closest by our own distance, not System.CommandLine's message
            string token = parsed.UnmatchedTokens[0];
            var command = parsed.CommandResult.Command;
            if (!token.StartsWith('-') && command.Subcommands.Count > 0
                && command.Subcommands.Select(c => c.Name).OrderBy(n => Distance(n, token)).FirstOrDefault(n => Distance(n, token) <= 2) is { } closest)
            {
                return Texts.Format("cli.sub-did-you-mean", Privacy.PersonalIdentityNumbers.SafeToQuote(token), command.Name, closest);
            }

            return Texts.Format("parse.unrecognised", Privacy.PersonalIdentityNumbers.SafeToQuote(token));
        }

        return parsed.Errors.Count > 0 ? OneLine(parsed.Errors[0].Message) : null;
    }

    private static string OneLine(string text) => CliCommand.OneLine(text);

    /// <summary>A first word that is no command, in people's words: "did you mean validate?".</summary>
    private static string? Misspelt(string[] args, RootCommand root)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            return null;
        }

        var names = root.Subcommands.Select(c => c.Name).ToList();
        if (names.Contains(args[0]))
        {
            return null;
        }

        string word = Privacy.PersonalIdentityNumbers.SafeToQuote(args[0]);
        string? closest = names.OrderBy(n => Distance(n, args[0])).FirstOrDefault(n => Distance(n, args[0]) <= 2);
        return closest is null
            ? Texts.Format("cli.not-command", word, string.Join(", ", names))
            : Texts.Format("cli.did-you-mean", word, closest);
    }

    /// <summary>The Levenshtein distance between two words.</summary>
    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (int i = 1; i <= a.Length; i++)
        {
            int previous = row[0];
            row[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int current = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), previous + (a[i - 1] == b[j - 1] ? 0 : 1));
                previous = current;
            }
        }

        return row[b.Length];
    }

    /// <summary>System.CommandLine's own fixed words in its help (headings, its help and version options, its usage placeholders), and their Swedish: it ships no Swedish resources. No message is among them.</summary>
    private static readonly (string English, string Swedish)[] HelpWords =
    [
        ("Description:", "Beskrivning:"), ("Usage:", "Användning:"), ("Arguments:", "Argument:"), ("Options:", "Alternativ:"),
        ("Commands:", "Kommandon:"), ("Show help and usage information", "Visa hjälp och användning"), ("Show version information", "Visa versionsinformation"),
        ("[options]", "[alternativ]"), ("<file>", "<fil>"), ("<id>", "<id>"), ("[command]", "[kommando]"), ("(REQUIRED)", "(krävs)   "), ("[default: ", "[standard: "),
    ];

    private static string SwedishHelp(string help)
    {
        foreach (var (english, swedish) in HelpWords)
        {
            help = help.Replace(english, swedish, StringComparison.Ordinal);
        }

        return help;
    }

    /// <summary>Swedish for people (docs/interchange-contract.md §9); the command runs with invariant globalization, so the culture carries the language only.</summary>
    private static readonly CultureInfo SwedishCulture = new("sv-SE");

    /// <summary>
    /// The language of a run: <c>--language sv|en</c> wherever it stands among the arguments (it must be known
    /// before the commands and their help are built), else the environment's locale (§9).
    /// </summary>
    private static string LanguageOf(string[] args, CliHost host)
    {
        for (int i = 0; i < args.Length; i++)
        {
            string? value = args[i] == "--language" && i + 1 < args.Length ? args[i + 1]
                : args[i].StartsWith("--language=", StringComparison.Ordinal) ? args[i]["--language=".Length..]
                : null;
            if (value is "sv" or "en")
            {
                return value;
            }
        }

        return host.LocaleIsSwedish ? "sv" : "en";
    }

    /// <summary>The placeholder --help shows for each option's value, in the language (System.CommandLine's default is the option's own name).</summary>
    private static readonly Dictionary<string, string> HelpNames = new(StringComparer.Ordinal)
    {
        ["--as-of"] = "hn.date", ["--from"] = "hn.date", ["--to"] = "hn.date", ["--month"] = "hn.month", ["--half-year"] = "hn.half-year",
        ["--program"] = "hn.id", ["--definition"] = "hn.file", ["--chart"] = "hn.file", ["--candidate"] = "hn.file", ["--baseline"] = "hn.file",
        ["--api-keys"] = "hn.file", ["--min-cell"] = "hn.number", ["--max-body"] = "hn.number", ["--urls"] = "hn.address",
    };

    /// <summary>Sets every option's and argument's help placeholder through System.CommandLine's own HelpName.</summary>
    private static void NameValues(Command command)
    {
        foreach (var option in command.Options)
        {
            if (option.HelpName is null && HelpNames.TryGetValue(option.Name, out string? key))
            {
                option.HelpName = Texts.Get(key);
            }
        }

        foreach (var argument in command.Arguments)
        {
            argument.HelpName ??= argument.Name == "file" ? Texts.Get("hn.file") : argument.Name;
        }

        foreach (var sub in command.Subcommands)
        {
            NameValues(sub);
        }
    }

    private static RootCommand BuildCommands(CliHost host, StreamWriter output)
    {
        var root = new RootCommand(Texts.Get("help.root") + Texts.Get("help.exit-codes"));
        CliCommand[] commands =
        [
            new ValidateCommand(host, output), new ProgramsCommand(host, output), new EligibilityCommand(host, output),
            new ReportCommand(host, output), new CompareCommand(host, output), new ServeCommand(output),
        ];
        foreach (var command in commands)
        {
            root.Add(command.Create());
        }

        var language = new Option<string>("--language")
        {
            Description = Texts.Get("cli.language"),
            Recursive = true,
            Arity = ArgumentArity.ZeroOrMore,
            CustomParser = result => result.Tokens.Count == 1 && result.Tokens[0].Value is "sv" or "en" ? result.Tokens[0].Value : RefuseLanguage(result),
        };
        language.CompletionSources.Add("sv", "en");
        root.Add(language);

        // No command: the project's sentence, not System.CommandLine's "Required command was not provided".
        Func<ParseResult, int> noCommand = _ => throw new CliException(Texts.Format("parse.no-command", string.Join(", ", root.Subcommands.Select(c => c.Name)))) { SeeHelp = true };
        root.SetAction(noCommand);
        foreach (var option in root.Options)
        {
            switch (option)
            {
                case HelpOption help:
                    help.Action = new LocalizedHelpAction((HelpAction)help.Action!);
                    break;
                case VersionOption version:
                    version.Validators.Clear();
                    version.Validators.Add(result =>
                    {
                        if (result.Parent is CommandResult parent && parent.Children.Any(r => r is not OptionResult { Option: VersionOption } and not OptionResult { Implicit: true } and not OptionResult { Option.Name: "--language" }))
                        {
                            result.AddError(Texts.Get("parse.version-alone"));
                        }
                    });
                    break;
            }
        }

        NameValues(root);
        return root;
    }

    /// <summary>A language other than sv or en, or none, refused in the project's words.</summary>
    private static string RefuseLanguage(ArgumentResult result)
    {
        result.AddError(result.Tokens.Count switch
        {
            0 => Texts.Format("parse.no-value", "--language"),
            1 => Texts.Format("parse.choice", "--language", Texts.Or(["sv", "en"]), Privacy.PersonalIdentityNumbers.SafeToQuote(result.Tokens[0].Value)),
            _ => Texts.Format("parse.one-value", "--language", result.Tokens.Count),
        });
        return null!;
    }

    /// <summary>
    /// --help in the language of the run. System.CommandLine 2.0 ships no Swedish and keeps its help builder internal,
    /// so its help is written to the side by its own action and the fixed headings it adds (Usage:, Options:, …) are
    /// replaced; every description and placeholder is already the project's own (<see cref="Option.HelpName"/>).
    /// </summary>
    private sealed class LocalizedHelpAction(HelpAction inner) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            if (!Texts.Swedish)
            {
                return inner.Invoke(parseResult);
            }

            var configuration = parseResult.InvocationConfiguration;
            var output = configuration.Output;
            using var english = new StringWriter();
            configuration.Output = english;
            try
            {
                inner.Invoke(parseResult);
            }
            finally
            {
                configuration.Output = output;
            }

            output.Write(SwedishHelp(english.ToString()));
            return 0;
        }
    }
}

/// <summary>A reason the command cannot run (exit code 2); its message is the one line shown.</summary>
internal sealed class CliException(string message) : Exception(message)
{
    /// <summary>Whether the line ends by pointing to --help: a command line that could not be understood.</summary>
    internal bool SeeHelp { get; init; }
}
