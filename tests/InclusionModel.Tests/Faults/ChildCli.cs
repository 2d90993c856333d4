using System.Diagnostics;

namespace InclusionModel.Tests.Faults;

/// <summary>
/// Runs the real <c>inclusion</c> command as a child process (the built <c>inclusion.dll</c> beside the
/// tests), with its own temporary folder, so that pipes, FIFOs, signals and closed or full output are
/// those of the operating system, not of a test double.
/// </summary>
internal sealed class ChildCli : IDisposable
{
    internal static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "inclusion.dll");

    /// <summary>The child's TMPDIR: empty before, and must be empty after.</summary>
    internal string TempDir { get; } = Directory.CreateTempSubdirectory("inclusion-child-tmp-").FullName;

    internal static bool IsUnix => !OperatingSystem.IsWindows();

    public void Dispose() => Directory.Delete(TempDir, recursive: true);

    /// <summary>Starts <c>bash -c script</c> where <c>$INCLUSION</c> runs the command.</summary>
    internal Process StartShell(string script, bool redirectInput = false)
    {
        var start = new ProcessStartInfo("bash", ["-c", "inclusion() { dotnet \"$INCLUSION_DLL\" \"$@\"; }\nINCLUSION=inclusion\n" + script])
        {
            RedirectStandardInput = redirectInput,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["INCLUSION_DLL"] = Dll;
        Configure(start);
        return Process.Start(start)!;
    }

    /// <summary>Starts the command itself (no shell between), standard streams redirected.</summary>
    internal Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Dll, .. args])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Configure(start);
        return Process.Start(start)!;
    }

    /// <summary>Starts the command with more environment variables and in a working folder of its own.</summary>
    internal Process StartIn(IReadOnlyDictionary<string, string> environment, string? workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Dll, .. args])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? "",
        };
        Configure(start);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }

    /// <summary>Runs a shell script to its end: exit code, standard output and error.</summary>
    internal (int Code, string Output, string Error) RunShell(string script)
    {
        using var process = StartShell(script);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(120_000), $"'{script}' did not end");
        return (process.ExitCode, output.Result, error.Result);
    }

    /// <summary>The files the process has open in <see cref="TempDir"/>, as /proc shows their links (a deleted file ends in " (deleted)").</summary>
    internal List<(string Link, string Fd)> OpenTempFiles(int pid)
    {
        var found = new List<(string, string)>();
        try
        {
            foreach (string fd in Directory.GetFiles($"/proc/{pid}/fd"))
            {
                try
                {
                    if (new FileInfo(fd).LinkTarget is { } target && target.StartsWith(TempDir, StringComparison.Ordinal))
                    {
                        found.Add((target, fd));
                    }
                }
                catch (IOException)
                {
                    // the descriptor closed while we looked
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // the process ended
        }

        return found;
    }

    internal static string Quote(string path) => "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private void Configure(ProcessStartInfo start)
    {
        start.Environment["TMPDIR"] = TempDir;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["LANG"] = "en_US.UTF-8";
        start.Environment["DOTNET_EnableDiagnostics"] = "0"; // no diagnostics socket in the temporary folder
    }
}
