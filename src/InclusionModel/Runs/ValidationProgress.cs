namespace InclusionModel.Runs;

/// <summary>Which pass of a run is reading, and how far it has come (for progress displays).</summary>
/// <param name="Pass">Always 1: a run reads its input once (earlier versions also reported a second pass).</param>
/// <param name="BytesRead">Bytes of input read so far.</param>
/// <param name="Lines">Lines read so far.</param>
public readonly record struct ValidationProgress(int Pass, long BytesRead, long Lines);
