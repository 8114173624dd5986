using QuantSim.Simulator.Activity;
using QuantSim.Simulator.Dram;
using QuantSim.Simulator.Memory;
using QuantSim.Simulator.Results;
using QuantSim.Workloads.Layers;

namespace QuantSim.Simulator.Engine;

/// <summary>
/// One layer on the whole accelerator: the array's result, what the memory system moved and added,
/// the DRAM activity during the layer, and every action the hardware did (<see cref="Activity"/>, what
/// the energy model prices). Cycles are absolute from the start of the workload.
/// </summary>
public sealed record LayerSimulation(
    int Index,
    Layer Layer,
    Precision Precision,
    LayerResult Array,
    LayerTrafficPlan Traffic,
    MemoryTiming Memory,
    DramStatistics Dram,
    SramCounts Sram,
    long StartCycle,
    LayerActivity Activity)
{
    public string Name => Layer.Name;

    public long TotalCycles => Memory.EndCycle - StartCycle;

    public long ComputeCycles => Array.ComputeCycles;

    public long StallCycles => TotalCycles - ComputeCycles;

    public long Macs => Layer.Macs;

    /// <summary>Useful PE-cycles over all PE-cycles of the layer, stalls included.</summary>
    public double Utilization => PeUtilization.Of(Macs, PeUtilization.Slots(TotalCycles, Array.Mapping.Rows, Array.Mapping.Cols));

    /// <summary>DRAM bytes moved (whole bursts) per cycle of the layer.</summary>
    public double DramBytesPerCycle => TotalCycles == 0 ? 0 : (double)(Dram.BytesMovedRead + Dram.BytesMovedWritten) / TotalCycles;
}
