namespace QuantSim.Workloads.Torch.Data;

/// <summary>
/// Where downloaded packages, decoded datasets and trained checkpoints live:
/// <c>$QUANTSIM_CACHE</c>, else <c>$XDG_CACHE_HOME/quantsim</c>, else <c>~/.cache/quantsim</c>.
/// </summary>
public sealed record DataCache(string Root)
{
    /// <summary>The cache the environment names (see the type's summary for the order).</summary>
    public static DataCache Default()
    {
        string? explicitRoot = Environment.GetEnvironmentVariable("QUANTSIM_CACHE");
        if (!string.IsNullOrWhiteSpace(explicitRoot))
        {
            return new DataCache(explicitRoot);
        }

        string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        string baseDir = !string.IsNullOrWhiteSpace(xdg)
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return new DataCache(Path.Combine(baseDir, "quantsim"));
    }

    /// <summary>Downloaded npm tarballs, kept so a wiped decode can be rebuilt offline.</summary>
    public string PackagesFolder => Path.Combine(Root, "npm");

    /// <summary>Decoded datasets, one folder per package version.</summary>
    public string DatasetFolder(NpmPackage package) => Path.Combine(Root, "datasets", $"{package.Name}-{package.Version}");

    /// <summary>Trained float and quantized checkpoints, named by the hash of what determines them.</summary>
    public string CheckpointFolder => Path.Combine(Root, "checkpoints");
}
