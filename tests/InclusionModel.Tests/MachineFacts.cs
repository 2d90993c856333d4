using InclusionModel.Tests.Docs;
using Xunit;

namespace InclusionModel.Tests;

/// <summary>What a test needs of the machine beyond .NET; a test that lacks it is reported as skipped, with the reason, never as passed.</summary>
public enum MachineNeed
{
    /// <summary>Unix: a shell with pipes, FIFOs and process substitution (bash), and <c>/dev/zero</c>.</summary>
    Unix,

    /// <summary>Linux: <c>/proc</c> shows what a process holds open, and signals stop it as on a server.</summary>
    Linux,

    /// <summary><c>/dev/full</c>, a device whose every write fails with "no space left".</summary>
    DevFull,

    /// <summary>The catalogue's source texts: <c>INCLUSION_SOURCES</c>, or <c>../shared/seeds</c> beside the repository (as in CI).</summary>
    SourceTexts,

    /// <summary>The binding interchange contract: <c>INCLUSION_CONTRACT</c>, or <c>../shared/spec/FORMATS.md</c> beside the repository (as in CI).</summary>
    Contract,

    /// <summary>LibreOffice's <c>soffice</c> on the PATH (Debian: <c>apt-get install libreoffice-calc-nogui</c>, as .ci/run does), to open a workbook as another program would.</summary>
    LibreOffice,
}

/// <summary>The machine's answers to <see cref="MachineNeed"/>.</summary>
internal static class Machine
{
    /// <summary>The folder of the catalogue's source texts, or <c>null</c> when this machine has none.</summary>
    internal static string? SourceTexts
        => new[] { Environment.GetEnvironmentVariable("INCLUSION_SOURCES"), EmbeddingSampleTest.RepositoryFile("../shared/seeds") }
            .FirstOrDefault(d => !string.IsNullOrEmpty(d) && Directory.Exists(d));

    /// <summary>The binding interchange contract's file, or <c>null</c> when this machine has none.</summary>
    internal static string? Contract
        => new[] { Environment.GetEnvironmentVariable("INCLUSION_CONTRACT"), EmbeddingSampleTest.RepositoryFile("../shared/spec/FORMATS.md") }
            .FirstOrDefault(f => !string.IsNullOrEmpty(f) && File.Exists(f));

    /// <summary>LibreOffice's <c>soffice</c> on the PATH, or <c>null</c>.</summary>
    internal static string? Soffice
        => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, "soffice")).FirstOrDefault(File.Exists);

    /// <summary>Why this machine cannot run a test that needs <paramref name="need"/>, or <c>null</c> when it can.</summary>
    internal static string? Lacks(MachineNeed need) => need switch
    {
        MachineNeed.Unix when OperatingSystem.IsWindows() || !File.Exists("/dev/zero") => "needs Unix (a shell, pipes, FIFOs, /dev/zero)",
        MachineNeed.Linux when !OperatingSystem.IsLinux() => "needs Linux (/proc and signals)",
        MachineNeed.DevFull when !File.Exists("/dev/full") => "needs /dev/full",
        MachineNeed.SourceTexts when SourceTexts is null => "needs the source texts (INCLUSION_SOURCES or ../shared/seeds beside the repository)",
        MachineNeed.Contract when Contract is null => "needs the interchange contract (INCLUSION_CONTRACT or ../shared/spec/FORMATS.md beside the repository)",
        MachineNeed.LibreOffice when Soffice is null => "needs LibreOffice (soffice on the PATH: apt-get install --no-install-recommends libreoffice-calc-nogui)",
        _ => null,
    };

    /// <summary>The reason for the first need this machine lacks, or <c>null</c>.</summary>
    internal static string? Lacks(MachineNeed[] needs) => needs.Select(Lacks).FirstOrDefault(reason => reason is not null);
}

/// <summary>
/// What a test needs of the machine beyond .NET, checked before it runs: a machine that lacks it fails the test
/// with the reason (never skips it, never lets it pass unchecked). The project's machines (developers' and CI's)
/// are Linux with the source texts beside the repository, so every test runs everywhere it is meant to.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NeedsAttribute(params MachineNeed[] needs) : Xunit.Sdk.BeforeAfterTestAttribute
{
    /// <summary>What the test needs.</summary>
    public IReadOnlyList<MachineNeed> Needs { get; } = needs;

    /// <inheritdoc/>
    public override void Before(System.Reflection.MethodInfo methodUnderTest)
    {
        if (Machine.Lacks(needs) is { } reason)
        {
            throw new InvalidOperationException($"{methodUnderTest.Name} cannot run on this machine: it {reason}.");
        }
    }
}
