using Microsoft.Extensions.Options;

namespace InclusionModel.AspNetCore;

/// <summary>
/// Checks <see cref="InclusionModelHttpOptions"/> when the host starts (<c>ValidateOnStart</c>), so that a limit
/// set to nothing (no upload allowed, a line limit of zero, an unknown language) stops the host at once with every
/// wrong option named, instead of answering every request with an error.
/// </summary>
internal sealed class InclusionModelHttpOptionsValidation : IValidateOptions<InclusionModelHttpOptions>
{
    public ValidateOptionsResult Validate(string? name, InclusionModelHttpOptions options)
    {
        var failures = new List<string>();
        if (options.Programs is null)
        {
            failures.Add("Programs must be set (ProgramCatalogue.BuiltIn by default).");
        }

        if (options.MaxBodyBytes <= 0)
        {
            failures.Add($"MaxBodyBytes must be above zero, was {options.MaxBodyBytes}.");
        }

        if (options.MaxTransitionCheckBytes <= 0)
        {
            failures.Add($"MaxTransitionCheckBytes must be above zero, was {options.MaxTransitionCheckBytes}.");
        }

        if (options.MaxLineBytes <= 0)
        {
            failures.Add($"MaxLineBytes must be above zero, was {options.MaxLineBytes}.");
        }

        if (options.MaxConcurrentUploads < 1)
        {
            failures.Add($"MaxConcurrentUploads must be at least 1, was {options.MaxConcurrentUploads}.");
        }

        if (options.MinBodyBytesPerSecond < 0)
        {
            failures.Add($"MinBodyBytesPerSecond cannot be negative, was {options.MinBodyBytesPerSecond}.");
        }

        if (options.MinBodyBytesPerSecond > 0 && options.BodyRateWindow <= TimeSpan.Zero)
        {
            failures.Add($"BodyRateWindow must be above zero while MinBodyBytesPerSecond is set, was {options.BodyRateWindow}.");
        }

        if (options.DefaultLanguage is not ("en" or "sv"))
        {
            failures.Add($"DefaultLanguage must be \"en\" or \"sv\", was \"{options.DefaultLanguage}\".");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
