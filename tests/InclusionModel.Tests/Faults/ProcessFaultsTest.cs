using System.Diagnostics;
using System.Text;

namespace InclusionModel.Tests.Faults;

/// <summary>
/// The fault-injection suite: the real command in a child process, fed through pipes, FIFOs and process
/// substitutions, sent SIGINT and SIGTERM, and writing into a closed pipe or a full disk. Unix only (the
/// faults are Unix's); each test says what it proves.
/// </summary>
[Collection("child processes")]
public sealed class ProcessFaultsTest : IDisposable
{
    private static readonly string Samples = Path.Combine(AppContext.BaseDirectory, "samples");
    private static readonly string Histories = Path.Combine(Samples, "histories.ndjson");
    private const string Summary = "19 records: 8 valid, 10 invalid, 1 malformed (as of 2021-06-30)";
    private readonly ChildCli _cli = new();

    public void Dispose() => _cli.Dispose();

    /// <summary>About <paramref name="megabytes"/> MB of histories, every participant distinct (the sample's well-formed lines, renumbered).</summary>
    private static byte[] BigInput(int megabytes)
    {
        var lines = File.ReadAllLines(Histories).Where(l => l.Contains("\"participant\":\"p-", StringComparison.Ordinal)).ToArray();
        var text = new StringBuilder();
        for (int n = 0; text.Length < megabytes * 1024 * 1024; n++)
        {
            string line = lines[n % lines.Length];
            int at = line.IndexOf("\"participant\":\"", StringComparison.Ordinal) + 15;
            int end = line.IndexOf('"', at);
            text.Append(line[..at]).Append("big-").Append(n).Append(line[end..]).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private string[] TempEntries() => Directory.GetFileSystemEntries(_cli.TempDir);

    [Theory]
    [Needs(MachineNeed.Unix)]
    [InlineData("cat {h} | $INCLUSION validate /dev/stdin --as-of 2021-06-30")]
    [InlineData("$INCLUSION validate <(cat {h}) --as-of 2021-06-30")]
    [InlineData("cat {h} | $INCLUSION validate - --as-of 2021-06-30")]
    [InlineData("$INCLUSION validate /dev/stdin --as-of 2021-06-30 < {h}")]
    [InlineData("mkfifo \"$TMPDIR/../fifo-$$\" && (timeout 60 cat {h} > \"$TMPDIR/../fifo-$$\" &) && $INCLUSION validate \"$TMPDIR/../fifo-$$\" --as-of 2021-06-30; code=$?; rm -f \"$TMPDIR/../fifo-$$\"; exit $code")]
    public void Validate_AnyReadablePath_ReadsEveryRecord(string script)
    {
        var (code, output, error) = _cli.RunShell(script.Replace("{h}", ChildCli.Quote(Histories), StringComparison.Ordinal));

        Assert.Equal(1, code);
        Assert.Equal(Summary, output.TrimEnd().Split('\n')[^1]);
        Assert.Equal("", error);
        Assert.Empty(TempEntries());
    }

    [Theory]
    [Needs(MachineNeed.Unix)]
    [InlineData("report {f} --program motala-utanforskap-till-sysselsattning --month 2020-04 --format json", "motala-2020.ndjson")]
    [InlineData("eligibility {f} --format json", "people.ndjson")]
    public void ReportAndEligibility_ThroughAProcessSubstitutionOrFifo_PrintWhatTheFileGives(string command, string sample)
    {
        string file = ChildCli.Quote(Path.Combine(Samples, sample));
        var fromFile = _cli.RunShell("$INCLUSION " + command.Replace("{f}", file, StringComparison.Ordinal));
        var substituted = _cli.RunShell("$INCLUSION " + command.Replace("{f}", $"<(cat {file})", StringComparison.Ordinal));
        var fifo = _cli.RunShell($"f=\"$TMPDIR/../fifo-$$\"; mkfifo \"$f\" && (timeout 60 cat {file} > \"$f\" &) && $INCLUSION " + command.Replace("{f}", "\"$f\"", StringComparison.Ordinal) + "; code=$?; rm -f \"$f\"; exit $code");

        Assert.Contains("\"", fromFile.Output);
        Assert.Equal(fromFile, substituted);
        Assert.Equal(fromFile, fifo);
        Assert.Empty(TempEntries());
    }

    [Fact]
    [Needs(MachineNeed.Linux)]
    public async Task Validate_StandardInputPastTheMemorySpool_SpoolsItsOutcomesInUnlinkedOwnerOnlyFiles_AndLeavesNothing()
    {
        byte[] input = BigInput(12);
        using var process = _cli.Start("validate", "-", "--as-of", "2021-06-30", "--format", "json");
        var output = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        var error = process.StandardError.ReadToEndAsync();
        process.StandardInput.BaseStream.Write(input);
        process.StandardInput.BaseStream.Flush();

        // While standard input is still open, the kept outcomes have moved to a temporary file: held, never named.
        var held = WaitFor(() => _cli.OpenTempFiles(process.Id));
        Assert.All(held, f => Assert.EndsWith(" (deleted)", f.Link));
        Assert.All(held, f => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, ModeOf(f.Fd)));
        Assert.Empty(TempEntries());

        process.StandardInput.Close();
        Assert.True(process.WaitForExit(120_000));
        await output;
        Assert.Equal(1, process.ExitCode);
        Assert.Equal("", await error);
        Assert.Empty(TempEntries());
    }

    [Theory]
    [Needs(MachineNeed.Linux)]
    [InlineData("INT", 130)]
    [InlineData("TERM", 143)]
    public async Task Validate_StoppedBySignalMidRun_LeavesNoTemporaryFile(string signal, int exitCode)
    {
        using var process = _cli.Start("validate", "-", "--as-of", "2021-06-30");
        var output = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        var error = process.StandardError.ReadToEndAsync();
        process.StandardInput.BaseStream.Write(BigInput(12));
        process.StandardInput.BaseStream.Flush();
        WaitFor(() => _cli.OpenTempFiles(process.Id)); // the spool is on disk; standard input stays open

        using (var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill!.WaitForExit();
        }

        Assert.True(process.WaitForExit(60_000), $"SIGINT/SIGTERM did not end the run ({signal})");
        Assert.Equal(exitCode, process.ExitCode); // 128 + the signal, as the shell shows it
        Assert.Equal(Cancelled, await error);
        Assert.Empty(TempEntries());
    }

    private const string Cancelled = "inclusion: cancelled: what standard output holds is incomplete\n";

    [Theory]
    [Needs(MachineNeed.Linux)]
    [InlineData("validate", "INT", 130)]
    [InlineData("validate", "TERM", 143)]
    [InlineData("report", "INT", 130)]
    [InlineData("eligibility", "INT", 130)]
    [InlineData("compare", "INT", 130)]
    public async Task ARunOnAFifoThatNeverEnds_StopsOnASignal_WithItsExitCodeAndOneLine(string command, string signal, int exitCode)
    {
        // The writer gives some lines and then holds the FIFO open without writing: the run blocks on a read that never
        // returns, where no cancellation token is looked at; the command still ends, within its grace period.
        string fifo = Path.Combine(_cli.TempDir, "..", $"fifo-{Guid.NewGuid():N}");
        using (var make = Process.Start("mkfifo", [fifo]))
        {
            make!.WaitForExit();
        }

        string sample = Path.Combine(Samples, command == "eligibility" ? "people.ndjson" : "histories.ndjson");
        using var writer = Process.Start("bash", ["-c", $"exec > {ChildCli.Quote(fifo)}; cat {ChildCli.Quote(sample)}; exec sleep 120"])!;
        string[] args = command switch
        {
            "report" => ["report", fifo, "--program", "eskilstuna-romane-bucha", "--from", "2012-01-01", "--to", "2013-12-31"],
            "compare" => ["compare", fifo, "--candidate", Path.Combine(Samples, "programs", "romane-bucha-employment-14.json"), "--as-of", "2021-06-30"],
            "eligibility" => ["eligibility", fifo],
            _ => ["validate", fifo, "--as-of", "2021-06-30"],
        };
        try
        {
            using var process = _cli.Start(args);
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            WaitFor(() => Opened(process.Id, fifo)); // the run has the FIFO open: the signal handlers are in place

            using (var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                kill!.WaitForExit();
            }

            Assert.True(process.WaitForExit(60_000), $"{signal} did not end the run");
            Assert.Equal(exitCode, process.ExitCode);
            Assert.Equal(Cancelled, await error);
            Assert.Empty(TempEntries());
        }
        finally
        {
            writer.Kill();
            writer.WaitForExit();
            File.Delete(fifo);
        }
    }

    /// <summary>The process's descriptors open on <paramref name="path"/>, as /proc shows them.</summary>
    private static List<(string Link, string Fd)> Opened(int pid, string path)
    {
        string full = Path.GetFullPath(path);
        try
        {
            return Directory.GetFiles($"/proc/{pid}/fd").Where(fd =>
            {
                try
                {
                    return new FileInfo(fd).LinkTarget == full;
                }
                catch (IOException)
                {
                    return false;
                }
            }).Select(fd => (full, fd)).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    [Fact]
    [Needs(MachineNeed.Unix)]
    public void Validate_IntoAPipeClosedByItsReader_StopsQuietlyWithTheSigpipeStatus()
    {
        string big = Path.Combine(_cli.TempDir, "..", $"big-{Guid.NewGuid():N}.ndjson");
        File.WriteAllBytes(big, BigInput(20));
        try
        {
            // Every line of the big file is invalid or valid in turn; text output goes on for megabytes.
            var (code, output, error) = _cli.RunShell($"$INCLUSION validate {ChildCli.Quote(big)} --as-of 2021-06-30 | head -c 100 > /dev/null; echo \"${{PIPESTATUS[0]}}\"");

            Assert.Equal(0, code);
            Assert.Equal("141", output.Trim());
            Assert.Equal("", error);
            Assert.Empty(TempEntries());
        }
        finally
        {
            File.Delete(big);
        }
    }

    [Fact]
    [Needs(MachineNeed.Unix)]
    public async Task Eligibility_IntoAPipeClosedByItsReader_StopsQuietlyWithTheSigpipeStatus()
    {
        // Text output is held until the run ends (so that a special-category marking can come first): the
        // reader goes away before then, and the first write of the output ends the run.
        using var process = _cli.Start("eligibility", "-");
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.Close();
        byte[] people = File.ReadAllBytes(Path.Combine(Samples, "people.ndjson"));
        try
        {
            for (int i = 0; i < 20_000; i++)
            {
                process.StandardInput.BaseStream.Write(people);
            }

            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // the command ended first
        }

        Assert.True(process.WaitForExit(60_000), "the run did not end");
        Assert.Equal(141, process.ExitCode);
        Assert.Equal("", await error);
        Assert.Empty(TempEntries());
    }

    [Theory]
    [Needs(MachineNeed.DevFull)]
    [InlineData("validate {h} --as-of 2021-06-30", "the validation report")]
    [InlineData("validate {h} --as-of 2021-06-30 --format json", "the validation report")]
    [InlineData("report {m} --program motala-utanforskap-till-sysselsattning --month 2020-04", "the report")]
    [InlineData("eligibility {p} --format json", "the eligibility decisions")]
    public void AFullDisk_IsOneLineNamingWhatWasBeingWritten(string command, string what)
    {
        string args = command.Replace("{h}", ChildCli.Quote(Histories), StringComparison.Ordinal)
            .Replace("{m}", ChildCli.Quote(Path.Combine(Samples, "motala-2020.ndjson")), StringComparison.Ordinal)
            .Replace("{p}", ChildCli.Quote(Path.Combine(Samples, "people.ndjson")), StringComparison.Ordinal);
        var (code, _, error) = _cli.RunShell($"$INCLUSION {args} > /dev/full");

        Assert.Equal(2, code);
        Assert.StartsWith($"inclusion: cannot write {what} to standard output: ", error);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    private static UnixFileMode ModeOf(string path)
        => OperatingSystem.IsWindows() ? throw new PlatformNotSupportedException() : File.GetUnixFileMode(path);

    private static List<(string Link, string Fd)> WaitFor(Func<List<(string Link, string Fd)>> look)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            var found = look();
            if (found.Count > 0)
            {
                return found;
            }

            Thread.Sleep(20);
        }

        throw new TimeoutException("the command never held a temporary file");
    }
}

[CollectionDefinition("child processes", DisableParallelization = true)]
public sealed class ChildProcessCollection;
