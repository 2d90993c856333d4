// AddX in Microsoft.Extensions.DependencyInjection and MapX in Microsoft.AspNetCore.Builder, as Microsoft's own
// packages place them: a host's Program.cs (whose implicit usings hold both) calls them without a using.
using InclusionModel.AspNetCore;
using Microsoft.AspNetCore.Routing;
using NodaTime;

namespace Microsoft.Extensions.DependencyInjection
{
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
            => InclusionModelServices.AddInclusionModel(services, configure);
    }
}

namespace Microsoft.AspNetCore.Builder
{
    /// <summary>
    /// Maps the endpoints of docs/interchange-contract.md §8 into a host's own app: each response body is the JSON
    /// document the matching <c>inclusion</c> command prints with <c>--format json</c>.
    /// </summary>
    public static class InclusionModelEndpointsExtensions
    {
        /// <summary>
        /// Maps <c>GET /programs</c>, <c>GET /programs/{id}</c>, <c>POST /programs/check</c>, <c>POST /validate</c>,
        /// <c>POST /eligibility</c>, <c>POST /reports/{id}</c>, <c>POST /compare</c>, <c>POST /transitions/check</c>, <c>GET /health</c>
        /// and <c>GET /openapi/v1.json</c> under <paramref name="prefix"/>. Authentication is the host's: add
        /// <c>RequireAuthorization()</c> to the group that is returned (docs/http.md shows it).
        /// </summary>
        /// <param name="endpoints">The host's endpoints.</param>
        /// <param name="prefix">Where to map them, for example <c>/inclusion</c>; default the root.</param>
        /// <returns>The group of endpoints.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="endpoints"/> is null.</exception>
        public static RouteGroupBuilder MapInclusionModel(this IEndpointRouteBuilder endpoints, string prefix = "")
            => InclusionModelEndpointRouteBuilderExtensions.MapInclusionModel(endpoints, prefix);
    }
}
