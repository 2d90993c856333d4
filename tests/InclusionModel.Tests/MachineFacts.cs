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
}

/// <summary>The machine's answers to <see cref="MachineNeed"/>.</summary>
internal static class Machine
{
    /// <summary>The folder of the catalogue's source texts, or <c>null</c> when this machine has none.</summary>
    internal static string? SourceTexts
        => new[] { Environment.GetEnvironmentVariable("INCLUSION_SOURCES"), EmbeddingSampleTest.RepositoryFile("../shared/seeds") }
            .FirstOrDefault(d => !string.IsNullOrEmpty(d) && Directory.Exists(d));

    /// <summary>Why this machine cannot run a test that needs <paramref name="need"/>, or <c>null</c> when it can.</summary>
    internal static string? Lacks(MachineNeed need) => need switch
    {
        MachineNeed.Unix when OperatingSystem.IsWindows() || !File.Exists("/dev/zero") => "needs Unix (a shell, pipes, FIFOs, /dev/zero)",
        MachineNeed.Linux when !OperatingSystem.IsLinux() => "needs Linux (/proc and signals)",
        MachineNeed.DevFull when !File.Exists("/dev/full") => "needs /dev/full",
        MachineNeed.SourceTexts when SourceTexts is null => "needs the source texts (INCLUSION_SOURCES or ../shared/seeds beside the repository)",
        _ => null,
    };

    /// <summary>The reason for the first need this machine lacks, or <c>null</c>.</summary>
    internal static string? Lacks(MachineNeed[] needs) => needs.Select(Lacks).FirstOrDefault(reason => reason is not null);
}

/// <summary>
/// A fact that runs only on a machine that has what it needs, and is reported as <em>skipped</em> (with the
/// reason) elsewhere: xunit 2 reads <see cref="FactAttribute.Skip"/> from the attribute at discovery, so
/// setting it here is an honest skip. CI fails on any skipped test outside tests/machine-dependent.txt.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class MachineFactAttribute : FactAttribute
{
    /// <summary>A fact that needs <paramref name="needs"/>.</summary>
    /// <param name="needs">What the machine must have.</param>
    public MachineFactAttribute(params MachineNeed[] needs) => Skip = Machine.Lacks(needs);
}

/// <summary>The theory counterpart of <see cref="MachineFactAttribute"/>: every case is skipped, with the reason, on a machine that lacks a need.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class MachineTheoryAttribute : TheoryAttribute
{
    /// <summary>A theory that needs <paramref name="needs"/>.</summary>
    /// <param name="needs">What the machine must have.</param>
    public MachineTheoryAttribute(params MachineNeed[] needs) => Skip = Machine.Lacks(needs);
}
