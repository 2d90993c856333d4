namespace InclusionModel.IO;

/// <summary>
/// The one way the library's <c>…Async(Stream, …)</c> overloads read a stream that a host may only read
/// asynchronously (an ASP.NET Core request body): a seekable stream is read where it is; any other is first
/// copied asynchronously into a <see cref="Spool"/> (memory, then an owner-only temporary file unlinked at
/// creation), so that the synchronous engine never blocks on the caller's stream. The copy is released
/// however the run ends, cancelled or not.
/// </summary>
internal static class AsyncInput
{
    internal static async Task<T> RunAsync<T>(Stream input, Func<Stream, T> run, CancellationToken cancellationToken)
    {
        Preconditions.CheckNotNull(input);
        if (input.CanSeek)
        {
            return await Task.Run(() => run(input), cancellationToken).ConfigureAwait(false);
        }

        using var copy = new Spool();
        await input.CopyToAsync(copy, 1 << 16, cancellationToken).ConfigureAwait(false);
        return await Task.Run(
            () =>
            {
                using var reader = copy.OpenRead();
                return run(reader);
            },
            cancellationToken).ConfigureAwait(false);
    }
}
