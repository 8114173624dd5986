using QuantSim.Simulator.Mapping;
using QuantSim.Simulator.Results;
using QuantSim.Simulator.Timing;
using QuantSim.Workloads.Layers;

namespace QuantSim.Simulator.Planning;

/// <summary>
/// One layer lowered, mapped, tiled and scheduled once (<see cref="LayerPlanner"/>); the engine,
/// the traffic planner, the SRAM accounting and the register-level cross-check all read it.
/// <see cref="Problem"/> is the layer's own GEMM view; <see cref="Mapping"/> is what the logical
/// array runs (the timing convention's GEMM, tiled in time if the convention does);
/// <see cref="ComputeCycles"/> is the array's own time in clock cycles, each array cycle lasting
/// <see cref="ClocksPerArrayCycle"/> clocks (a PE that needs several cycles per MAC).
/// </summary>
public sealed record LayerPlan(
    Layer Layer,
    GemmProblem Problem,
    ArrayMapping Mapping,
    long ComputeCycles,
    int ClocksPerArrayCycle,
    IFoldTiming Timing)
{
    /// <summary>
    /// When each fold runs, in clock cycles. Made on each call, one entry per fold: the traffic planner
    /// reads it once per layer; everything else needs only <see cref="ComputeCycles"/>.
    /// </summary>
    public FoldSchedule Schedule() => Timing.Schedule(Mapping).InClocks(ClocksPerArrayCycle);

    /// <summary>Words crossing the array's edges as <see cref="Mapping"/> runs.</summary>
    public EdgeTraffic Traffic => EdgeTraffic.Of(Mapping);

    /// <summary>The array's result as timed (the timing convention's GEMM, its traffic), no stalls.</summary>
    public LayerResult Array => new(Mapping.Problem.LayerName, Mapping.Problem, Mapping, Timing.Convention, ComputeCycles, 0, Traffic);
}
