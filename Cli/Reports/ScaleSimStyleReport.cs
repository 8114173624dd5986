using System.Collections.Immutable;
using QuantSim.Simulator.Engine;
using QuantSim.Simulator.ScaleSimCompat;

namespace QuantSim.Cli.Reports;

/// <summary>
/// COMPUTE / BANDWIDTH / DETAILED_ACCESS reports in SCALE-Sim's columns, filled with QuantSim's own
/// numbers, for users whose scripts read SCALE-Sim output. Cycles are absolute from the start of the
/// workload; every operand's SRAM and DRAM activity is reported over its layer's whole span (QuantSim
/// does not trace first and last access per port); DRAM counts are elements, as SCALE-Sim's words.
/// With <c>--scalesim-config</c> the reports come from the exact SCALE-Sim emulation instead.
/// </summary>
public static class ScaleSimStyleReport
{
    public static ScaleSimReport From(SimulationResult result) => new(
        result.Config.Name,
        [.. result.Layers.Select(Layer)]);

    private static ScaleSimLayerReport Layer(LayerSimulation l)
    {
        long start = l.StartCycle, stop = l.Memory.EndCycle - 1;
        long pes = (long)l.Array.Mapping.Rows * l.Array.Mapping.Cols;
        long Elements(long bytes, int bits) => bytes * 8 / bits;
        return new ScaleSimLayerReport(
            l.Index,
            l.Name,
            l.TotalCycles,
            l.StallCycles,
            l.Utilization * 100,
            l.Array.SpatialEfficiency * 100,
            l.ComputeCycles == 0 ? 0 : (double)l.Macs / ((double)l.ComputeCycles * pes) * 100,
            new SramAccessSpan(start, stop, l.Sram.IfmapReads),
            new SramAccessSpan(start, stop, l.Sram.FilterReads),
            new SramAccessSpan(start, stop, l.Sram.OfmapWrites),
            new DramAccessSpan(start, stop, Elements(l.Traffic.IfmapDramBytes, l.Precision.ActivationBits)),
            new DramAccessSpan(start, stop, Elements(l.Traffic.FilterDramBytes, l.Precision.WeightBits)),
            new DramAccessSpan(start, stop, Elements(l.Traffic.OutputDramBytes, l.Precision.ActivationBits) + Elements(l.Traffic.PsumDramWriteBytes, l.Precision.AccumulatorBits)));
    }
}
