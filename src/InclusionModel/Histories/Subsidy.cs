namespace InclusionModel.Histories;

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
