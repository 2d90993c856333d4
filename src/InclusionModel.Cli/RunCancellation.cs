using System.Runtime.InteropServices;

namespace InclusionModel.Cli;

/// <summary>
/// Stops a run on Ctrl+C (SIGINT) or SIGTERM: the signal cancels the token that the command's action passes to the
/// library's run, which stops between chunks; the exit code says which signal it was (130, 143). A run that does
/// not end within <see cref="Grace"/> (blocked on a read from a pipe that never ends) is left behind, and the process
/// ends without it: temporary files are unlinked as they are made (docs/contract.md), so none outlives the process.
/// </summary>
/// <remarks>
/// The signals are taken with <see cref="PosixSignalRegistration"/> here rather than by System.CommandLine's
/// <c>ProcessTerminationTimeout</c>: that handler cancels the same way but does not tell the run which signal came,
/// so SIGTERM could not exit 143 when the run stops in time; and the caller's own token (tests) joins the same source.
/// </remarks>
internal sealed class RunCancellation : IDisposable
{
    /// <summary>How long a stopped run may take to end on its own.</summary>
    internal static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _source;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly PosixSignalRegistration? _interrupt;
    private readonly PosixSignalRegistration? _terminate;
    private readonly CancellationTokenRegistration _onCancel;

    /// <param name="caller">The caller's own token; cancelled, the run stops as on Ctrl+C.</param>
    /// <param name="listen">Whether to take SIGINT and SIGTERM from the process (the real command; never a test's process).</param>
    internal RunCancellation(CancellationToken caller, bool listen)
    {
        _source = CancellationTokenSource.CreateLinkedTokenSource(caller);
        _onCancel = _source.Token.Register(() => _stopped.TrySetResult());
        if (listen)
        {
            _interrupt = Listen(PosixSignal.SIGINT, CliApp.Interrupted);
            _terminate = Listen(PosixSignal.SIGTERM, CliApp.Terminated);
        }
    }

    /// <summary>The token of the run.</summary>
    internal CancellationToken Token => _source.Token;

    /// <summary>The exit code of a stopped run: 130 for Ctrl+C (and a caller's cancellation), 143 for SIGTERM.</summary>
    internal int ExitCode { get; private set; } = CliApp.Interrupted;

    /// <summary>Whether the run was left behind, still running: its writers must not be touched.</summary>
    internal bool LeftBehind { get; private set; }

    /// <summary>The run's exit code; <see cref="OperationCanceledException"/> when it was stopped and ended so, or did not end within <see cref="Grace"/>.</summary>
    internal int Await(Task<int> run)
    {
        if (Task.WaitAny(run, _stopped.Task) == 1 && Task.WaitAny([run], Grace) < 0)
        {
            LeftBehind = true;
            throw new OperationCanceledException(Token);
        }

        return run.GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        _interrupt?.Dispose();
        _terminate?.Dispose();
        _onCancel.Dispose();
        if (!LeftBehind)
        {
            _source.Dispose();
        }
    }

    private PosixSignalRegistration? Listen(PosixSignal signal, int exitCode)
    {
        try
        {
            return PosixSignalRegistration.Create(signal, context =>
            {
                context.Cancel = true; // the run ends itself, and says so
                if (!_source.IsCancellationRequested)
                {
                    ExitCode = exitCode;
                }

                _source.Cancel();
            });
        }
        catch (PlatformNotSupportedException)
        {
            return null; // the runtime's own handling stays
        }
    }
}
