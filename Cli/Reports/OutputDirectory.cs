using QuantSim.Input;

namespace QuantSim.Cli.Reports;

/// <summary>
/// Writes a run's files all-or-nothing: into a hidden staging folder first, then moved into place, so
/// a failure never leaves a directory that looks like a complete result.
/// </summary>
public static class OutputDirectory
{
    public static void Write(string directory, IReadOnlyList<(string Name, string Text)> files) =>
        Write(directory, [.. files.Select(f => (f.Name, System.Text.Encoding.UTF8.GetBytes(f.Text)))]);

    /// <summary>
    /// The same for binary files (plots); text goes in as UTF-8 without a byte-order mark. A cancelled
    /// <paramref name="cancellation"/> (an interrupted run) is honoured until the first file is moved
    /// into place: the staging folder is removed and nothing reaches the directory. The moves are not
    /// interrupted (a signal only cancels the token), so they all happen or none does.
    /// </summary>
    public static void Write(string directory, IReadOnlyList<(string Name, byte[] Bytes)> files, CancellationToken cancellation = default)
    {
        Check(directory);
        cancellation.ThrowIfCancellationRequested();
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Error(directory, $"cannot create the output directory: {ex.Message}");
        }

        // Unique per call, not per process: sweep shards in containers on a shared volume often run
        // with the same PID and write into the same directory at the same time.
        string staging = Path.Combine(directory, $".staging-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            foreach (var (name, bytes) in files)
            {
                File.WriteAllBytes(Path.Combine(staging, name), bytes);
            }

            cancellation.ThrowIfCancellationRequested();

            foreach (var (name, _) in files)
            {
                File.Move(Path.Combine(staging, name), Path.Combine(directory, name), overwrite: true);
            }
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>
    /// Refuses an output path that exists and is not a directory (a file, <c>/dev/null</c>), so a
    /// command can say so before it spends minutes on a run whose files have nowhere to go.
    /// </summary>
    public static void Check(string directory)
    {
        if (!Directory.Exists(directory) && (File.Exists(directory) || Path.Exists(directory)))
        {
            throw Error(directory, "exists and is not a directory; give a directory for the results (it is created if missing)");
        }
    }

    private static InputException Error(string directory, string message) =>
        new(new InputError("--out", 0, 0, string.Empty, $"'{directory}': {message}"));
}
