using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using InclusionModel.Privacy;
using InclusionModel.Programs;
using InclusionModel.Runs;
using InclusionModel.Validation;
using NodaTime;

namespace InclusionModel.Cli;

/// <summary>
/// The <c>inclusion</c> command line (docs/interchange-contract.md §4, §5): <c>validate</c>, <c>eligibility</c>, and
/// <c>programs</c> to list, show and check program definitions. Exit codes: 0 all is well; 1 a record or definition is invalid or malformed;
/// 2 the command could not run, with a one-line reason on standard error. It never prints a stack trace.
/// </summary>
internal static partial class CliApp
{
    internal const int Valid = 0;
    internal const int Invalid = 1;
    internal const int CannotRun = 2;

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The exit code of a run whose standard output was closed by its reader: 128 + SIGPIPE, as the shell shows a process ended by that signal.</summary>
    internal const int OutputClosed = 141;

    internal static int Run(string[] args, CliHost host)
    {
        var callersCulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = LanguageOf(args, host) == "sv" ? SwedishCulture : CultureInfo.InvariantCulture;
        var written = new CliOutput(host.Output);
        var guarded = new RedactingStream(written, leaveOpen: true);
        var error = new RedactingTextWriter(host.Error);
        host = host with { Output = guarded, Error = error, Written = written };
        try
        {
            using var output = new StreamWriter(guarded, Utf8NoBom, bufferSize: 1 << 16, leaveOpen: true) { AutoFlush = false };
            try
            {
                var root = BuildCommands(host, output);
                if (Misspelt(args, root) is { } hint)
                {
                    error.WriteLine($"inclusion: {Privacy.SafeText.ForText(hint)} ({Texts.Get("cli.see-help")})");
                    return CannotRun;
                }

                var parsed = root.Parse(args);
                if (parsed.Errors.Count > 0)
                {
                    error.WriteLine($"inclusion: {Privacy.SafeText.ForText(SwedishParseError(OneLine(parsed.Errors[0].Message)))} ({Texts.Get("cli.see-help")})");
                    return CannotRun;
                }

                if (Texts.Swedish && parsed.Action is System.CommandLine.Help.HelpAction)
                {
                    // System.CommandLine ships no Swedish: its help is written to the side and its own words replaced.
                    using var help = new StringWriter();
                    parsed.Invoke(new InvocationConfiguration { Output = help, Error = error, EnableDefaultExceptionHandler = false });
                    output.Write(SwedishHelp(help.ToString()));
                    output.Flush();
                    guarded.Flush();
                    return Valid;
                }

                int code = parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
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
            error.WriteLine($"inclusion: {Privacy.SafeText.ForText(e.Message)}");
            return CannotRun;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine($"inclusion: {Texts.Get("cli.cancelled")}");
            return CannotRun;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"inclusion: {Privacy.SafeText.ForText(Reason(e))}");
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
            CultureInfo.CurrentUICulture = callersCulture;
            error.Flush();
        }
    }

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

    /// <summary>System.CommandLine's own words in its help, and their Swedish (it ships no Swedish resources).</summary>
    private static readonly (string English, string Swedish)[] HelpWords =
    [
        ("Description:", "Beskrivning:"), ("Usage:", "Användning:"), ("Arguments:", "Argument:"), ("Options:", "Alternativ:"),
        ("Commands:", "Kommandon:"), ("Show help and usage information", "Visa hjälp och användning"), ("Show version information", "Visa versionsinformation"),
        ("[options]", "[alternativ]"), ("<file>", "<fil>"), ("<id>", "<id>"), ("[command]", "[kommando]"), ("(REQUIRED)", "(krävs)   "), ("[default: ", "[standard: "),
    ];

    /// <summary>System.CommandLine's parse errors that a person may meet, and their Swedish; built on first use only (a regular expression costs start-up time).</summary>
    private static readonly Lazy<(System.Text.RegularExpressions.Regex English, string Swedish)[]> ParseErrors = new(() =>
    [
        (new(@"^Required option '(.+)' is missing\.$"), "parse.required-option"),
        (new(@"^Option '(.+)' is required\.$"), "parse.required-option"),
        (new(@"^Argument '(.*)' not recognized\. Must be one of:(.*)$"), "parse.not-among"),
        (new(@"^Unrecognized command or argument '(.*)'\.$"), "parse.unrecognised"),
        (new(@"^Required argument missing for command: '(.*)'\.$"), "parse.missing-argument"),
        (new(@"^Required argument missing for option: '(.*)'\.$"), "parse.no-value"),
        (new(@"^Option '(.*)' expects a single argument but (\d+) were provided\.$"), "parse.one-value"),
        (new(@"^Required command was not provided\.$"), "parse.no-command"),
    ]);

    private static string SwedishHelp(string help)
    {
        foreach (var (english, swedish) in HelpWords)
        {
            help = help.Replace(english, swedish, StringComparison.Ordinal);
        }

        return help;
    }

    private static string SwedishParseError(string message)
    {
        if (!Texts.Swedish)
        {
            return message;
        }

        foreach (var (english, key) in ParseErrors.Value)
        {
            if (english.Match(message) is { Success: true } m)
            {
                // The message's values ('--program', a word the person typed) go into the project's own sentence.
                return key == "parse.no-command"
                    ? Texts.Format(key, "validate, programs, eligibility, report, compare, serve")
                    : Texts.Format(key, [.. m.Groups.Values.Skip(1).Select(g => (object?)g.Value)]);
            }
        }

        return message;
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

    /// <summary>A whole-number option whose bad value is refused in the project's words, not with a .NET type name (System.Int32).</summary>
    internal static Option<T> WholeNumber<T>(string name, Func<long, T> convert, T whenAbsent)
        => new(name)
        {
            CustomParser = result =>
            {
                if (result.Tokens.Count == 0)
                {
                    return whenAbsent;
                }

                string token = result.Tokens[0].Value;
                if (long.TryParse(token, System.Globalization.NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long n))
                {
                    return convert(n);
                }

                result.AddError(Texts.Format("parse.not-whole", name, Privacy.PersonalIdentityNumbers.SafeToQuote(token)));
                return default!;
            },
        };

    private static RootCommand BuildCommands(CliHost host, StreamWriter output)
    {
        var root = new RootCommand(
            Texts.Get("help.root") + Texts.Get("help.exit-codes"));
        root.Add(ValidateCommand(host, output));
        root.Add(ProgramsCommand(host, output));
        root.Add(EligibilityCommand(host, output));
        root.Add(ReportCommand(host, output));
        root.Add(CompareCommand(host, output));
        root.Add(ServeCommand(host, output));
        var language = new Option<string>("--language") { Description = Texts.Get("cli.language"), Recursive = true };
        language.AcceptOnlyFromAmong("sv", "en");
        root.Add(language);
        NameValues(root);
        return root;
    }

    private static Command ValidateCommand(CliHost host, StreamWriter output)
    {
        var input = new Argument<string>("file") { Description = Texts.Get("cli.validate.file") };
        var definitions = DefinitionFilesOption();
        var misspelt = MisspeltProgramOption();
        var asOf = new Option<string>("--as-of") { Description = Texts.Get("cli.as-of") };
        var format = new Option<string>("--format") { Description = Texts.Get("cli.validate.format"), DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");

        var command = new Command("validate", Texts.Get("cli.validate")) { input, definitions, misspelt, asOf, format };
        command.SetAction(parsed =>
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
            if (parsed.GetValue(format) == "json")
            {
                output.Flush();
                using var writer = new JsonValidationReportWriter(host.Output);
                summary = run.Run(stream, date, writer);
            }
            else
            {
                using var writer = new TextValidationReportWriter(output);
                summary = run.Run(stream, date, writer);
            }

            progress.Clear();

            if (summary.Records == 0)
            {
                host.Error.WriteLine($"inclusion: {Texts.Format("cli.no-records", InputName(path))}");
            }

            return summary.AllValid ? Valid : Invalid;
        });
        return command;
    }

    /// <summary><c>--definition &lt;file&gt;</c> (repeatable), the one spelling of every command (docs/interchange-contract.md §4).</summary>
    private static Option<string[]> DefinitionFilesOption()
        => new("--definition") { Description = Texts.Get("cli.definition"), Arity = ArgumentArity.ZeroOrMore };

    /// <summary>The old spelling, kept only to say what it became.</summary>
    private static Option<string[]> MisspeltProgramOption()
        => new("--program") { Hidden = true, Arity = ArgumentArity.ZeroOrMore };

    private static void RefuseProgramOption(ParseResult parsed, Option<string[]> misspelt)
    {
        if (parsed.GetResult(misspelt) is not null)
        {
            throw new CliException(Texts.Get("cli.program-option"));
        }
    }

    /// <summary>The input as a message names it: standard input in words, a path quoted and escaped (<see cref="Privacy.SafeText"/>).</summary>
    private static string InputName(string path) => path == "-" ? Texts.Get("cli.stdin") : $"'{Privacy.SafeText.ForText(path)}'";

    /// <summary>
    /// Loads definition files beside the built-in catalogue. A file's program replaces the built-in program
    /// of the same id; two files with the same program id are refused, naming both.
    /// </summary>
    private static ProgramSet LoadPrograms(string[] files) => LoadPrograms(files, out _);

    /// <summary>Loads definition files as <see cref="LoadPrograms(string[])"/> does, and says which file gave each program.</summary>
    private static ProgramSet LoadPrograms(string[] files, out Dictionary<string, string> from)
    {
        var loaded = new List<ProgramDefinition>();
        from = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string file in files)
        {
            var result = ProgramDefinitionJson.Parse(ReadProgramFile(file));
            if (!result.Success)
            {
                throw new CliException(Texts.Format(result.Problems.Length == 1 ? "cli.file-invalid-one" : "cli.file-invalid", file, result.Problems.Length, string.Join("; ", result.Problems)));
            }

            if (from.TryGetValue(result.Program!.Id, out string? earlier))
            {
                throw new CliException(Texts.Format("cli.two-files", earlier, file, result.Program.Id));
            }

            from.Add(result.Program.Id, file);
            loaded.Add(result.Program);
        }

        return ProgramCatalogue.BuiltIn.With(loaded);
    }

    private static byte[] ReadProgramFile(string file)
    {
        try
        {
            return ProgramDefinitionJson.ReadFile(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliException(Texts.Format("cli.cannot-read-program", file, Reason(e)));
        }
    }

    /// <summary>
    /// A date or period in the year 0000 is refused with its own reason: it has the shape asked for, and the
    /// calendar has no such year (1 BC is followed by AD 1), so "must be YYYY-MM" alone would puzzle.
    /// </summary>
    private static void RefuseYearZero(params (string Option, string? Text)[] values)
    {
        foreach (var (option, text) in values)
        {
            if (text is not null && text.StartsWith("0000", StringComparison.Ordinal))
            {
                throw new CliException(Texts.Format("cli.year-zero", option, Privacy.PersonalIdentityNumbers.SafeToQuote(text)));
            }
        }
    }

    private static LocalDate ParseAsOf(string? text, CliHost host)
    {
        if (text is null)
        {
            return host.Today;
        }

        RefuseYearZero(("--as-of", text));

        return IsoDates.TryParse(text, out var date)
            ? date
            : throw new CliException(Texts.Format("cli.bad-as-of", Privacy.PersonalIdentityNumbers.SafeToQuote(text)));
    }

    /// <summary>
    /// Opens the input of a command: <c>-</c> is standard input; any other path is opened once, whatever it
    /// is (a regular file, /dev/stdin, a named pipe, a process substitution). A run that reads twice keeps a
    /// copy of what cannot be read twice (docs/interchange-contract.md §4).
    /// </summary>
    private static Stream OpenInput(string path, CliHost host)
    {
        if (path == "-")
        {
            return RefuseJsonArray(host.OpenStandardInput(), path);
        }

        if (path.StartsWith('-') && !File.Exists(path))
        {
            throw new CliException(Texts.Format("cli.unknown-option", Privacy.PersonalIdentityNumbers.SafeToQuote(path)));
        }

        if (Directory.Exists(path))
        {
            throw new CliException(Texts.Format("cli.directory", path));
        }

        try
        {
            return RefuseJsonArray(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, FileOptions.SequentialScan), path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CliException(Texts.Format("cli.no-such-file", path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliException(Texts.Format("cli.cannot-read", path, Reason(e)));
        }
    }

    /// <summary>
    /// A JSON array given where NDJSON is expected is one mistake, not an error on every line: when the
    /// input's first character (after a byte-order mark and white space) is <c>[</c>, the command stops with
    /// one hint. The stream is handed on unchanged otherwise (a seekable one rewound, another replayed).
    /// </summary>
    private static Stream RefuseJsonArray(Stream input, string path)
    {
        var head = new byte[4096];
        int filled = 0, read;
        while (filled < head.Length && (read = input.Read(head, filled, head.Length - filled)) > 0)
        {
            filled += read;
            var seen = head.AsSpan(0, filled);
            if (seen.StartsWith("\uFEFF"u8))
            {
                seen = seen[3..];
            }

            if (seen.TrimStart(" \t\r\n"u8).Length > 0)
            {
                break;
            }
        }

        var text = head.AsSpan(0, filled);
        if (text.StartsWith("\uFEFF"u8))
        {
            text = text[3..];
        }

        if (text.TrimStart(" \t\r\n"u8) is [(byte)'[', ..])
        {
            input.Dispose();
            throw new CliException(Texts.Format("cli.json-array", InputName(path)));
        }

        if (input.CanSeek)
        {
            input.Seek(-filled, SeekOrigin.Current);
            return input;
        }

        return new ReplayStream(head.AsMemory(0, filled), input);
    }

    /// <summary>Gives back bytes already read from a stream, then the rest of it.</summary>
    private sealed class ReplayStream(ReadOnlyMemory<byte> head, Stream rest) : Stream
    {
        private ReadOnlyMemory<byte> _head = head;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(Span<byte> buffer)
        {
            if (_head.IsEmpty)
            {
                return rest.Read(buffer);
            }

            int n = Math.Min(buffer.Length, _head.Length);
            _head.Span[..n].CopyTo(buffer);
            _head = _head[n..];
            return n;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                rest.Dispose();
            }

            base.Dispose(disposing);
        }
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
            string text = $"inclusion: {Texts.Format("cli.progress", progress.BytesRead / (1024 * 1024), progress.Lines)}";
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

    /// <summary>Why reading or writing failed: .NET's message in English, the project's own words in Swedish (.NET ships no Swedish here).</summary>
    internal static string Reason(Exception e)
        => !Texts.Swedish ? OneLine(e.Message)
            : Texts.Get(e switch
            {
                FileNotFoundException => "io.not-found",
                DirectoryNotFoundException => "io.no-directory",
                UnauthorizedAccessException => "io.denied",
                _ => "io.other",
            });

    private static string OneLine(string text)
        => string.Join(' ', text.ReplaceLineEndings(" ").Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>A reason the command cannot run (exit code 2); its message is the one line shown.</summary>
internal sealed class CliException(string message) : Exception(message);
