using System.Collections.Immutable;

namespace QuantSim.Cli.Sweep;

/// <summary>
/// One design point: a workload and one value per axis. <see cref="Index"/> is 0-based in the
/// sweep's point order; <see cref="Combination"/> indexes the axis cross product (shared by all
/// workloads); <see cref="Id"/> names the point by content, so it stays the same when a sweep is
/// sharded or merged.
/// </summary>
public sealed record SweepPoint(int Index, int Combination, string Workload, ImmutableArray<string> Values)
{
    public string Id(IReadOnlyList<SweepAxis> axes) =>
        string.Join("/", axes.Select((a, i) => $"{a.Path}={Values[i]}").Prepend(Workload));
}
