namespace InclusionModel.Histories;

/// <summary>Why participation is paused. Only the category is kept: never a diagnosis or a note.</summary>
public enum PauseReason : byte
{
    /// <summary><c>sick-leave</c>.</summary>
    SickLeave = 0,

    /// <summary><c>parental-leave</c>.</summary>
    ParentalLeave,

    /// <summary><c>other</c>.</summary>
    Other,
}
