using System.Collections.Immutable;

namespace InclusionModel.Programs;

/// <summary>The result of loading a program definition: the definition, or every problem found (never both).</summary>
public sealed class ProgramLoadResult
{
    private readonly string? _id;

    private ProgramLoadResult(ProgramDefinition? program, ImmutableArray<ProgramDefinitionProblem> problems, string? id)
    {
        Program = program;
        Problems = problems;
        _id = id;
    }

    /// <summary>Whether the definition loaded and passed validation.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Program))]
    public bool Success => Program is not null;

    /// <summary>The definition; <c>null</c> when loading failed.</summary>
    public ProgramDefinition? Program { get; }

    /// <summary>Every problem found, each with its JSON path (and line, when read from a file); empty on success.</summary>
    public ImmutableArray<ProgramDefinitionProblem> Problems { get; }

    /// <summary>Returns the definition, or throws one exception listing every problem.</summary>
    /// <returns>The definition.</returns>
    /// <exception cref="InvalidProgramDefinitionException">The definition did not load.</exception>
    public ProgramDefinition GetValueOrThrow()
        => Program ?? throw new InvalidProgramDefinitionException(string.IsNullOrEmpty(_id) ? "(no id)" : _id, Problems);

    internal static ProgramLoadResult Loaded(ProgramDefinition program) => new(program, [], program.Id);

    internal static ProgramLoadResult Failed(ImmutableArray<ProgramDefinitionProblem> problems, string? id) => new(null, problems, id);
}
