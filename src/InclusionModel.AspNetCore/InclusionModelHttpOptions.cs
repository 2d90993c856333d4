using InclusionModel.Programs;

namespace InclusionModel.AspNetCore;

/// <summary>What the endpoints serve and accept.</summary>
public sealed class InclusionModelHttpOptions
{
    /// <summary>The programs the endpoints know: the built-in catalogue by default, or it with definition files (<c>ProgramCatalogue.BuiltIn.With(…)</c>).</summary>
    public ProgramSet Programs { get; set; } = ProgramCatalogue.BuiltIn;

    /// <summary>The largest request body accepted, in bytes; a larger one is answered 413. Default 1 GiB.</summary>
    public long MaxBodyBytes { get; set; } = 1L << 30;

    /// <summary>The language of messages for a request without <c>Accept-Language</c>: <c>en</c> (the default) or <c>sv</c>.</summary>
    public string DefaultLanguage { get; set; } = "en";

    /// <summary>The largest body of <c>POST /transitions/check</c> (one record and one event), in bytes; a larger one is answered 413. Default 1 MiB.</summary>
    public long MaxTransitionCheckBytes { get; set; } = 1L << 20;

    /// <summary>The longest NDJSON line read, in bytes; a longer line is reported as malformed (too long) and nothing else is lost. Default 4 MiB.</summary>
    public int MaxLineBytes { get; set; } = 4 << 20;

    /// <summary>How many request bodies are read at once; one more is answered 503 with <c>Retry-After</c>. Default 16.</summary>
    public int MaxConcurrentUploads { get; set; } = 16;

    /// <summary>The least a request body must bring per second, judged over every window of <see cref="BodyRateWindow"/> of waiting (not averaged since the start); a slower one is answered 408 and its connection closed. Default 240; 0 turns the check off.</summary>
    public long MinBodyBytesPerSecond { get; set; } = 240;

    /// <summary>The window over which <see cref="MinBodyBytesPerSecond"/> is judged. Default 10 seconds.</summary>
    public TimeSpan BodyRateWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Whether every problem document of the host is shaped as the endpoints' own are (a title and detail in the
    /// request's language, no path): for a host that serves only these endpoints, as <c>inclusion serve</c> does.
    /// Default <c>false</c>: only the endpoints' problems.
    /// </summary>
    public bool ShapesEveryProblem { get; set; }
}
