using NodaTime;

namespace InclusionModel.Lifecycle;

/// <summary>What the Stateless guards see when a move is asked for: who, when, and the facts the guards read.</summary>
internal sealed record TransitionRequest(ParticipantStatus Status, LocalDate On, int? PlacesTaken, int? StudyDaysPerWeek);
