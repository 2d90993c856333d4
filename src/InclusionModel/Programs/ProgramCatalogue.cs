namespace InclusionModel.Programs;

/// <summary>
/// The built-in catalogue: the programs of the source texts (docs/domain.md), shipped inside the package as
/// JSON definitions (embedded resources in the same format a municipality uses for its own programs).
/// </summary>
public static class ProgramCatalogue
{
    private const string ResourcePrefix = "InclusionModel.Catalogue.";

    private static readonly Lazy<ProgramSet> Programs = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The ids of the built-in programs.</summary>
    public static IReadOnlyList<string> Ids => [.. BuiltIn.All.Select(p => p.Id)];

    /// <summary>The built-in programs as a set.</summary>
    /// <exception cref="InvalidProgramDefinitionException">A built-in definition is invalid (a packaging defect; the test suite guards against it).</exception>
    public static ProgramSet BuiltIn => Programs.Value;

    private static ProgramSet Load()
    {
        var assembly = typeof(ProgramCatalogue).Assembly;
        var definitions = new List<ProgramDefinition>();
        foreach (string name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"Catalogue resource '{name}' is missing.");
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            var result = ProgramDefinitionJson.Parse(memory.ToArray(), null, checkRules: false);
            if (!result.Success)
            {
                throw new InvalidProgramDefinitionException(name[ResourcePrefix.Length..], result.Problems);
            }

            definitions.Add(result.Program!);
        }

        return ProgramSet.Of(definitions);
    }
}
