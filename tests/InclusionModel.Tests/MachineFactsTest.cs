using System.Reflection;

namespace InclusionModel.Tests;

/// <summary>No test is ever skipped: one that needs something of the machine fails with the reason where it is lacking (<see cref="NeedsAttribute"/>).</summary>
public class MachineFactsTest
{
    [Fact]
    public void NoTest_IsSkipped()
    {
        var skipped = typeof(MachineFactsTest).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttributes<FactAttribute>().Any(f => f.Skip is not null))
            .Select(m => m.Name);

        Assert.Empty(skipped);
    }

}
