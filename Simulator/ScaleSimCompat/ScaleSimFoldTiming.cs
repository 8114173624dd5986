using QuantSim.Simulator.Config;
using QuantSim.Simulator.Engine;
using QuantSim.Simulator.Mapping;
using QuantSim.Simulator.Memory;
using QuantSim.Simulator.Planning;
using QuantSim.Simulator.Timing;
using QuantSim.Workloads.Layers;

namespace QuantSim.Simulator.ScaleSimCompat;

/// <summary>
/// <c>timing: scalesim</c>: SCALE-Sim's GEMM view (<see cref="ScaleSimLowering"/>, its output size),
/// never tiled in time, folds serialized as <see cref="ScaleSimFoldSchedule"/>, SRAM counted per
/// element as SCALE-Sim reports it (<see cref="ScaleSimSramAccounting"/>). The register-level array
/// models QuantSim's microarchitecture, not this.
/// </summary>
public sealed class ScaleSimFoldTiming : IFoldTiming
{
    public static ScaleSimFoldTiming Instance { get; } = new();

    private ScaleSimFoldTiming()
    {
    }

    public TimingConvention Convention => TimingConvention.ScaleSim;

    public bool HasRegisterModel => false;

    public GemmProblem Lower(Layer layer, GemmProblem problem) => GemmProblem.Of(problem.LayerName, ScaleSimLowering.View(layer));

    public ArrayMapping Tile(ArrayMapping mapping, BufferSetConfig buffers, int accumulatorBits) => mapping;

    public long Cycles(ArrayMapping mapping) => ScaleSimTiming.Cycles(mapping);

    public FoldSchedule Schedule(ArrayMapping mapping) => ScaleSimFoldSchedule.Of(mapping);

    public SramCounts CountSram(BufferSetConfig buffers, LayerPlan plan, LayerTrafficPlan traffic, Precision precision) =>
        ScaleSimSramAccounting.Count(buffers, plan.Mapping, traffic, precision);
}
