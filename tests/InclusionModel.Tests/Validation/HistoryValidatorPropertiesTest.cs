using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InclusionModel.Histories;
using InclusionModel.Testing;
using InclusionModel.Validation;

namespace InclusionModel.Tests.Validation;

public class HistoryValidatorPropertiesTest
{
    private static readonly HistoryValidator Validator = new();

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 1000)]
    public Property Validate_GeneratedValidHistory_HasNoViolation(GeneratedHistory generated)
    {
        var result = Validator.Validate(generated.History, generated.AsOf);
        return result.IsValid.Label(string.Join("; ", result.Violations));
    }
}
