// MapX in Microsoft.AspNetCore.Builder, as Microsoft's own packages place it: a host's Program.cs (whose implicit
// usings hold it) calls it without a using.
using InclusionModel.AspNetCore;
using Microsoft.AspNetCore.Routing;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// Maps the endpoints of docs/interchange-contract.md §8 into a host's own app: each response body is the JSON
/// document the matching <c>inclusion</c> command prints with <c>--format json</c>.
/// </summary>
public static class InclusionModelEndpointsExtensions
{
    /// <summary>
    /// Maps <c>GET /programs</c>, <c>GET /programs/{id}</c>, <c>POST /programs/check</c>, <c>POST /validate</c>,
    /// <c>POST /eligibility</c>, <c>POST /reports/{id}</c>, <c>POST /compare</c>, and <c>POST /transitions/check</c> under
    /// <paramref name="prefix"/>, and nothing else: the OpenAPI document (<c>MapOpenApi</c>) and health checks
    /// (<c>MapHealthChecks</c>) are the host's, at the addresses it chooses (docs/http.md). Authentication is the host's: add
    /// <c>RequireAuthorization()</c> to the group that is returned (docs/http.md shows it).
    /// </summary>
    /// <param name="endpoints">The host's endpoints.</param>
    /// <param name="prefix">Where to map them, for example <c>/inclusion</c>; default the root.</param>
    /// <returns>The group of endpoints.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="endpoints"/> is null.</exception>
    public static RouteGroupBuilder MapInclusionModel(this IEndpointRouteBuilder endpoints, string prefix = "")
        => InclusionModelEndpoints.MapInclusionModel(endpoints, prefix);
}
