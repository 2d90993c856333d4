using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InclusionModel.AspNetCore;

/// <summary>
/// Problem documents (RFC 9457) in the request's language that echo nothing of the request: no path, no
/// header, no instance. The endpoints' own problems carry their texts; a problem the framework writes for one of
/// them (a 415 from routing, a 400 from parameter binding, a 500 from an exception handler) gets a title and
/// detail by its status here. A host that sets <see cref="InclusionModelHttpOptions.ShapesEveryProblem"/> (as
/// <c>inclusion serve</c> does) has every problem document of its own shaped the same way.
/// </summary>
internal static class HttpProblems
{
    /// <summary>Marks the endpoints of <c>MapInclusionModel</c>, so that only their problems are shaped in a host of other endpoints.</summary>
    internal sealed class Marker;

    /// <summary>A problem document with a title and detail from <see cref="Texts"/> in the request's language.</summary>
    internal static ProblemHttpResult Problem(int status, string titleKey, string detail)
        => TypedResults.Problem(title: Texts.Get(titleKey), detail: detail, statusCode: status);

    /// <summary>A problem document of <typeparamref name="TStatus"/> with a title and detail from <see cref="Texts"/> in the request's language.</summary>
    internal static Problem<TStatus> Problem<TStatus>(string titleKey, string detail)
        where TStatus : IProblemStatus
        => new(Problem(TStatus.Code, titleKey, detail));

    /// <summary>A problem document whose title and detail are the status's own texts.</summary>
    internal static ProblemHttpResult Status(int status)
        => TypedResults.Problem(title: Title(status), detail: Detail(status), statusCode: status);

    /// <summary><c>ProblemDetailsOptions.CustomizeProblemDetails</c>: for this package's endpoints (or every request, when the host asks).</summary>
    internal static void Customize(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        bool every = http.RequestServices.GetService<IOptions<InclusionModelHttpOptions>>()?.Value.ShapesEveryProblem ?? false;
        if (!every && http.GetEndpoint()?.Metadata.GetMetadata<Marker>() is null)
        {
            return;
        }

        var problem = context.ProblemDetails;
        problem.Instance = null; // the path is the request's: never repeated
        problem.Extensions.Remove("errors"); // binding errors may quote the query
        if (problem.Detail is not null)
        {
            return; // one of the endpoints' own problems, already in the request's language
        }

        var culture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = RequestLanguage.Of(http);
            int status = problem.Status ?? http.Response.StatusCode;
            problem.Title = Title(status);
            problem.Detail = Detail(status);
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    private static string Title(int status)
        => status is 400 or 401 or 403 or 404 or 405 or 408 or 413 or 414 or 415 or 431 or 500 or 503
            ? Texts.Get($"http.title.{status.ToString(CultureInfo.InvariantCulture)}")
            : Texts.Get("http.title.other");

    private static string? Detail(int status)
        => status is 400 or 401 or 403 or 404 or 405 or 413 or 415 or 500
            ? Texts.Get($"http.detail.{status.ToString(CultureInfo.InvariantCulture)}")
            : null;
}
