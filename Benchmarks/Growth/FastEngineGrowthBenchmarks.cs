using BenchmarkDotNet.Attributes;
using QuantSim.Simulator.Config;
using QuantSim.Simulator.Results;
using QuantSim.Simulator.Timing;
using QuantSim.Workloads.Layers;

namespace QuantSim.Benchmarks.Growth;

/// <summary>
/// The fast engine (no memory system) on one GEMM of 10^4 .. 10^10 cycles on 32x32
/// (<see cref="GrowthCase"/>; a smaller array runs the same GEMM in more folds and cycles, a larger one
/// in fewer) over array sizes 8x8 .. 256x256, both timing conventions and two dataflows. Its cycle count
/// is closed form (<see cref="IFoldTiming.Cycles"/>): the cost should not grow with the cycles or folds.
/// Under OS the GEMM's rows are folds (1.5e8 of them at 10^10 on 8x8); under WS they are the stream.
/// </summary>
[Config(typeof(SimulatedCyclesConfig))]
public class FastEngineGrowthBenchmarks : ISimulatedCycles
{
    private GemmLayer _layer = null!;
    private ArrayConfig _array = null!;

    [Params(4, 6, 8, 10)]
    public int CyclesExponent { get; set; } = 4;

    [Params(8, 32, 256)]
    public int ArraySize { get; set; } = 32;

    [Params(TimingConvention.Native, TimingConvention.ScaleSim)]
    public TimingConvention Timing { get; set; } = TimingConvention.Native;

    [Params(Dataflow.OutputStationary, Dataflow.WeightStationary)]
    public Dataflow Dataflow { get; set; } = Dataflow.OutputStationary;

    public long SimulatedCycles { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _layer = GrowthCase.Gemm(CyclesExponent);
        _array = new ArrayConfig(ArraySize, ArraySize, Dataflow, Timing);
        SimulatedCycles = Run();
    }

    [Benchmark]
    public long Run() => LayerSimulator.Simulate(_layer, _array, "growth").TotalCycles;
}
