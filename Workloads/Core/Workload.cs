using System.Collections.Immutable;
using QuantSim.Workloads.Layers;

namespace QuantSim.Workloads;

/// <summary>A named, ordered list of layers.</summary>
public sealed record Workload(string Name, ImmutableArray<Layer> Layers)
{
    public long Macs => Layers.Sum(l => l.Macs);

    public long Parameters => Layers.Sum(l => l.Parameters);
}
