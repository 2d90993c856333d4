namespace InclusionModel.Programs;

/// <summary>A program's budget as its source states it.</summary>
/// <param name="Amount">The amount, above zero.</param>
/// <param name="Currency">The ISO 4217 currency code, for example <c>SEK</c>.</param>
public readonly record struct Budget(decimal Amount, string Currency)
{
    /// <inheritdoc />
    public override string ToString() => $"{Amount.ToString("#,0.##", System.Globalization.CultureInfo.InvariantCulture)} {Currency}";
}
