using System.Runtime.InteropServices;

namespace QuantSim.Cli;

/// <summary>
/// A run stopped by the user or by a supervisor: SIGINT (Ctrl+C) or SIGTERM (kill, docker stop, a CI
/// timeout). Commands that run many points (sweep, study) <see cref="Watch"/> it: the first signal then
/// cancels their token, they stop at the next point and write nothing, and the process ends with
/// 128 + the signal's number (130, 143), the shell's convention for "killed by that signal". Before a
/// command watches, and on a second signal, the runtime's default applies: the process ends at once
/// (nothing is in --out then either: files are moved there only after a run completed).
/// </summary>
public sealed class Interruption : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly List<PosixSignalRegistration> _registrations = [];
    private readonly TextWriter? _error;
    private volatile bool _watched;
    private int _signal;

    private Interruption(TextWriter? error) => _error = error;

    /// <summary>For in-process runs (tests): never signalled, cancelled only through <see cref="Cancel"/>.</summary>
    public static Interruption None() => new(null);

    /// <summary>The process's own: SIGINT and SIGTERM are caught while this lives.</summary>
    public static Interruption OnSignals(TextWriter error)
    {
        var interruption = new Interruption(error);
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
        {
            interruption._registrations.Add(PosixSignalRegistration.Create(signal, interruption.OnSignal));
        }

        return interruption;
    }

    /// <summary>The signal's number once one arrived (2 for SIGINT, 15 for SIGTERM), else 0.</summary>
    public int Signal => Volatile.Read(ref _signal);

    /// <summary>"SIGINT" or "SIGTERM", for messages.</summary>
    public string SignalName => Signal == 2 ? "SIGINT" : Signal == 15 ? "SIGTERM" : $"signal {Signal}";

    /// <summary>128 + the signal's number: 130 after SIGINT, 143 after SIGTERM.</summary>
    public int ExitCode => ExitCodes.Interrupted(Signal);

    /// <summary>
    /// Called by a command that checks the token between points: from now on the first signal
    /// cancels it instead of ending the process.
    /// </summary>
    public CancellationToken Watch()
    {
        _watched = true;
        return _source.Token;
    }

    /// <summary>What a signal does to a watching command; tests call it directly.</summary>
    public bool Cancel(int signalNumber)
    {
        if (!Claim(signalNumber))
        {
            return false;
        }

        _source.Cancel();
        return true;
    }

    /// <summary>Records the first signal; false when one already arrived.</summary>
    private bool Claim(int signalNumber) => Interlocked.CompareExchange(ref _signal, signalNumber, 0) == 0;

    private void OnSignal(PosixSignalContext context)
    {
        int number = context.Signal == PosixSignal.SIGINT ? 2 : 15;
        if (_watched && Claim(number))
        {
            // Keep the process alive: the command stops at its next point and cleans up its staging.
            context.Cancel = true;
            // Said before the token fires: once it does, the command may finish and the process exit before
            // this handler's thread gets to write (the line was lost that way under load).
            _error?.WriteLine($"quantsim: {context.Signal} received: stopping after the points in progress; nothing is written to --out (send it again to stop at once)");
            _source.Cancel();
        }
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _source.Dispose();
    }
}
