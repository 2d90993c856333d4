// Beside AddOpenApi in Microsoft.Extensions.DependencyInjection: AddOpenApi(o => o.AddInclusionModel()) needs no using.
using InclusionModel.AspNetCore;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Describes the InclusionModel endpoints in the host's own OpenAPI document.</summary>
public static class InclusionModelOpenApiOptionsExtensions
{
    private static readonly HashSet<string> Dates = new(StringComparer.Ordinal) { "asOf", "from", "to" };

    /// <summary>
    /// Adds what the endpoints' metadata cannot say to their operations in the host's document, and to no other
    /// operation: the query's dates (<c>asOf</c>, <c>from</c>, <c>to</c>) as <c>format: date</c>, and the workbook
    /// answer of <c>/reports/{id}</c> and <c>/compare</c> as a binary string. The document is the host's:
    /// <c>builder.Services.AddOpenApi(o => o.AddInclusionModel())</c> and <c>app.MapOpenApi()</c>; the package adds
    /// neither. (The generator copies <c>servers</c> from the request's <c>Host</c> header; docs/http.md shows how a
    /// host leaves them out, as <c>inclusion serve</c> does.)
    /// </summary>
    /// <param name="options">The host's options of one OpenAPI document.</param>
    /// <returns>The options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public static OpenApiOptions AddInclusionModel(this OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.AddOperationTransformer(Describe);
    }

    private static Task Describe(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (!context.Description.ActionDescriptor.EndpointMetadata.OfType<HttpProblems.Marker>().Any())
        {
            return Task.CompletedTask; // the host's own operation
        }

        // A workbook is bytes: its schema is a binary string, not the JSON document's.
        foreach (var response in operation.Responses?.Values ?? Enumerable.Empty<IOpenApiResponse>())
        {
            if (response.Content is { } content && content.TryGetValue(InclusionModel.Workbooks.WorkbookWriter.MediaType, out var workbook))
            {
                workbook.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
            }
        }

        foreach (var parameter in operation.Parameters ?? [])
        {
            if (parameter.Name is { } name && Dates.Contains(name) && parameter.Schema is OpenApiSchema schema)
            {
                schema.Format = "date";
            }
        }

        return Task.CompletedTask;
    }
}
