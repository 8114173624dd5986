namespace QuantSim.Cli;

/// <summary>
/// Progress reports written at once as lines to a writer, in the order they are reported, one at a time.
/// <see cref="Progress{T}"/> would post each report to the thread pool: the lines raced on one writer (a
/// test's StringWriter threw "Destination is too short" and took the test host down) and could arrive after
/// the command had returned.
/// </summary>
public sealed class LineProgress(TextWriter writer, string prefix) : IProgress<string>
{
    private readonly Lock _lock = new();

    public void Report(string value)
    {
        lock (_lock)
        {
            writer.WriteLine(prefix + value);
        }
    }
}
