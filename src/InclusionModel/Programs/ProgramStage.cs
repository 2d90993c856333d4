namespace InclusionModel.Programs;

/// <summary>The stages of a program's own lifecycle.</summary>
public enum ProgramStage
{
    /// <summary>Analysis and planning: the program does not enrol yet.</summary>
    Planning,

    /// <summary>Implementation: the program enrols and works with participants.</summary>
    Implementation,

    /// <summary>Closing: no new enrolments; the program winds down and reports.</summary>
    Closing,

    /// <summary>The program has ended.</summary>
    Closed,
}
