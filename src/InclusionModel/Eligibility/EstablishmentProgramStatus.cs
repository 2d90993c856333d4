namespace InclusionModel.Eligibility;

/// <summary>A person's relation to the establishment program (etableringsprogrammet).</summary>
public enum EstablishmentProgramStatus
{
    /// <summary>Never in it.</summary>
    None,

    /// <summary>Taking part now.</summary>
    Participating,

    /// <summary>Completed it.</summary>
    Completed,

    /// <summary>Left it before completing it.</summary>
    LeftEarly,
}
