using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace InclusionModel.Cli;

/// <summary>
/// One command of <c>inclusion</c>: it builds its System.CommandLine <see cref="Command"/>, binds its options with
/// System.CommandLine's own <c>GetValue</c> and custom parsers, and runs. Each command is a class of its own under
/// Commands/; <see cref="CliApp"/> keeps the root, the language, the streams and the exit codes.
/// </summary>
/// <remarks>
/// Every error a command line can earn is said in the project's words (<see cref="Texts"/>), in either language:
/// a value is read by a custom parser of ours, a choice by ours, a required option or argument is checked by the
/// command's own validator. System.CommandLine's own checks are never reached (each option takes any number of
/// values and says itself when there is none or more than one; a required symbol has a default of nothing), so
/// none of its English can reach a Swedish reader, and nothing needs translating.
/// </remarks>
internal abstract partial class CliCommand
{
    /// <summary>The exit code of a run where all is well.</summary>
    protected const int Valid = CliApp.Valid;

    /// <summary>The exit code of a run that found something invalid or malformed.</summary>
    protected const int Invalid = CliApp.Invalid;

    /// <summary>Builds the command with its options, validators and action.</summary>
    internal abstract Command Build();

    /// <summary>
    /// Sets a command's action as one that can be cancelled: it runs on a worker with the run's token (Ctrl+C,
    /// SIGTERM), and the token reaches the library's run; a run blocked on input that never comes is left behind by
    /// <see cref="CliApp"/> after a grace period, so that the process still ends.
    /// </summary>
    protected static void SetCancellableAction(Command command, Func<ParseResult, CancellationToken, int> run)
        => command.SetAction((parsed, cancellationToken) => Task.Run(() => run(parsed, cancellationToken), CancellationToken.None));

    /// <summary>
    /// An option with one value: given without one, or more than once, it is refused in the project's words (not
    /// with System.CommandLine's "Required argument missing for option").
    /// </summary>
    protected static Option<string> ValueOption(string name, string description, bool required = false)
    {
        var option = new Option<string>(name)
        {
            Description = description,
            Arity = ArgumentArity.ZeroOrMore,
            CustomParser = result => One(result, name) ?? default!,
        };
        if (required)
        {
            // Required stays set, so that --help marks the option; its default of nothing keeps System.CommandLine from
            // refusing its absence in English, and the command's own validator (Check) refuses it in ours.
            option.Required = true;
            option.DefaultValueFactory = _ => null!;
        }

        return option;
    }

    /// <summary>An option whose one value is one of <paramref name="values"/>, refused in the project's words otherwise; --help lists the values.</summary>
    protected static Option<string> ChoiceOption(string name, string description, string? whenAbsent, params string[] values)
    {
        var option = new Option<string>(name)
        {
            Description = description,
            Arity = ArgumentArity.ZeroOrMore,
            CustomParser = result => One(result, name) is not { } value ? default!
                : values.Contains(value, StringComparer.Ordinal) ? value
                : Refuse<string>(result, Texts.Format("parse.choice", name, Texts.Or(values), Privacy.PersonalIdentityNumbers.SafeToQuote(value))),
        };
        option.CompletionSources.Add(values);
        if (whenAbsent is not null)
        {
            option.DefaultValueFactory = _ => whenAbsent;
        }

        return option;
    }

    /// <summary>A flag: given alone it is true; a value other than true or false (<c>--final=maybe</c>) is refused in the project's words.</summary>
    protected static Option<bool> FlagOption(string name, string description)
        => new(name)
        {
            Description = description,
            Arity = ArgumentArity.ZeroOrMore,
            CustomParser = result => result.Tokens.Count switch
            {
                0 => true,
                1 when bool.TryParse(result.Tokens[0].Value, out bool value) => value,
                1 => Refuse<bool>(result, Texts.Format("parse.not-flag", name, Privacy.PersonalIdentityNumbers.SafeToQuote(result.Tokens[0].Value))),
                _ => Refuse<bool>(result, Texts.Format("parse.one-value", name, result.Tokens.Count)),
            },
        };

    /// <summary>A whole-number option whose bad value is refused in the project's words, not with a .NET type name (System.Int32).</summary>
    internal static Option<T> WholeNumber<T>(string name, Func<long, T> convert, T whenAbsent)
        => new(name)
        {
            Arity = ArgumentArity.ZeroOrMore,
            CustomParser = result =>
            {
                if (One(result, name) is not { } token)
                {
                    return whenAbsent;
                }

                if (long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long n))
                {
                    return convert(n);
                }

                return Refuse<T>(result, Texts.Format("parse.not-whole", name, Privacy.PersonalIdentityNumbers.SafeToQuote(token)));
            },
        };

    /// <summary>The command's one argument (a file, an id): its absence is refused by the command's own validator (<see cref="Check"/>), in the project's words.</summary>
    protected static Argument<string> RequiredArgument(string name, string description)
        => new(name) { Description = description, Arity = ArgumentArity.ExactlyOne, DefaultValueFactory = _ => null! };

    /// <summary>
    /// The command as the root adds it: <see cref="Build"/>'s command, and each of its subcommands, with the checks
    /// that System.CommandLine would otherwise make in its own English (<see cref="Check"/>). A word no symbol took is
    /// said by <see cref="CliApp"/> from the parse result's unmatched tokens, before any error System.CommandLine holds.
    /// </summary>
    internal Command Create()
    {
        var command = Build();
        Checked(command);
        return command;
    }

    private static void Checked(Command command)
    {
        command.Validators.Add(result => Check(command, result));
        foreach (var sub in command.Subcommands)
        {
            Checked(sub);
        }
    }

    /// <summary>
    /// The command's own validator: its argument, each required option, and each option that takes a value and was
    /// given without one (an option with a default never reaches its parser then) are refused in the project's words.
    /// System.CommandLine's own checks never run: a required argument or option has a default of nothing.
    /// </summary>
    private static void Check(Command command, CommandResult result)
    {
        foreach (var argument in command.Arguments)
        {
            if (result.GetResult(argument) is not { Tokens.Count: > 0 })
            {
                result.AddError(Texts.TryGet($"parse.missing.{command.Name}", out var plain) ? plain : Texts.Format("parse.missing-argument", command.Name, $"<{argument.HelpName ?? argument.Name}>"));
                return;
            }
        }

        foreach (var option in command.Options)
        {
            var given = result.GetResult(option);
            if (option.Required && given is not { Implicit: false })
            {
                result.AddError(Texts.Format("parse.required-option", option.Name));
                return;
            }

            if (given is { Implicit: false, Tokens.Count: 0 } && option.ValueType != typeof(bool) && !option.ValueType.IsArray)
            {
                result.AddError(Texts.Format("parse.no-value", option.Name));
                return;
            }
        }
    }

    /// <summary>The one value of an option, <c>null</c> when it was not given; given without a value or more than once, an error in the project's words.</summary>
    private static string? One(ArgumentResult result, string name)
    {
        switch (result.Tokens.Count)
        {
            case 1:
                return result.Tokens[0].Value;
            case 0 when result.Parent is OptionResult { Implicit: false }:
                result.AddError(Texts.Format("parse.no-value", name));
                return null;
            case 0:
                return null;
            default:
                result.AddError(Texts.Format("parse.one-value", name, result.Tokens.Count));
                return null;
        }
    }

    private static T Refuse<T>(ArgumentResult result, string message)
    {
        result.AddError(message);
        return default!;
    }

    /// <summary><c>--definition &lt;file&gt;</c> (repeatable), the one spelling of every command (docs/interchange-contract.md §4).</summary>
    protected static Option<string[]> DefinitionFilesOption()
        => new("--definition") { Description = Texts.Get("cli.definition"), Arity = ArgumentArity.ZeroOrMore };

    /// <summary>The old spelling, kept only to say what it became.</summary>
    protected static Option<string[]> MisspeltProgramOption()
        => new("--program") { Hidden = true, Arity = ArgumentArity.ZeroOrMore };

    /// <summary>Refuses the old spelling <c>--program</c> where definition files are meant.</summary>
    protected static void RefuseProgramOption(ParseResult parsed, Option<string[]> misspelt)
    {
        if (parsed.GetResult(misspelt) is not null)
        {
            throw new CliException(Texts.Get("cli.program-option"));
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

    /// <summary>A text on one line, its runs of white space one space.</summary>
    internal static string OneLine(string text)
        => string.Join(' ', text.ReplaceLineEndings(" ").Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
