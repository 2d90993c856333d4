using System.Reflection;
using System.Runtime.CompilerServices;
using InclusionModel.Programs;
using InclusionModel.Tests.Docs;

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
                && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit))
                && setter.GetBaseDefinition().DeclaringType == p.DeclaringType) // a Stream's Position is its base class's contract
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

    /// <summary>
    /// The library's concept folders from the bottom up (docs/embedding.md, "The house"): a folder's namespace is
    /// its folder's, and its code names only namespaces of its own layer or below. The root (texts, preconditions,
    /// ISO dates) is below everything. Programs, Histories, Lifecycle and Validation still form one layer: they
    /// refer to one another (a definition's phases and the lifecycle, the history reader and the definitions it
    /// checks phases against); splitting that layer (a Contract vocabulary below it) is the next step of issue 23.
    /// </summary>
    private static readonly string[][] Layers =
    [
        ["IO"],
        ["Privacy"],
        ["Programs", "Histories", "Lifecycle", "Validation"],
        ["Eligibility"],
        ["Reports"],
        ["Runs"],
        ["RuleChanges"],
    ];

    private static int LayerOf(string folder)
    {
        int layer = Array.FindIndex(Layers, l => l.Contains(folder));
        Assert.True(layer >= 0, $"src/InclusionModel/{folder} is a concept folder that DesignRulesTest.Layers does not place.");
        return layer;
    }

    [Fact]
    public void ConceptFolders_HaveTheirNamespace_AndDependOnlyDownward()
    {
        string source = EmbeddingSampleTest.RepositoryFile("src/InclusionModel");
        var wrong = new List<string>();
        foreach (string folder in Directory.GetDirectories(source).Select(Path.GetFileName).Where(f => f is not ("bin" or "obj" or "Catalogue"))!)
        {
            int layer = LayerOf(folder!);
            foreach (string file in Directory.GetFiles(Path.Combine(source, folder!), "*.cs"))
            {
                var code = File.ReadAllLines(file).Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal)).ToArray();
                if (!code.Contains($"namespace InclusionModel.{folder};"))
                {
                    wrong.Add($"{folder}/{Path.GetFileName(file)}: not in namespace InclusionModel.{folder}");
                }

                foreach (var used in code.SelectMany(l => System.Text.RegularExpressions.Regex.Matches(l, @"\bInclusionModel\.([A-Z][A-Za-z]*)\b")).Select(m => m.Groups[1].Value).Distinct())
                {
                    if (used != folder && Layers.Any(l => l.Contains(used)) && LayerOf(used) > layer)
                    {
                        wrong.Add($"{folder}/{Path.GetFileName(file)} uses InclusionModel.{used}, a layer above it");
                    }
                }
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public void TheRoot_DependsOnNoConceptFolder()
    {
        string source = EmbeddingSampleTest.RepositoryFile("src/InclusionModel");
        var uses = Directory.GetFiles(source, "*.cs")
            .SelectMany(file => File.ReadAllLines(file).Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal))
                .SelectMany(l => System.Text.RegularExpressions.Regex.Matches(l, @"\bInclusionModel\.([A-Z][A-Za-z]*)\b").Select(m => $"{Path.GetFileName(file)}: {m.Value}")))
            .Where(u => Layers.Any(l => l.Any(f => u.EndsWith("InclusionModel." + f, StringComparison.Ordinal))));
        Assert.Empty(uses);
    }

    [Theory]
    [InlineData(typeof(ProgramDefinition))]
    [InlineData(typeof(InclusionModel.Cli.CliApp))]
    [InlineData(typeof(InclusionModel.AspNetCore.InclusionModelHttpOptions))]
    public void Packages_MeetOnlyThroughPublicApi_NoInternalsVisibleToButTestsAndBenchmarks(Type ofPackage)
    {
        // The command and the HTTP package compile against the library's public API only (issue 23).
        var friends = ofPackage.Assembly.GetCustomAttributes<InternalsVisibleToAttribute>().Select(a => a.AssemblyName).ToArray();
        Assert.All(friends, f => Assert.Contains(f, new[] { "InclusionModel.Tests", "InclusionModel.Benchmarks" }));
    }

    [Theory]
    [InlineData(typeof(ProgramDefinition), "src/InclusionModel")]
    [InlineData(typeof(InclusionModel.Testing.HistoryGenerators), "src/InclusionModel.Testing")]
    [InlineData(typeof(InclusionModel.AspNetCore.InclusionModelHttpOptions), "src/InclusionModel.AspNetCore")]
    public void EveryPublicType_HasAFileOfItsOwnName(Type ofPackage, string folder)
    {
        // One type a file (issue 23): a reader finds a type by its name in the tree.
        var files = Directory.GetFiles(EmbeddingSampleTest.RepositoryFile(folder), "*.cs", SearchOption.AllDirectories)
            .Select(Path.GetFileNameWithoutExtension)
            .ToHashSet();
        var homeless = ofPackage.Assembly.GetExportedTypes()
            .Where(t => !t.IsNested)
            .Select(t => t.Name.Split('`')[0])
            .Where(name => !files.Contains(name))
            .ToArray();

        Assert.Empty(homeless);
    }
}
