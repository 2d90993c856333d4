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
    /// its folder's, and its code names only types of its own layer or below. The root (texts, preconditions,
    /// ISO dates, display names) is below everything; <c>Contract</c> holds the interchange vocabulary every
    /// concept shares (rule ids, violations, trigger kinds, the contract's names of enum values).
    /// </summary>
    private static readonly string[] Layers =
        ["IO", "Privacy", "Contract", "Programs", "Histories", "Lifecycle", "Validation", "Eligibility", "Reports", "Runs", "RuleChanges"];

    private static int LayerOf(string folder)
    {
        int layer = Array.IndexOf(Layers, folder);
        Assert.True(layer >= 0, $"src/InclusionModel/{folder} is a concept folder that DesignRulesTest.Layers does not place.");
        return layer;
    }

    /// <summary>Each concept folder's files, their code without comments (a <c>cref</c> in a comment is not a dependency).</summary>
    private static IEnumerable<(string Folder, string File, string Code)> ConceptFiles()
    {
        string source = EmbeddingSampleTest.RepositoryFile("src/InclusionModel");
        foreach (string folder in Directory.GetDirectories(source).Select(Path.GetFileName).Where(f => f is not ("bin" or "obj" or "Catalogue"))!)
        {
            foreach (string file in Directory.GetFiles(Path.Combine(source, folder!), "*.cs"))
            {
                string code = string.Join('\n', File.ReadAllLines(file).Select(l => l.IndexOf("//", StringComparison.Ordinal) is int c and >= 0 && !l[..c].Contains('"') ? l[..c] : l));
                yield return (folder!, Path.GetFileName(file), code);
            }
        }
    }

    private static readonly System.Text.RegularExpressions.Regex Declaration =
        new(@"^(?:[a-z]+ )*(?:class|struct|record struct|record|enum|interface)\s+([A-Z][A-Za-z0-9]*)", System.Text.RegularExpressions.RegexOptions.Multiline);

    private static readonly System.Text.RegularExpressions.Regex Identifier = new(@"(?<![.\w])(?:InclusionModel\.)?([A-Z][A-Za-z0-9]*)(?:\.([A-Z][A-Za-z0-9]*))?");

    /// <summary>
    /// Names, not usings: a file that names a type declared (at the top level of a file) in a folder above its own depends on that folder,
    /// however it names it (<c>using</c>, <c>InclusionModel.Eligibility.X</c>, or a partly qualified <c>Eligibility.X</c>).
    /// The check reads the source, so it holds internal types as well as public ones.
    /// </summary>
    [Fact]
    public void ConceptFolders_HaveTheirNamespace_AndNameOnlyTypesOfTheirLayerOrBelow()
    {
        var files = ConceptFiles().ToList();
        var declaredIn = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (folder, _, code) in files)
        {
            foreach (System.Text.RegularExpressions.Match m in Declaration.Matches(code))
            {
                declaredIn.TryAdd(m.Groups[1].Value, folder);
            }
        }

        var wrong = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (folder, file, code) in files)
        {
            int layer = LayerOf(folder);
            if (!code.Contains($"namespace InclusionModel.{folder};", StringComparison.Ordinal))
            {
                wrong.Add($"{folder}/{file}: not in namespace InclusionModel.{folder}");
            }

            foreach (System.Text.RegularExpressions.Match m in Identifier.Matches(code))
            {
                string first = m.Groups[1].Value;
                string? above = Layers.Contains(first) && LayerOf(first) > layer && (m.Value.StartsWith("InclusionModel.", StringComparison.Ordinal) || declaredIn.ContainsKey(m.Groups[2].Value)) ? first
                    : declaredIn.TryGetValue(first, out var home) && LayerOf(home) > layer ? home
                    : null;
                if (above is not null)
                {
                    wrong.Add($"{folder}/{file} names {m.Value} of InclusionModel.{above}, a layer above it");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [Fact]
    public void TheRoot_DependsOnNoConceptFolder()
    {
        string source = EmbeddingSampleTest.RepositoryFile("src/InclusionModel");
        var uses = Directory.GetFiles(source, "*.cs")
            .SelectMany(file => File.ReadAllLines(file).Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal))
                .SelectMany(l => System.Text.RegularExpressions.Regex.Matches(l, @"\bInclusionModel\.([A-Z][A-Za-z]*)\b").Select(m => $"{Path.GetFileName(file)}: {m.Value}")))
            .Where(u => Layers.Any(f => u.EndsWith("InclusionModel." + f, StringComparison.Ordinal)));
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
