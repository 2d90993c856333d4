using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InclusionModel.AspNetCore;

/// <summary>
/// The language of a request (docs/interchange-contract.md §9), by ASP.NET Core's request localization within the
/// package's own endpoints: an endpoint filter of the group runs <see cref="RequestLocalizationMiddleware"/> with
/// the package's <see cref="RequestLocalizationOptions"/> around the handler, so <c>Accept-Language: sv</c> gives
/// Swedish texts and documents, and the request carries an <see cref="IRequestCultureFeature"/>. The host's own
/// pipeline and its own localization (if any) are left alone.
/// </summary>
/// <remarks>
/// The options: UI cultures <c>en</c> and <c>sv</c>; one provider, ASP.NET Core's <c>Accept-Language</c> provider
/// (up to three of the header's languages, by quality) with each tag taken as its language (<c>sv-FI</c> is
/// <c>sv</c>: under invariant globalization a culture has no parent to fall back to); the default
/// <see cref="InclusionModelHttpOptions.DefaultLanguage"/>. The formatting culture is
/// the invariant one: documents never follow the server's or the caller's number format.
/// </remarks>
internal sealed class RequestLanguage : IEndpointFilter
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv");

    private readonly IOptions<RequestLocalizationOptions> _localization;
    private readonly ILoggerFactory _logs;

    public RequestLanguage(IOptions<InclusionModelHttpOptions> options, ILoggerFactory logs)
    {
        _localization = Options.Create(For(options.Value.DefaultLanguage));
        _logs = logs;
    }

    /// <summary>The package's request localization, with <paramref name="defaultLanguage"/> (<c>en</c> or <c>sv</c>) for a request that names neither.</summary>
    internal static RequestLocalizationOptions For(string defaultLanguage) => new()
    {
        DefaultRequestCulture = new RequestCulture(CultureInfo.InvariantCulture, defaultLanguage == "sv" ? Swedish : English),
        SupportedCultures = [CultureInfo.InvariantCulture],
        SupportedUICultures = [English, Swedish],
        RequestCultureProviders = [new CustomRequestCultureProvider(LanguagesAskedAsync)],
    };

    /// <summary>What <c>Accept-Language</c> asks for, by ASP.NET Core's provider, each tag as its language.</summary>
    private static async Task<ProviderCultureResult?> LanguagesAskedAsync(HttpContext http)
        => await AcceptLanguage.DetermineProviderCultureResult(http).ConfigureAwait(false) is { } asked
            ? new ProviderCultureResult(asked.Cultures, asked.UICultures.Select(Language).ToList())
            : null;

    private static readonly AcceptLanguageHeaderRequestCultureProvider AcceptLanguage = new();

    private static Microsoft.Extensions.Primitives.StringSegment Language(Microsoft.Extensions.Primitives.StringSegment tag)
        => tag.IndexOf('-') is var dash and > 0 ? tag.Subsegment(0, dash) : tag;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        object? result = null;
        var localization = new RequestLocalizationMiddleware(async _ => result = await next(context).ConfigureAwait(false), _localization, _logs);
        await localization.Invoke(context.HttpContext).ConfigureAwait(false);
        return result;
    }

    /// <summary>
    /// The UI culture of a request: the one request localization chose (the package's filter, or the host's own
    /// <c>UseRequestLocalization</c>); for an answer that reached none (routing's 404 or 405, a host's 401), the same
    /// choice made here from the package's options, as the middleware makes it (the problem details hook that asks
    /// is synchronous): the first of up to three <c>Accept-Language</c> languages by quality that is one of the UI
    /// cultures, else the default.
    /// </summary>
    internal static CultureInfo Of(HttpContext http)
    {
        if (http.Features.Get<IRequestCultureFeature>() is { } chosen)
        {
            return chosen.RequestCulture.UICulture;
        }

        var options = For(http.RequestServices.GetService(typeof(IOptions<InclusionModelHttpOptions>)) is IOptions<InclusionModelHttpOptions> o ? o.Value.DefaultLanguage : "en");
        var asked = http.Request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(l => l.Quality ?? 1)
            .Take(AcceptLanguage.MaximumAcceptLanguageHeaderValuesToTry)
            .Select(l => Language(l.Value).Value);
        foreach (string? language in asked)
        {
            if (options.SupportedUICultures!.FirstOrDefault(c => string.Equals(c.Name, language, StringComparison.OrdinalIgnoreCase)) is { } supported)
            {
                return supported;
            }
        }

        return options.DefaultRequestCulture.UICulture;
    }
}
