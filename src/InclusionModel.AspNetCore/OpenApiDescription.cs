using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace InclusionModel.AspNetCore;

/// <summary>
/// What the OpenAPI document says beyond the endpoints' metadata: no <c>servers</c> (the generator would copy
/// them from the request's Host header: a document that repeats what the caller sent), and the query's dates as
/// <c>format: date</c>, and a workbook answer as a binary string.
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
            // A workbook is bytes: its schema is a binary string, not the JSON document's.
            foreach (var response in operation.Responses?.Values ?? Enumerable.Empty<IOpenApiResponse>())
            {
                if (response.Content is { } content && content.TryGetValue(Workbooks.WorkbookWriter.MediaType, out var workbook))
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
        });
    }
}
