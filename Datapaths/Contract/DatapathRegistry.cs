using QuantSim.Datapaths.FixedPoint;
using QuantSim.Datapaths.Float;
using QuantSim.Datapaths.Lsq;
using QuantSim.Datapaths.MixedPrecision;
using QuantSim.Datapaths.PerChannel;
using QuantSim.Datapaths.ScaleOffset;

namespace QuantSim.Datapaths.Contract;

/// <summary>
/// The datapath variants a run can choose from, by name. <see cref="Default"/> lists the built-in
/// plug-ins explicitly; a caller with more (a test's own variant) builds a registry with them and
/// hands it to the config reader and the commands, which resolve names against it once.
/// Listings and studies follow the order given, so they are the same on every run.
/// </summary>
public sealed class DatapathRegistry
{
    private readonly Dictionary<string, IDatapath> _byName = new(StringComparer.Ordinal);
    private readonly List<IDatapath> _ordered = [];

    public DatapathRegistry(IEnumerable<IDatapath> datapaths)
    {
        foreach (var datapath in datapaths)
        {
            if (!_byName.TryAdd(datapath.Name, datapath))
            {
                throw new ArgumentException($"Two datapath variants are named '{datapath.Name}'.", nameof(datapaths));
            }

            _ordered.Add(datapath);
        }
    }

    public static DatapathRegistry Default { get; } = new(
    [
        new FixedPointDatapath(),
        new LsqDatapath(),
        new PerChannelDatapath(),
        new ScaleOffsetDatapath(),
        new MixedPrecisionDatapath(),
        new FloatDatapath(),
    ]);

    public IReadOnlyList<IDatapath> All => _ordered;

    public IEnumerable<string> Names => _ordered.Select(d => d.Name);

    public bool TryGet(string name, out IDatapath datapath) => _byName.TryGetValue(name, out datapath!);

    /// <summary>This registry plus <paramref name="more"/> variants.</summary>
    public DatapathRegistry With(params IDatapath[] more) => new([.. All, .. more]);

    /// <summary>"unknown datapath 'x'; allowed: ..." for messages about an unknown name.</summary>
    public string Unknown(string name) => $"unknown datapath '{name}'; allowed: {string.Join(", ", Names)}";
}
