namespace InclusionModel.IO;

/// <summary>
/// The one way the library reads NDJSON in parallel: one thread cuts the input into <see cref="LineChunk"/>s
/// with an <see cref="NdjsonLineReader"/>, up to <c>parallelism</c> workers turn chunks into results, and
/// the results reach the consumer in chunk order on the calling thread. At most two chunks per worker
/// are in flight, so memory is bounded by the chunks, never by the input.
/// </summary>
internal static class ChunkPipeline
{
    /// <summary>Runs the pipeline to the end of <paramref name="input"/>.</summary>
    /// <param name="input">The input; not disposed.</param>
    /// <param name="maxLineBytes">The longest line; a longer one is a chunk line marked too long.</param>
    /// <param name="parallelism">How many workers; 1 runs everything on the calling thread.</param>
    /// <param name="inspect">Sees each chunk on the reading thread before any worker does; may throw to stop the run.</param>
    /// <param name="work">Turns a chunk into a result, on a worker; must not dispose the chunk.</param>
    /// <param name="consume">Takes the results in chunk order, on the calling thread.</param>
    /// <param name="progress">Told the bytes and lines read after each chunk, on the calling thread.</param>
    /// <param name="cancellationToken">Stops the run between chunks.</param>
    /// <param name="workerDisposesChunk">Whether the worker gives the chunk's buffer back when it is done (the default); when not, the result holds the chunk and the consumer disposes it.</param>
    internal static void Run<T>(
        Stream input,
        int maxLineBytes,
        int parallelism,
        Action<LineChunk, NdjsonLineReader>? inspect,
        Func<LineChunk, T> work,
        Action<T> consume,
        Action<long, long>? progress,
        CancellationToken cancellationToken,
        bool workerDisposesChunk = true)
    {
        using var lines = new NdjsonLineReader(input, maxLineBytes);
        parallelism = Math.Max(1, parallelism);
        var pending = new Queue<Task<T>>();
        T Work(LineChunk chunk)
        {
            try
            {
                chunk.Split();
                return work(chunk);
            }
            finally
            {
                if (workerDisposesChunk)
                {
                    chunk.Dispose();
                }
            }
        }

        int index = 0;
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var chunk = LineChunk.Read(lines, index);
                try
                {
                    inspect?.Invoke(chunk!, lines);
                }
                catch
                {
                    chunk?.Dispose();
                    throw;
                }

                if (chunk is null)
                {
                    break;
                }

                index++;
                if (parallelism == 1)
                {
                    consume(Work(chunk));
                }
                else
                {
                    pending.Enqueue(Task.Run(() => Work(chunk), CancellationToken.None));
                    if (pending.Count >= parallelism * 2)
                    {
                        consume(pending.Dequeue().GetAwaiter().GetResult());
                    }
                }

                progress?.Invoke(lines.BytesRead, lines.LineNumber);
            }

            while (pending.Count > 0)
            {
                consume(pending.Dequeue().GetAwaiter().GetResult());
            }
        }
        finally
        {
            // On failure, let the workers finish before their chunks' buffers go back to the pool.
            foreach (var task in pending)
            {
                task.ContinueWith(static _ => { }, TaskScheduler.Default).Wait();
            }
        }
    }

    /// <summary>
    /// Turns the items <c>0 … count - 1</c> into results on up to <paramref name="parallelism"/> workers and
    /// hands the results to <paramref name="consume"/> in order on the calling thread, with at most two items
    /// per worker in flight: the second half of a run whose first half kept its outcomes by chunk.
    /// </summary>
    /// <param name="count">How many items.</param>
    /// <param name="parallelism">How many workers; 1 runs everything on the calling thread.</param>
    /// <param name="work">Turns an item into a result, on a worker.</param>
    /// <param name="consume">Takes the results in order, on the calling thread.</param>
    /// <param name="cancellationToken">Stops the run between items.</param>
    internal static void RunOrdered<T>(int count, int parallelism, Func<int, T> work, Action<T> consume, CancellationToken cancellationToken)
    {
        parallelism = Math.Max(1, parallelism);
        var pending = new Queue<Task<T>>();
        try
        {
            for (int i = 0; i < count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (parallelism == 1)
                {
                    consume(work(i));
                    continue;
                }

                int item = i;
                pending.Enqueue(Task.Run(() => work(item), CancellationToken.None));
                if (pending.Count >= parallelism * 2)
                {
                    consume(pending.Dequeue().GetAwaiter().GetResult());
                }
            }

            while (pending.Count > 0)
            {
                consume(pending.Dequeue().GetAwaiter().GetResult());
            }
        }
        finally
        {
            // On failure, let the workers finish before what they read is released.
            foreach (var task in pending)
            {
                task.ContinueWith(static _ => { }, TaskScheduler.Default).Wait();
            }
        }
    }

    /// <summary>
    /// One pass of a two-pass run over the same input: each worker fingerprints its chunk first; pass 1
    /// records the fingerprints in <paramref name="fingerprints"/> (in chunk order), pass 2 compares each
    /// before it does any work, and the reading thread checks that pass 2 reads as many chunks. So an input
    /// that changes between the passes stops the run with <see cref="InputChangedException"/>.
    /// </summary>
    internal static void RunPass<T>(
        Stream input,
        int maxLineBytes,
        int parallelism,
        int pass,
        List<ulong> fingerprints,
        Func<LineChunk, T> work,
        Action<T> consume,
        Action<long, long>? progress,
        CancellationToken cancellationToken)
    {
        int index = 0;
        Run(
            input,
            maxLineBytes,
            parallelism,
            (chunk, lines) =>
            {
                if (pass == 2 && (chunk is null ? index < fingerprints.Count : index >= fingerprints.Count))
                {
                    throw new InputChangedException(chunk?.FirstLine ?? lines.LineNumber + 1);
                }

                index++;
            },
            chunk =>
            {
                ulong fingerprint = chunk.Fingerprint();
                if (pass == 2 && fingerprints[(int)chunk.Index] != fingerprint)
                {
                    throw new InputChangedException(chunk.FirstLine);
                }

                return (Result: work(chunk), Fingerprint: fingerprint);
            },
            done =>
            {
                if (pass == 1)
                {
                    fingerprints.Add(done.Fingerprint);
                }

                consume(done.Result);
            },
            progress,
            cancellationToken);
    }
}
