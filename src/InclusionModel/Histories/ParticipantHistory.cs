using System.Collections.Immutable;
using NodaTime;

namespace InclusionModel.Histories;

/// <summary>
/// One participant's history in one program (one line of the NDJSON format of docs/interchange-contract.md §1): a
/// pseudonymous id, the program, the few descriptive fields the reports use, and the events in recorded order.
/// </summary>
/// <remarks>
/// There is no ethnicity, nationality or identity-number field, by design (docs/domain.md, Privacy).
/// <see cref="ToString"/> never shows the participant id.
/// </remarks>
public sealed record ParticipantHistory
{
    /// <summary>The longest participant id the contract allows.</summary>
    public const int MaxParticipantLength = 64;

    private ParticipantHistory(string participant, string program, Gender gender, LocalDate? birthDate, EducationLevel? educationLevel, ImmutableArray<HistoryEvent> events)
    {
        Participant = participant;
        Program = program;
        Gender = gender;
        BirthDate = birthDate;
        EducationLevel = educationLevel;
        Events = events;
        ParticipantLooksLikeIdentityNumber = Privacy.PersonalIdentityNumbers.HoldsOne(participant);
    }

    /// <summary>Whether the id breaks <c>pii-in-identifier</c>; found once, when the history is made.</summary>
    internal bool ParticipantLooksLikeIdentityNumber { get; }

    /// <summary>The pseudonymous participant id, 1–64 characters.</summary>
    public string Participant { get; }

    /// <summary>The id of the program the history belongs to.</summary>
    public string Program { get; }

    /// <summary>The participant's own answer to the gender question; <see cref="Gender.Unspecified"/> when absent.</summary>
    public Gender Gender { get; }

    /// <summary>The birth date, or <c>null</c> when not given; used for reports only.</summary>
    public LocalDate? BirthDate { get; }

    /// <summary>The highest completed education level, or <c>null</c> when unknown.</summary>
    public EducationLevel? EducationLevel { get; }

    /// <summary>The events in recorded order.</summary>
    public ImmutableArray<HistoryEvent> Events { get; }

    /// <summary>Creates a history.</summary>
    /// <remarks>
    /// An id that looks like a personal identity number is accepted here, as in an export, so that the
    /// validator can refuse it with <c>pii-in-identifier</c>; it is never shown by <see cref="ToString"/>.
    /// </remarks>
    /// <param name="participant">The pseudonymous id, 1–64 characters.</param>
    /// <param name="program">The program id.</param>
    /// <param name="events">The events in recorded order.</param>
    /// <param name="gender">The gender answer; default unspecified.</param>
    /// <param name="birthDate">The birth date, or <c>null</c>.</param>
    /// <param name="educationLevel">The education level, or <c>null</c>.</param>
    /// <returns>The history.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The participant id is empty or longer than 64 characters, or an event is <c>default</c>.</exception>
    public static ParticipantHistory Create(
        string participant,
        string program,
        IEnumerable<HistoryEvent> events,
        Gender gender = Gender.Unspecified,
        LocalDate? birthDate = null,
        EducationLevel? educationLevel = null)
    {
        Preconditions.CheckNotNull(participant);
        Preconditions.CheckNotNull(program);
        Preconditions.CheckNotNull(events);
        Preconditions.CheckArgument(participant.Length is > 0 and <= MaxParticipantLength, nameof(participant), "A participant id has 1–64 characters.");
        var array = events.ToImmutableArray();
        Preconditions.CheckArgument(array.All(e => !e.IsDefault), nameof(events), "An event is default(HistoryEvent); create events with the HistoryEvent factories.");
        return new ParticipantHistory(participant, program, gender, birthDate, educationLevel, array);
    }

    internal static ParticipantHistory CreateTrusted(string participant, string program, Gender gender, LocalDate? birthDate, EducationLevel? educationLevel, ImmutableArray<HistoryEvent> events)
        => new(participant, program, gender, birthDate, educationLevel, events);

    /// <summary>This history with other events (same participant and fields).</summary>
    /// <param name="events">The new events.</param>
    /// <returns>The history.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="events"/> is null.</exception>
    /// <exception cref="ArgumentException">An event is <c>default</c>.</exception>
    public ParticipantHistory WithEvents(IEnumerable<HistoryEvent> events)
        => Create(Participant, Program, events, Gender, BirthDate, EducationLevel);

    /// <inheritdoc />
    public bool Equals(ParticipantHistory? other)
        => other is not null
            && Participant == other.Participant
            && Program == other.Program
            && Gender == other.Gender
            && BirthDate == other.BirthDate
            && EducationLevel == other.EducationLevel
            && Events.SequenceEqual(other.Events);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Participant, Program, Events.Length);

    /// <summary>A summary that never shows the participant id.</summary>
    /// <returns>The program and the number of events.</returns>
    public override string ToString() => $"history in {Program} with {Events.Length} events";
}
