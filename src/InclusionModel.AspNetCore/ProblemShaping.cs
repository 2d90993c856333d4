using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace InclusionModel.AspNetCore;

/// <summary>
/// The package's part of the host's problem details: <see cref="HttpProblems.Customize"/> added to the host's
/// <see cref="ProblemDetailsOptions"/>. It registers no problem details service: a host that calls
/// <c>AddProblemDetails()</c> (and <c>UseStatusCodePages</c> or <c>UseExceptionHandler</c>) gets the framework's
/// problems of these endpoints shaped as their own; one that does not keeps its own answers. Added once however
/// often <c>AddInclusionModel</c> is called (<c>TryAddEnumerable</c>).
/// </summary>
internal sealed class ProblemShaping : IConfigureOptions<ProblemDetailsOptions>
{
    public void Configure(ProblemDetailsOptions options) => options.CustomizeProblemDetails += HttpProblems.Customize;
}
