using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace InclusionModel.AspNetCore;

/// <summary>
/// Which document a request's <c>Accept</c> asks for where an endpoint answers two (issue 24: a report or a
/// comparison as JSON or as a workbook). JSON is the default: the workbook is answered only when <c>Accept</c>
/// names its media type with a quality above that of every range JSON matches (<c>application/json</c>,
/// <c>application/*</c>, <c>*/*</c>); a tie, no <c>Accept</c>, or one that cannot be read, is JSON.
/// </summary>
internal static class ContentNegotiation
{
    /// <summary>Whether the request asks for the workbook rather than JSON.</summary>
    internal static bool WantsWorkbook(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted) || accepted.Count == 0)
        {
            return false;
        }

        double workbook = Quality(accepted, Workbooks.WorkbookWriter.MediaType);
        double json = Quality(accepted, "application/json");
        return workbook > 0 && workbook > json;
    }

    /// <summary>The quality the list gives <paramref name="mediaType"/>: that of its most specific matching range (RFC 9110 §12.5.1), 0 where none matches.</summary>
    private static double Quality(IList<MediaTypeHeaderValue> accepted, string mediaType)
    {
        var wanted = new MediaTypeHeaderValue(mediaType);
        MediaTypeHeaderValue? best = null;
        foreach (var range in accepted)
        {
            if (wanted.IsSubsetOf(range) && (best is null || Specificity(range) > Specificity(best)))
            {
                best = range;
            }
        }

        return best is null ? 0 : best.Quality ?? 1;
    }

    private static int Specificity(MediaTypeHeaderValue range) => range.MatchesAllTypes ? 0 : range.MatchesAllSubTypes ? 1 : 2;
}
