using System.Diagnostics.Metrics;

namespace InclusionModel.AspNetCore;

/// <summary>
/// The endpoints' instruments, on a meter named <see cref="InclusionModelEndpointRouteBuilderExtensions.MeterName"/>
/// that the host's <see cref="IMeterFactory"/> creates (and disposes with the host): a test or a host with two apps
/// sees the counts of its own app only.
/// </summary>
internal sealed class EndpointMetrics
{
    public EndpointMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(InclusionModelEndpointRouteBuilderExtensions.MeterName);
        Records = meter.CreateCounter<long>("inclusionmodel.records", "{record}", "Records (lines) read from request bodies.");
        Violations = meter.CreateCounter<long>("inclusionmodel.violations", "{violation}", "Violations found by POST /validate, by rule id.");
        Durations = meter.CreateHistogram<double>("inclusionmodel.request.duration", "s", "How long each request took.");
    }

    /// <summary>Records (lines) read, by endpoint.</summary>
    internal Counter<long> Records { get; }

    /// <summary>Violations found by <c>POST /validate</c>, by rule id.</summary>
    internal Counter<long> Violations { get; }

    /// <summary>How long each request took, by endpoint.</summary>
    internal Histogram<double> Durations { get; }
}
