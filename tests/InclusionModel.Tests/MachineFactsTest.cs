using System.Reflection;
using InclusionModel.Tests.Docs;

namespace InclusionModel.Tests;

/// <summary>The list CI reads (tests/machine-dependent.txt) and the tests that may be skipped are the same.</summary>
public class MachineFactsTest
{
    [Fact]
    public void MachineDependentList_NamesExactlyTheMachineFactsAndTheories()
    {
        var listed = File.ReadAllLines(EmbeddingSampleTest.RepositoryFile("tests/machine-dependent.txt"))
            .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).Order(StringComparer.Ordinal);
        var marked = typeof(MachineFactsTest).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttribute<MachineFactAttribute>() is not null || m.GetCustomAttribute<MachineTheoryAttribute>() is not null)
            .Select(m => $"{m.DeclaringType!.FullName}.{m.Name}").Order(StringComparer.Ordinal);

        Assert.Equal(marked, listed);
    }

    [Fact]
    public void NoTest_IsSkippedUnconditionally()
    {
        var skipped = typeof(MachineFactsTest).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttributes<FactAttribute>().Any(f => f is not MachineFactAttribute and not MachineTheoryAttribute && f.Skip is not null))
            .Select(m => m.Name);

        Assert.Empty(skipped);
    }
}
