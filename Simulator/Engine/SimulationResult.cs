using System.Collections.Immutable;
using QuantSim.Simulator.Activity;
using QuantSim.Simulator.Config;
using QuantSim.Simulator.Dram;
using QuantSim.Simulator.Results;
using QuantSim.Workloads;

namespace QuantSim.Simulator.Engine;

/// <summary>A whole workload on one accelerator: every layer in order, and totals.</summary>
public sealed record SimulationResult(
    AcceleratorConfig Config,
    Workload Workload,
    Fidelity Fidelity,
    ImmutableArray<LayerSimulation> Layers,
    DramStatistics Dram)
{
    public long TotalCycles => Layers.IsEmpty ? 0 : Layers[^1].Memory.EndCycle;

    public long ComputeCycles => Layers.Sum(l => l.ComputeCycles);

    public long StallCycles => Layers.Sum(l => l.StallCycles);

    public long Macs => Layers.Sum(l => l.Macs);

    /// <summary>
    /// Useful MACs over MAC slots: sum of MACs / sum of (cycles x logical PEs), where a PE that does
    /// several MACs per cycle counts as that many logical PEs.
    /// </summary>
    public double Utilization =>
        PeUtilization.Of(Macs, Layers.Sum(l => PeUtilization.Slots(l.TotalCycles, l.Array.Mapping.Rows, l.Array.Mapping.Cols)));

    /// <summary>Every layer's actions, in order, for the energy model.</summary>
    public RunActivity Activity => new([.. Layers.Select(l => l.Activity)], Config.ClockMhz);

    public SramCounts Sram => Layers.Aggregate(SramCounts.Zero, (sum, l) => sum.Plus(l.Sram));
}
