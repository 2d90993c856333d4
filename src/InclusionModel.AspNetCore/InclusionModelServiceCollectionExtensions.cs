// AddX in Microsoft.Extensions.DependencyInjection, as Microsoft's own packages place it: a host's Program.cs
// (whose implicit usings hold it) calls it without a using.
using InclusionModel.AspNetCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers what the InclusionModel endpoints need.</summary>
public static class InclusionModelServiceCollectionExtensions
{
    /// <summary>
    /// Adds the InclusionModel endpoints' services: their options, problem details (RFC 9457), the OpenAPI
    /// document and health checks. The library never reads the machine's clock: a request without <c>asOf</c> is
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
        services.AddProblemDetails(o => o.CustomizeProblemDetails += HttpProblems.Customize);
        services.AddOpenApi(OpenApiDescription.Configure);
        services.AddHealthChecks();
        services.AddSingleton<UploadGate>();
        return services;
    }
}
