using QuantSim.Simulator.Config;
using QuantSim.Simulator.Mapping;
using QuantSim.Simulator.Timing;
using QuantSim.Workloads;
using QuantSim.Workloads.Layers;

namespace QuantSim.Simulator.Results;

/// <summary>
/// Per-layer array results with the fast engine (native or SCALE-Sim timing, as the array config says).
/// </summary>
public static class LayerSimulator
{
    /// <exception cref="Input.InputException">The layer's shape is impossible (names the layer).</exception>
    public static LayerResult Simulate(Layer layer, ArrayConfig array, string workloadName)
    {
        var problem = array.Timing == TimingConvention.ScaleSim
            ? ScaleSimTiming.Lower(layer, workloadName)
            : GemmLowering.Lower(layer, workloadName);
        var result = Simulate(problem, array);

        // MACs and traffic are those of the real layer, even where SCALE-Sim's output size differs.
        if (array.Timing == TimingConvention.ScaleSim && problem.M != GemmLowering.Lower(layer, workloadName).M)
        {
            var real = DataflowMapper.Map(GemmLowering.Lower(layer, workloadName), array);
            return result with { Problem = real.Problem, Traffic = EdgeTraffic.Of(real) };
        }

        return result;
    }

    public static LayerResult Simulate(GemmProblem problem, ArrayConfig array)
    {
        var mapping = DataflowMapper.Map(problem, array);
        long cycles = array.Timing == TimingConvention.ScaleSim ? ScaleSimTiming.Cycles(mapping) : NativeTiming.Cycles(mapping);
        return new LayerResult(problem.LayerName, problem, mapping, array.Timing, cycles, 0, EdgeTraffic.Of(mapping));
    }

    /// <summary>Every layer of a workload, all shape errors reported together.</summary>
    /// <exception cref="Input.InputException">At least one layer's shape is impossible.</exception>
    public static IReadOnlyList<LayerResult> Simulate(Workload workload, ArrayConfig array)
    {
        GemmLowering.LowerAll(workload.Layers, workload.Name);
        return workload.Layers.Select(l => Simulate(l, array, workload.Name)).ToList();
    }
}
