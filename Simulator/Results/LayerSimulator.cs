using QuantSim.Simulator.Config;
using QuantSim.Simulator.Mapping;
using QuantSim.Simulator.Planning;
using QuantSim.Simulator.Timing;
using QuantSim.Workloads;
using QuantSim.Workloads.Layers;

namespace QuantSim.Simulator.Results;

/// <summary>
/// Per-layer array results with the fast engine (the array alone, under the timing convention the
/// array config names). MACs and traffic are those of the real layer, even where the convention
/// times a different GEMM (SCALE-Sim's output size).
/// </summary>
public static class LayerSimulator
{
    /// <exception cref="Input.InputException">The layer's shape is impossible (names the layer).</exception>
    public static LayerResult Simulate(Layer layer, ArrayConfig array, string workloadName) =>
        Result(LayerPlanner.PlanArray(layer, GemmLowering.Lower(layer, workloadName), array, FoldTimings.For(array.Timing)), array);

    /// <summary>Every layer of a workload, all shape errors reported together.</summary>
    /// <exception cref="Input.InputException">At least one layer's shape is impossible.</exception>
    public static IReadOnlyList<LayerResult> Simulate(Workload workload, ArrayConfig array)
    {
        var problems = GemmLowering.LowerAll(workload.Layers, workload.Name);
        var timing = FoldTimings.For(array.Timing);
        return workload.Layers.Select((layer, i) => Result(LayerPlanner.PlanArray(layer, problems[i], array, timing), array)).ToList();
    }

    private static LayerResult Result(LayerPlan plan, ArrayConfig array) =>
        plan.Problem == plan.Mapping.Problem
            ? plan.Array
            : plan.Array with { Problem = plan.Problem, Traffic = EdgeTraffic.Of(DataflowMapper.Map(plan.Problem, array)) };
}
