using QuantSim.Simulator.Config;
using QuantSim.Simulator.Engine;
using QuantSim.Simulator.Mapping;
using QuantSim.Simulator.Memory;
using QuantSim.Simulator.Planning;
using QuantSim.Workloads.Layers;

namespace QuantSim.Simulator.Timing;

/// <summary>
/// <c>timing: native</c>: the real layer's GEMM, tiled in time when partial sums do not fit
/// (<see cref="TemporalTiling"/>), folds timed by <see cref="NativeTiming"/>, SRAM counted in words
/// (<see cref="SramAccounting"/>). The register-level array models it cycle for cycle.
/// </summary>
public sealed class NativeFoldTiming : IFoldTiming
{
    public static NativeFoldTiming Instance { get; } = new();

    private NativeFoldTiming()
    {
    }

    public TimingConvention Convention => TimingConvention.Native;

    public bool HasRegisterModel => true;

    public GemmProblem Lower(Layer layer, GemmProblem problem) => problem;

    public ArrayMapping Tile(ArrayMapping mapping, BufferSetConfig buffers, int accumulatorBits) =>
        TemporalTiling.Apply(mapping, buffers, accumulatorBits);

    public long Cycles(ArrayMapping mapping) => NativeTiming.Cycles(mapping);

    public FoldSchedule Schedule(ArrayMapping mapping) => NativeTiming.Schedule(mapping);

    public SramCounts CountSram(BufferSetConfig buffers, LayerPlan plan, LayerTrafficPlan traffic, Precision precision) =>
        SramAccounting.Count(buffers, plan.Traffic, traffic, precision);
}
