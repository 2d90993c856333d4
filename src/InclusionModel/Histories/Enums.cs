namespace InclusionModel.Histories;

/// <summary>The participant's own answer to the gender question (never derived from an identity number).</summary>
public enum Gender : byte
{
    /// <summary><c>unspecified</c>: no answer, or the field is absent.</summary>
    Unspecified = 0,

    /// <summary><c>woman</c>.</summary>
    Woman,

    /// <summary><c>man</c>.</summary>
    Man,

    /// <summary><c>non-binary</c>.</summary>
    NonBinary,
}

/// <summary>The highest completed education level (Swedish SUN levels, with their ISCED bands).</summary>
public enum EducationLevel : byte
{
    /// <summary><c>none</c>: no completed schooling.</summary>
    None = 0,

    /// <summary><c>pre-upper-secondary</c> (förgymnasial, ISCED 0–2).</summary>
    PreUpperSecondary,

    /// <summary><c>upper-secondary</c> (gymnasial, ISCED 3–4).</summary>
    UpperSecondary,

    /// <summary><c>post-secondary</c> (eftergymnasial, ISCED 5–8).</summary>
    PostSecondary,
}

/// <summary>The event types of docs/interchange-contract.md §1.</summary>
public enum EventType : byte
{
    /// <summary><c>referred</c>: someone is referred to the program (anvisning, remiss).</summary>
    Referred = 0,

    /// <summary><c>assessed</c>: eligibility was assessed.</summary>
    Assessed,

    /// <summary><c>waitlisted</c>: eligible, but no place yet.</summary>
    Waitlisted,

    /// <summary><c>enrolled</c>: given a place (inskrivning).</summary>
    Enrolled,

    /// <summary><c>phase-started</c>: the participant starts a phase.</summary>
    PhaseStarted,

    /// <summary><c>paused</c>: participation is paused (uppehåll).</summary>
    Paused,

    /// <summary><c>resumed</c>: back to the phase that was paused.</summary>
    Resumed,

    /// <summary><c>activity</c>: something the participant did; changes no state.</summary>
    Activity,

    /// <summary><c>exited</c>: participation ends (avslut).</summary>
    Exited,

    /// <summary><c>followed-up</c>: the participant's situation some months after exit.</summary>
    FollowedUp,
}

/// <summary>Who referred the participant.</summary>
public enum ReferralSource : byte
{
    /// <summary><c>social-services</c> (socialtjänsten).</summary>
    SocialServices = 0,

    /// <summary><c>employment-service</c> (Arbetsförmedlingen).</summary>
    EmploymentService,

    /// <summary><c>self</c>: the participant came on their own.</summary>
    Self,

    /// <summary><c>other</c>.</summary>
    Other,
}

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

/// <summary>What kind of activity the participant did.</summary>
public enum ActivityKind : byte
{
    /// <summary><c>job-interview</c>.</summary>
    JobInterview = 0,

    /// <summary><c>course</c>.</summary>
    Course,

    /// <summary><c>internship</c> (praktik).</summary>
    Internship,

    /// <summary><c>cv</c>: CV writing.</summary>
    Cv,

    /// <summary><c>other</c>.</summary>
    Other,
}

/// <summary>The result of a job interview.</summary>
public enum InterviewResult : byte
{
    /// <summary><c>hired</c>.</summary>
    Hired = 0,

    /// <summary><c>not-hired</c>.</summary>
    NotHired,

    /// <summary><c>pending</c>.</summary>
    Pending,
}

/// <summary>Why participation ended.</summary>
public enum ExitReason : byte
{
    /// <summary><c>completed</c>: the participant went through the program.</summary>
    Completed = 0,

    /// <summary><c>early-exit</c>: left for a positive outcome before the last phase ended.</summary>
    EarlyExit,

    /// <summary><c>discontinued</c> (avbrott).</summary>
    Discontinued,

    /// <summary><c>moved</c>.</summary>
    Moved,

    /// <summary><c>other</c>.</summary>
    Other,
}

/// <summary>Where the participant went.</summary>
public enum Outcome : byte
{
    /// <summary><c>work</c>.</summary>
    Work = 0,

    /// <summary><c>studies</c>.</summary>
    Studies,

    /// <summary><c>job-seeking</c>.</summary>
    JobSeeking,

    /// <summary><c>other</c>.</summary>
    Other,

    /// <summary><c>unknown</c>.</summary>
    Unknown,
}

/// <summary>The form of employment of an outcome <c>work</c>.</summary>
public enum EmploymentForm : byte
{
    /// <summary><c>regular</c>.</summary>
    Regular = 0,

    /// <summary><c>subsidised</c> (for example nystartsjobb).</summary>
    Subsidised,

    /// <summary><c>hourly</c> (timvikariat).</summary>
    Hourly,

    /// <summary><c>seasonal</c> (for example sommarjobb).</summary>
    Seasonal,

    /// <summary><c>other</c>.</summary>
    Other,
}

/// <summary>The subsidy of a <c>subsidised</c> employment (docs/interchange-contract.md §1).</summary>
public enum Subsidy : byte
{
    /// <summary><c>nystartsjobb</c>.</summary>
    Nystartsjobb = 0,

    /// <summary><c>introduktionsjobb</c>.</summary>
    Introduktionsjobb,

    /// <summary><c>extratjanst</c> (extratjänst).</summary>
    Extratjanst,

    /// <summary><c>lonebidrag</c> (lönebidrag).</summary>
    Lonebidrag,

    /// <summary><c>other</c>.</summary>
    Other,
}
