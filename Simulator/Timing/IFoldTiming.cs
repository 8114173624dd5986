using QuantSim.Simulator.Config;
using QuantSim.Simulator.Engine;
using QuantSim.Simulator.Mapping;
using QuantSim.Simulator.Memory;
using QuantSim.Simulator.Planning;
using QuantSim.Workloads.Layers;

namespace QuantSim.Simulator.Timing;

/// <summary>
/// A timing convention: which GEMM the array is timed on, whether it is tiled in time, when its
/// folds run, and how SRAM accesses are counted. <see cref="NativeFoldTiming"/> is QuantSim's own
/// microarchitecture; SCALE-Sim v2's conventions live behind this interface in ScaleSimCompat.
/// <see cref="FoldTimings.For"/> chooses one from <see cref="TimingConvention"/>, once; nothing
/// else branches on the convention.
/// </summary>
public interface IFoldTiming
{
    TimingConvention Convention { get; }

    /// <summary>Whether the register-level array models this convention, so it can cross-check it.</summary>
    bool HasRegisterModel { get; }

    /// <summary>The GEMM the array runs, given the layer and its own (validated) GEMM view.</summary>
    GemmProblem Lower(Layer layer, GemmProblem problem);

    /// <summary>The mapping with its streamed dimension tiled in time to fit the buffers, if this convention does.</summary>
    ArrayMapping Tile(ArrayMapping mapping, BufferSetConfig buffers, int accumulatorBits);

    /// <summary>
    /// The array cycles a mapping takes (<see cref="Schedule"/>'s total), at a cost that does not grow
    /// with the folds or cycles: the fast engine reads only this.
    /// </summary>
    long Cycles(ArrayMapping mapping);

    /// <summary>When each fold of a mapping runs, in array cycles, one entry per fold: for the memory system, which moves each fold's operands.</summary>
    FoldSchedule Schedule(ArrayMapping mapping);

    /// <summary>SRAM accesses of a planned layer and its DMA traffic.</summary>
    SramCounts CountSram(BufferSetConfig buffers, LayerPlan plan, LayerTrafficPlan traffic, Precision precision);
}
