using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace InclusionModel.Programs;

/// <summary>
/// The programs a validation can refer to, by id: the built-in catalogue, possibly with definitions of
/// the caller's own. Immutable and safe to share across threads.
/// </summary>
public sealed class ProgramSet
{
    private const int MaxIdentityLookups = 16;

    private readonly FrozenDictionary<string, ProgramDefinition> _byId;

    // Ids are usually the very string instances of the definitions (readers share them): comparing
    // references first spares hashing the id for every record.
    private readonly ProgramDefinition[] _identityLookups;

    private ProgramSet(FrozenDictionary<string, ProgramDefinition> byId)
    {
        _byId = byId;
        _identityLookups = byId.Count <= MaxIdentityLookups ? [.. byId.Values] : [];
    }

    /// <summary>A set with no programs.</summary>
    public static ProgramSet Empty { get; } = new(FrozenDictionary<string, ProgramDefinition>.Empty);

    /// <summary>The programs, ordered by id.</summary>
    public IReadOnlyList<ProgramDefinition> All => [.. _byId.Values.OrderBy(p => p.Id, StringComparer.Ordinal)];

    /// <summary>The number of programs.</summary>
    public int Count => _byId.Count;

    /// <summary>Creates a set of <paramref name="programs"/>.</summary>
    /// <param name="programs">The programs; ids must be unique.</param>
    /// <returns>The set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="programs"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">Two programs share an id.</exception>
    public static ProgramSet Of(IEnumerable<ProgramDefinition> programs)
    {
        Preconditions.CheckNotNull(programs);
        var byId = new Dictionary<string, ProgramDefinition>(StringComparer.Ordinal);
        foreach (var program in programs)
        {
            Preconditions.CheckNotNull(program);
            Preconditions.CheckArgument(byId.TryAdd(program.Id, program), nameof(programs), $"Program id '{program.Id}' is used twice.");
        }

        return new ProgramSet(byId.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>
    /// This set with <paramref name="programs"/> added; a program whose id is already in the set replaces
    /// the one there (so a municipality can adjust a catalogue program in a file of its own).
    /// </summary>
    /// <param name="programs">The programs to add.</param>
    /// <returns>The new set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="programs"/> or one of them is null.</exception>
    public ProgramSet With(IEnumerable<ProgramDefinition> programs)
    {
        Preconditions.CheckNotNull(programs);
        var byId = new Dictionary<string, ProgramDefinition>(_byId, StringComparer.Ordinal);
        foreach (var program in programs)
        {
            byId[Preconditions.CheckNotNull(program).Id] = program;
        }

        return new ProgramSet(byId.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>Finds the program with id <paramref name="id"/>.</summary>
    /// <param name="id">A program id.</param>
    /// <param name="program">The program, when found.</param>
    /// <returns><c>true</c> when found.</returns>
    public bool TryGet(string? id, [NotNullWhen(true)] out ProgramDefinition? program)
    {
        if (id is null)
        {
            program = null;
            return false;
        }

        foreach (var candidate in _identityLookups)
        {
            if (ReferenceEquals(candidate.Id, id))
            {
                program = candidate;
                return true;
            }
        }

        return _byId.TryGetValue(id, out program);
    }

    /// <summary>Every program id and phase id of the set, for readers that share these strings.</summary>
    internal IEnumerable<string> Names => _byId.Values.SelectMany(p => p.Phases.Select(ph => ph.Id).Prepend(p.Id));

    /// <summary>The program with id <paramref name="id"/>.</summary>
    /// <param name="id">A program id.</param>
    /// <returns>The program.</returns>
    /// <exception cref="KeyNotFoundException">No program has that id.</exception>
    public ProgramDefinition Get(string id)
        => TryGet(id, out var program) ? program : throw new KeyNotFoundException($"No program has the id '{Privacy.PersonalIdentityNumbers.SafeToQuote(id ?? "")}'.");
}
