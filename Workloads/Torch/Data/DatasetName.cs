namespace QuantSim.Workloads.Torch.Data;

/// <summary>The real datasets QuantSim can fetch and train on.</summary>
public enum DatasetName
{
    Mnist,
    FashionMnist,
}

/// <summary>Command-line names (<c>mnist</c>, <c>fashion-mnist</c>) and the package behind each dataset.</summary>
public static class DatasetNames
{
    public static string CliName(this DatasetName name) => name switch
    {
        DatasetName.Mnist => "mnist",
        DatasetName.FashionMnist => "fashion-mnist",
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    public static NpmPackage Package(this DatasetName name) => name switch
    {
        DatasetName.Mnist => NpmPackage.MnistData,
        DatasetName.FashionMnist => NpmPackage.FashionMnist,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    public static IReadOnlyList<DatasetName> All { get; } = [DatasetName.Mnist, DatasetName.FashionMnist];

    /// <summary>The dataset with command-line name <paramref name="cliName"/>, or null.</summary>
    public static DatasetName? Parse(string cliName) =>
        All.Select(d => (DatasetName?)d).FirstOrDefault(d => d!.Value.CliName() == cliName);
}
