using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace InclusionModel.AspNetCore;

/// <summary>
/// What the OpenAPI document says beyond the endpoints' metadata: no <c>servers</c> (the generator would copy
/// them from the request's Host header: a document that repeats what the caller sent), and the query's dates as
/// <c>format: date</c>.
/// </summary>
internal static class OpenApiDescription
{
    private static readonly HashSet<string> Dates = new(StringComparer.Ordinal) { "asOf", "from", "to" };

    internal static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Servers = [];
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, _, _) =>
        {
            foreach (var parameter in operation.Parameters ?? [])
            {
                if (parameter.Name is { } name && Dates.Contains(name) && parameter.Schema is OpenApiSchema schema)
                {
                    schema.Format = "date";
                }
            }

            return Task.CompletedTask;
        });
    }
}
