using System.Reflection;

namespace QuantSim.Datapaths.Contract;

/// <summary>
/// The datapath variants known to QuantSim, by name. <see cref="Default"/> discovers every concrete
/// <see cref="IDatapath"/> in this assembly that has a public parameterless constructor, so a new
/// variant needs no edit here; the order is by name so listings are deterministic.
/// </summary>
public sealed class DatapathRegistry
{
    private readonly SortedDictionary<string, IDatapath> _byName = new(StringComparer.Ordinal);

    public DatapathRegistry(IEnumerable<IDatapath> datapaths)
    {
        foreach (var datapath in datapaths)
        {
            if (!_byName.TryAdd(datapath.Name, datapath))
            {
                throw new ArgumentException($"Two datapath variants are named '{datapath.Name}'.", nameof(datapaths));
            }
        }
    }

    public static DatapathRegistry Default { get; } = new(Discover(typeof(IDatapath).Assembly));

    public IReadOnlyCollection<IDatapath> All => _byName.Values;

    public IEnumerable<string> Names => _byName.Keys;

    public bool TryGet(string name, out IDatapath datapath) => _byName.TryGetValue(name, out datapath!);

    /// <summary>Every concrete datapath type of an assembly, instantiated once.</summary>
    public static IEnumerable<IDatapath> Discover(Assembly assembly) =>
        assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IDatapath).IsAssignableFrom(t)
                        && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (IDatapath)Activator.CreateInstance(t)!);
}
