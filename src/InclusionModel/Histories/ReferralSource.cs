namespace InclusionModel.Histories;

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
