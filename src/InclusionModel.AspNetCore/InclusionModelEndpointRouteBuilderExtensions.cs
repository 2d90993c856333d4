namespace InclusionModel.AspNetCore;

/// <summary>
/// The name of the endpoints' meter (<see cref="MeterName"/>); the endpoints themselves are mapped with
/// <see cref="Microsoft.AspNetCore.Builder.InclusionModelEndpointsExtensions.MapInclusionModel"/>.
/// </summary>
public static class InclusionModelEndpointRouteBuilderExtensions
{
    /// <summary>The meter's name ("InclusionModel"), for OpenTelemetry: records read by endpoint, violations by rule id, request durations by endpoint.</summary>
    public const string MeterName = "InclusionModel";
}
