using System.Globalization;

namespace QuantSim.Cli.Tests.Fuzz;

/// <summary>
/// The optional case log of a fuzz campaign (<c>QUANTSIM_FUZZ_LOG</c>): a line, flushed to disk, as
/// each case begins and as it ends, with the process's memory. A test host that dies (a stack
/// overflow, the OOM killer) leaves no test output; this file still names the cases that were running.
/// </summary>
internal sealed class FuzzLog : IDisposable
{
    private readonly StreamWriter? _writer;
    private readonly Lock _gate = new();

    private FuzzLog(StreamWriter? writer) => _writer = writer;

    public static FuzzLog Open(string? path) =>
        new(string.IsNullOrEmpty(path) ? null : new StreamWriter(path, append: true) { AutoFlush = true });

    public void Begin(int index, int seed, FuzzKind kind) => Write($"begin {index} seed {seed} {kind}");

    public void End(int index, FuzzOutcome outcome) =>
        Write($"end {index} seed {outcome.Seed} {outcome.Kind} {(outcome.Accepted ? "accepted" : "rejected")} {outcome.Violations.Count} violations {outcome.Elapsed.TotalMilliseconds:0} ms");

    private void Write(string line)
    {
        if (_writer is null)
        {
            return;
        }

        string memory = (Environment.WorkingSet / (1 << 20)).ToString(CultureInfo.InvariantCulture);
        lock (_gate)
        {
            _writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:HH:mm:ss.fff} {line} ws {memory} MiB"));
        }
    }

    public void Dispose() => _writer?.Dispose();
}
