// AddX in Microsoft.Extensions.DependencyInjection, as Microsoft's own packages place it: a host's Program.cs
// (whose implicit usings hold it) calls it without a using.
using InclusionModel.AspNetCore;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers what the InclusionModel endpoints need.</summary>
public static class InclusionModelServiceCollectionExtensions
{
    /// <summary>
    /// Adds the InclusionModel endpoints' own services, and nothing of the host's: their options (checked when the
    /// host starts), the gate on uploads, and their part of the host's problem details (a title and detail in the
    /// request's language, nothing of the request repeated). Problem details (<c>AddProblemDetails</c>), the OpenAPI
    /// document (<c>AddOpenApi(o => o.AddInclusionModel())</c>) and health checks (<c>AddHealthChecks</c>) are the
    /// host's to add, once, for all its endpoints (docs/http.md). The library never reads the machine's clock: a request without <c>asOf</c> is
    /// dated by the <see cref="IClock"/> the host registers (NodaTime's system clock in a host's composition root,
    /// a <c>FakeClock</c> in a test); with none, such a request is answered 400.
    /// Map the endpoints with <see cref="Microsoft.AspNetCore.Builder.InclusionModelEndpointsExtensions.MapInclusionModel"/>.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configure">Sets the programs and limits; default the built-in catalogue and 1 GiB.</param>
    /// <returns>The services.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddInclusionModel(this IServiceCollection services, Action<InclusionModelHttpOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<InclusionModelHttpOptions>().Configure(o => configure?.Invoke(o)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InclusionModelHttpOptions>, InclusionModelHttpOptionsValidation>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<ProblemDetailsOptions>, ProblemShaping>());
        services.TryAddSingleton<UploadGate>();
        services.AddMetrics(); // the host's IMeterFactory, if it has none yet (TryAdd within)
        services.TryAddSingleton<EndpointMetrics>();
        return services;
    }
}
