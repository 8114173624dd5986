using System.Collections.Immutable;
using QuantSim.Workloads.Layers;

namespace QuantSim.Workloads;

/// <summary>A named, ordered list of layers. Two workloads are equal when names and layers match in order.</summary>
public sealed record Workload(string Name, ImmutableArray<Layer> Layers)
{
    public long Macs => Layers.Sum(l => l.Macs);

    public long Parameters => Layers.Sum(l => l.Parameters);

    // ImmutableArray compares by reference; a workload read back from a file must equal the one written.
    public bool Equals(Workload? other) =>
        other is not null && Name == other.Name && Layers.SequenceEqual(other.Layers);

    public override int GetHashCode() =>
        Layers.Aggregate(Name.GetHashCode(StringComparison.Ordinal), (hash, layer) => HashCode.Combine(hash, layer));
}
