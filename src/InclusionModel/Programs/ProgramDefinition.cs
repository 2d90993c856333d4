using System.Collections.Immutable;
using InclusionModel.Lifecycle;

namespace InclusionModel.Programs;

/// <summary>
/// A labour-market inclusion program (arbetsmarknadspolitiskt projekt): its id, its participant
/// phases in order, its enrolment window and its places.
/// </summary>
/// <remarks>
/// A definition is immutable, checked when it is created (an invalid one never reaches the engine) and
/// safe to share across threads. Its <see cref="Lifecycle"/> is built once, on first use.
/// </remarks>
public sealed class ProgramDefinition
{
    private readonly Lazy<ProgramLifecycle> _lifecycle;
    private readonly string[] _phaseIds;

    private ProgramDefinition(string id, string name, ImmutableArray<PhaseDefinition> phases, EnrolmentWindow enrolmentWindow, int? places)
    {
        Id = id;
        Name = name;
        Phases = phases;
        EnrolmentWindow = enrolmentWindow;
        Places = places;
        _phaseIds = [.. phases.Select(p => p.Id)];
        _lifecycle = new Lazy<ProgramLifecycle>(() => new ProgramLifecycle(this), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The program id, kebab-case (for example <c>eskilstuna-romane-bucha</c>).</summary>
    public string Id { get; }

    /// <summary>The program's name as its owner writes it (usually Swedish).</summary>
    public string Name { get; }

    /// <summary>The participant phases in program order; never empty.</summary>
    public ImmutableArray<PhaseDefinition> Phases { get; }

    /// <summary>The dates between which the program enrols (inskrivning); unbounded where the source states none.</summary>
    public EnrolmentWindow EnrolmentWindow { get; }

    /// <summary>How many participants the program may enrol in total (platser), or <c>null</c> when not stated.</summary>
    public int? Places { get; }

    /// <summary>The program's participant lifecycle: one state machine definition, built once and shared.</summary>
    public ProgramLifecycle Lifecycle => _lifecycle.Value;

    /// <summary>Creates a program definition and checks it.</summary>
    /// <param name="id">The program id.</param>
    /// <param name="name">The program's name.</param>
    /// <param name="phases">The phases in program order.</param>
    /// <param name="enrolmentWindow">The enrolment window; default unbounded.</param>
    /// <param name="places">The total places, or <c>null</c> when not stated.</param>
    /// <returns>The definition.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidProgramDefinitionException">The definition breaks a rule; the exception lists every failure.</exception>
    public static ProgramDefinition Create(
        string id,
        string name,
        IEnumerable<PhaseDefinition> phases,
        EnrolmentWindow enrolmentWindow = default,
        int? places = null)
    {
        Preconditions.CheckNotNull(id);
        Preconditions.CheckNotNull(name);
        Preconditions.CheckNotNull(phases);
        var phaseArray = phases.ToImmutableArray();
        Preconditions.CheckArgument(phaseArray.All(p => p is not null), nameof(phases), "A phase is null.");
        var definition = new ProgramDefinition(id, name, phaseArray, enrolmentWindow, places);
        var result = ProgramDefinitionValidator.Instance.Validate(definition);
        if (!result.IsValid)
        {
            throw new InvalidProgramDefinitionException(id, result.Errors.Select(ProgramDefinitionProblem.From).ToImmutableArray());
        }

        return definition;
    }

    /// <summary>Creates a definition without checking it; only for callers that validate it themselves.</summary>
    internal static ProgramDefinition CreateUnchecked(string id, string name, ImmutableArray<PhaseDefinition> phases, EnrolmentWindow window, int? places)
        => new(id, name, phases, window, places);

    /// <summary>The index of the phase with id <paramref name="phaseId"/>, or -1 when the program has no such phase.</summary>
    /// <param name="phaseId">A phase id.</param>
    /// <returns>The 0-based index in <see cref="Phases"/>, or -1.</returns>
    public int IndexOfPhase(string? phaseId)
    {
        var ids = _phaseIds;
        for (int i = 0; i < ids.Length; i++)
        {
            string id = ids[i];
            if (ReferenceEquals(id, phaseId) || string.Equals(id, phaseId, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <inheritdoc />
    public override string ToString() => Id;
}
