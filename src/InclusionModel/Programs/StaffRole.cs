namespace InclusionModel.Programs;

/// <summary>A staff role of a program (coach, bridge builder …): a role, never a named person.</summary>
/// <param name="Role">The role id, kebab-case (<c>coach</c>, <c>bridge-builder</c>, <c>matcher</c>, <c>staff</c>).</param>
/// <param name="Count">How many people hold the role, or <c>null</c> when not stated.</param>
/// <param name="PerMunicipality">Whether <paramref name="Count"/> is per participating municipality rather than for the whole program.</param>
/// <param name="Description">What the role does, or <c>null</c>: a plain text, the same in every language (see <see cref="LocalizedDescription"/>).</param>
public sealed record StaffRole(string Role, int? Count = null, bool PerMunicipality = false, string? Description = null)
{
    /// <summary>What the role does in every language given, or <c>null</c>; set a text per language with <c>with { LocalizedDescription = … }</c>.</summary>
    public LocalizedText? LocalizedDescription { get; init; } = Description;

    /// <summary>What the role does in <see cref="System.Globalization.CultureInfo.CurrentUICulture"/>, or <c>null</c>.</summary>
    public string? Description
    {
        get => LocalizedDescription?.ToString();
        init => LocalizedDescription = value;
    }
}
