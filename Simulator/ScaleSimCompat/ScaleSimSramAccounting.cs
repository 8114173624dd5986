using QuantSim.Simulator.Config;
using QuantSim.Simulator.Engine;
using QuantSim.Simulator.Mapping;
using QuantSim.Simulator.Memory;
using QuantSim.Simulator.Results;
using QuantSim.Workloads.Layers;

namespace QuantSim.Simulator.ScaleSimCompat;

/// <summary>
/// SRAM reads and writes of the array exactly as SCALE-Sim v2 counts them, one access per element:
/// ifmap and filter reads are the operands fed to the array (of SCALE-Sim's GEMM view), ofmap
/// writes the outputs and partial sums, plus SCALE-Sim's over-count of F x (R + C) ofmap writes for
/// output stationary (its issue #166). DMA fills and write-back reads, which SCALE-Sim does not
/// report, are counted the native way (<see cref="SramAccounting.Dma"/>).
/// </summary>
public static class ScaleSimSramAccounting
{
    public static SramCounts Count(BufferSetConfig buffers, ArrayMapping mapping, LayerTrafficPlan plan, Precision precision)
    {
        var array = EdgeTraffic.Of(mapping);
        long overCount = mapping.Dataflow == Dataflow.OutputStationary ? mapping.Folds * (mapping.Rows + mapping.Cols) : 0;
        return SramAccounting.Dma(buffers, array, plan, precision) with
        {
            IfmapReads = array.IfmapWords,
            FilterReads = array.FilterWords,
            OfmapWrites = array.OutputWords + overCount,
        };
    }
}
