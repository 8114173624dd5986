namespace QuantSim.Cli.Tests.Robustness;

/// <summary>A scratch directory for one test's input files, deleted with everything in it.</summary>
public sealed class TempFiles : IDisposable
{
    public TempFiles() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), $"quantsim-robust-{Guid.NewGuid():N}");

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="name"/> under the root and returns its path.</summary>
    public string Write(string name, byte[] bytes)
    {
        string path = Path.Combine(Root, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string Write(string name, string text) => Write(name, System.Text.Encoding.UTF8.GetBytes(text));

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
