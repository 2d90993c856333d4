using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using InclusionModel.IO;
using InclusionModel.Workbooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace InclusionModel.AspNetCore;

/// <summary>
/// The typed results of the endpoints (issue 23): each handler's return type (<c>Results&lt;…&gt;</c> of these) names
/// every answer it gives, and each of these types puts its status, schema and media types into the endpoint's
/// metadata (<see cref="IEndpointMetadataProvider"/>), so the OpenAPI document is read from the handlers' signatures,
/// not from a list kept beside them.
/// </summary>
internal interface IProblemStatus
{
    /// <summary>The status of the problem.</summary>
    static abstract int Code { get; }
}

/// <summary>400: a query or body that cannot be read.</summary>
internal readonly struct Status400 : IProblemStatus
{
    public static int Code => StatusCodes.Status400BadRequest;
}

/// <summary>404: an unknown program.</summary>
internal readonly struct Status404 : IProblemStatus
{
    public static int Code => StatusCodes.Status404NotFound;
}

/// <summary>413: a body over its limit.</summary>
internal readonly struct Status413 : IProblemStatus
{
    public static int Code => StatusCodes.Status413PayloadTooLarge;
}

/// <summary>415: another content type.</summary>
internal readonly struct Status415 : IProblemStatus
{
    public static int Code => StatusCodes.Status415UnsupportedMediaType;
}

/// <summary>A problem document (RFC 9457) of one status, written as <see cref="TypedResults.Problem(ProblemDetails)"/> writes it.</summary>
/// <typeparam name="TStatus">Its status.</typeparam>
internal sealed class Problem<TStatus>(ProblemHttpResult problem) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult
    where TStatus : IProblemStatus
{
    public int? StatusCode => TStatus.Code;

    public Task ExecuteAsync(HttpContext httpContext) => problem.ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
        => builder.Metadata.Add(new ProducesResponseTypeMetadata(TStatus.Code, typeof(ProblemDetails), ["application/problem+json"]));
}

/// <summary>What a 200 answer holds: its schema and media types.</summary>
internal interface IDocumentShape
{
    /// <summary>The type whose schema the document has.</summary>
    static abstract Type Schema { get; }

    /// <summary>The media types it is answered in.</summary>
    static abstract string[] MediaTypes { get; }
}

/// <summary>A JSON array (the programs).</summary>
internal readonly struct JsonList : IDocumentShape
{
    public static Type Schema => typeof(JsonArray);

    public static string[] MediaTypes => ["application/json"];
}

/// <summary>A JSON document (the command's <c>--format json</c>).</summary>
internal readonly struct JsonDocumentShape : IDocumentShape
{
    public static Type Schema => typeof(JsonObject);

    public static string[] MediaTypes => ["application/json"];
}

/// <summary>A JSON document, or the workbook of <c>--format xlsx</c> to a request that prefers it.</summary>
internal readonly struct JsonOrWorkbook : IDocumentShape
{
    public static Type Schema => typeof(JsonObject);

    public static string[] MediaTypes => ["application/json", WorkbookWriter.MediaType];
}

/// <summary>The answer of <c>POST /transitions/check</c>.</summary>
internal readonly struct TransitionCheck : IDocumentShape
{
    public static Type Schema => typeof(TransitionCheckEndpoint.TransitionCheckAnswer);

    public static string[] MediaTypes => ["application/json"];
}

/// <summary>
/// A 200 answer: bytes in memory (a small document), or a spooled document copied to the response asynchronously
/// and then released.
/// </summary>
/// <typeparam name="TShape">Its schema and media types, for the OpenAPI document.</typeparam>
internal sealed class Document<TShape> : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IContentTypeHttpResult
    where TShape : IDocumentShape
{
    private readonly byte[]? _bytes;
    private readonly Spool? _spool;
    private readonly string? _language;

    /// <summary>A JSON document held in memory.</summary>
    internal Document(byte[] bytes)
        => (_bytes, ContentType) = (bytes, "application/json");

    /// <summary>A spooled document.</summary>
    /// <param name="spool">The document.</param>
    /// <param name="contentType">Its media type: JSON unless it is a workbook.</param>
    /// <param name="language">The language its headings are in (<c>Content-Language</c>), for a document whose words follow the request's language.</param>
    internal Document(Spool spool, string contentType = "application/json", string? language = null)
        => (_spool, ContentType, _language) = (spool, contentType, language);

    public int? StatusCode => StatusCodes.Status200OK;

    public string? ContentType { get; }

    /// <summary>A workbook (issue 24), in the request's language, from an endpoint that answers JSON too: caches keep the two apart by <c>Accept</c> and <c>Accept-Language</c>.</summary>
    internal static Document<TShape> Workbook(Spool spool)
        => new(spool, WorkbookWriter.MediaType, CultureInfo.CurrentUICulture.Name.StartsWith("sv", StringComparison.OrdinalIgnoreCase) ? "sv" : "en");

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
        => builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, TShape.Schema, TShape.MediaTypes));

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        if (_bytes is not null)
        {
            await TypedResults.Bytes(_bytes, ContentType).ExecuteAsync(httpContext).ConfigureAwait(false);
            return;
        }

        using (_spool)
        {
            if (_language is not null)
            {
                httpContext.Response.Headers.ContentLanguage = _language;
                httpContext.Response.Headers.Vary = "Accept, Accept-Language";
            }

            httpContext.Response.ContentType = ContentType;
            httpContext.Response.ContentLength = _spool!.Length;
            await using var read = _spool.OpenRead();
            await read.CopyToAsync(httpContext.Response.Body, httpContext.RequestAborted).ConfigureAwait(false);
        }
    }
}
