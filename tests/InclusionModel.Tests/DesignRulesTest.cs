using System.Reflection;
using System.Runtime.CompilerServices;
using InclusionModel.Programs;

namespace InclusionModel.Tests;

/// <summary>Rules that hold across the whole library, checked by reflection (the NodaTime practice).</summary>
public class DesignRulesTest
{
    private static readonly Type[] PublicTypes = typeof(ProgramDefinition).Assembly.GetExportedTypes();

    private static readonly Type[] AllTypes = typeof(ProgramDefinition).Assembly.GetTypes()
        .Where(t => t.GetCustomAttribute<CompilerGeneratedAttribute>() is null)
        .ToArray();

    [Fact]
    public void PublicTypes_HaveNoPublicSetters()
    {
        var settable = PublicTypes
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(p => p.SetMethod is { IsPublic: true } setter
                && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)))
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}");

        Assert.Empty(settable);
    }

    [Fact]
    public void PublicTypes_HaveNoMutablePublicFields()
    {
        var fields = PublicTypes
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(f => !f.IsInitOnly && !f.IsLiteral && !f.DeclaringType!.IsEnum)
            .Select(f => $"{f.DeclaringType!.Name}.{f.Name}");

        Assert.Empty(fields);
    }

    [Theory]
    [InlineData("ethnic")]
    [InlineData("nationality")]
    [InlineData("countryofbirth")]
    [InlineData("personnummer")]
    [InlineData("identitynumber")]
    [InlineData("samordningsnummer")]
    public void NoTypeHoldsSpecialCategoryOrIdentityData(string forbidden)
    {
        // No property or field anywhere in the library may carry ethnicity, nationality or an identity number.
        var members = AllTypes
            .SelectMany(t => t.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m is PropertyInfo or FieldInfo)
            .Where(m => m.Name.Replace("_", "").Contains(forbidden, StringComparison.OrdinalIgnoreCase))
            .Where(m => m.GetCustomAttribute<CompilerGeneratedAttribute>() is null)
            .Where(m => m.Name != "ParticipantLooksLikeIdentityNumber") // the flag that an id must be refused, not a number
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}");

        Assert.Empty(members);
    }
}
