using System.Diagnostics;
using System.Runtime.InteropServices;

namespace QuantSim.Cli.Tests.Robustness;

/// <summary>
/// The built quantsim executable (the apphost next to the tests) run as a process of its own, so a
/// test can send it real signals. It starts under <c>env --default-signal=INT,TERM</c>: a test host
/// started from a background job inherits SIGINT ignored, and an ignored signal stays ignored across exec.
/// </summary>
internal sealed class CliProcess : IDisposable
{
    public const int Sigint = 2;
    public const int Sigterm = 15;

    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly Lock _gate = new();
    private readonly ManualResetEventSlim _seen = new();
    private Func<string, bool> _waitingFor = _ => false;

    private CliProcess(Process process) => _process = process;

    public static CliProcess Start(params string[] args)
    {
        string executable = Path.Combine(TestContext.CurrentContext.TestDirectory, "quantsim");
        var info = new ProcessStartInfo("env") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in new[] { "--default-signal=INT,TERM", executable }.Concat(args))
        {
            info.ArgumentList.Add(arg);
        }

        var cli = new CliProcess(new Process { StartInfo = info });
        cli._process.OutputDataReceived += (_, e) => cli.Line(e.Data);
        cli._process.ErrorDataReceived += (_, e) => cli.Line(e.Data);
        cli._process.Start();
        cli._process.BeginOutputReadLine();
        cli._process.BeginErrorReadLine();
        return cli;
    }

    /// <summary>Everything printed so far, stdout and stderr interleaved as they arrived.</summary>
    public string Text
    {
        get
        {
            lock (_gate)
            {
                return string.Join('\n', _lines);
            }
        }
    }

    /// <summary>Blocks until a printed line starts with <paramref name="prefix"/> (false after a minute or when the process ended).</summary>
    public bool WaitForLine(string prefix)
    {
        lock (_gate)
        {
            _waitingFor = line => line.StartsWith(prefix, StringComparison.Ordinal);
            if (_lines.Any(_waitingFor))
            {
                return true;
            }

            _seen.Reset();
        }

        return _seen.Wait(TimeSpan.FromMinutes(1)) || Text.Split('\n').Any(l => l.StartsWith(prefix, StringComparison.Ordinal));
    }

    public void Signal(int signal)
    {
        if (Kill(_process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>The exit code, after waiting at most a minute for the process to end.</summary>
    public int WaitForExit()
    {
        if (!_process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            _process.Kill();
            throw new TimeoutException($"quantsim did not end within a minute of the signal: {Text}");
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    private void Line(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _lines.Add(line);
            if (_waitingFor(line))
            {
                _seen.Set();
            }
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
        _seen.Dispose();
    }
}
