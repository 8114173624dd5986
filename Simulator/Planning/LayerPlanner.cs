using QuantSim.Datapaths.Hardware;
using QuantSim.Simulator.Config;
using QuantSim.Simulator.Mapping;
using QuantSim.Simulator.Timing;
using QuantSim.Workloads.Layers;

namespace QuantSim.Simulator.Planning;

/// <summary>
/// Plans a layer once: the timing convention's GEMM of it, mapped onto the logical array, tiled in
/// time to the buffers, its cycles counted (the per-fold schedule is made where folds are walked, <see cref="LayerPlan.Schedule"/>).
/// <para>A PE that does p/q MACs per cycle (a bit-composable PE at low precision, a bit-serial PE) is
/// timed as a logical array p times wider, each of whose cycles takes q clock cycles: fused
/// sub-multipliers work on different output columns side by side, and a multi-cycle MAC slows the
/// whole systolic wave uniformly.</para>
/// </summary>
public static class LayerPlanner
{
    /// <summary>
    /// A layer in the accelerator: <paramref name="problem"/> is its own GEMM view, already validated
    /// (<see cref="GemmLowering"/>); <paramref name="throughput"/> the PE's MACs per cycle.
    /// </summary>
    public static LayerPlan Plan(
        Layer layer, GemmProblem problem, ArrayConfig array, IFoldTiming timing, PeThroughput throughput, BufferSetConfig buffers, int accumulatorBits)
    {
        // PeThroughput is kept in lowest terms, so p and q need no further reduction.
        var mapped = DataflowMapper.Map(timing.Lower(layer, problem), array.Rows, array.Cols * throughput.Macs, array.Dataflow);
        return Counted(layer, problem, timing.Tile(mapped, buffers, accumulatorBits), timing, throughput.Cycles);
    }

    /// <summary>The array alone: one MAC per PE per cycle, never tiled in time (as if the output buffer were unbounded).</summary>
    public static LayerPlan PlanArray(Layer layer, GemmProblem problem, ArrayConfig array, IFoldTiming timing) =>
        Counted(layer, problem, DataflowMapper.Map(timing.Lower(layer, problem), array), timing, 1);

    private static LayerPlan Counted(Layer layer, GemmProblem problem, ArrayMapping mapping, IFoldTiming timing, int clocksPerArrayCycle) =>
        new(layer, problem, mapping, timing.Cycles(mapping) * clocksPerArrayCycle, clocksPerArrayCycle, timing);
}
