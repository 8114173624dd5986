using System.Diagnostics;
using System.Text.Json;
using QuantSim.Input;

namespace QuantSim.Workloads.Torch.Data;

/// <summary>
/// The npm registry this machine is configured with: <c>$npm_config_registry</c> if set, else what
/// <c>npm config get registry</c> answers. No host is built in, so mirrors and proxies just work.
/// </summary>
public sealed class NpmRegistry
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromMinutes(10) };

    public NpmRegistry(Uri baseUri)
    {
        BaseUri = baseUri.AbsoluteUri.EndsWith('/') ? baseUri : new Uri(baseUri.AbsoluteUri + "/");
    }

    public Uri BaseUri { get; }

    /// <summary>Finds the configured registry, or throws an <see cref="InputException"/> saying how to set one.</summary>
    public static NpmRegistry FromEnvironment()
    {
        foreach (string variable in new[] { "npm_config_registry", "NPM_CONFIG_REGISTRY" })
        {
            string? value = Environment.GetEnvironmentVariable(variable);
            if (!string.IsNullOrWhiteSpace(value) && Uri.TryCreate(value.Trim(), UriKind.Absolute, out Uri? uri))
            {
                return new NpmRegistry(uri);
            }
        }

        string? answer = AskNpm();
        if (answer is not null && Uri.TryCreate(answer, UriKind.Absolute, out Uri? configured))
        {
            return new NpmRegistry(configured);
        }

        throw new InputException(new InputError("npm registry", 0, 0, "registry",
            "no npm registry is configured: set npm_config_registry to the registry URL, or install npm and run `npm config set registry URL`"));
    }

    private static string? AskNpm()
    {
        try
        {
            using var npm = Process.Start(new ProcessStartInfo("npm", "config get registry")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (npm is null)
            {
                return null;
            }

            string output = npm.StandardOutput.ReadToEnd().Trim();
            npm.WaitForExit();
            return npm.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // npm is not installed
        }
    }

    /// <summary>The tarball URL and SRI integrity the registry publishes for one version (<c>dist</c>).</summary>
    public async Task<(Uri Tarball, string Integrity)> DistributionAsync(NpmPackage package, CancellationToken cancel)
    {
        var metadataUri = new Uri(BaseUri, $"{Uri.EscapeDataString(package.Name)}/{Uri.EscapeDataString(package.Version)}");
        await using Stream body = await Http.GetStreamAsync(metadataUri, cancel).ConfigureAwait(false);
        using JsonDocument json = await JsonDocument.ParseAsync(body, cancellationToken: cancel).ConfigureAwait(false);
        JsonElement dist = json.RootElement.GetProperty("dist");
        return (new Uri(dist.GetProperty("tarball").GetString()!), dist.GetProperty("integrity").GetString()!);
    }

    /// <summary>Streams a tarball to <paramref name="destination"/>.</summary>
    public static async Task DownloadAsync(Uri tarball, string destination, CancellationToken cancel)
    {
        await using Stream body = await Http.GetStreamAsync(tarball, cancel).ConfigureAwait(false);
        await using FileStream file = File.Create(destination);
        await body.CopyToAsync(file, cancel).ConfigureAwait(false);
    }
}
