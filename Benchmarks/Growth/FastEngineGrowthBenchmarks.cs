using BenchmarkDotNet.Attributes;
using QuantSim.Simulator.Config;
using QuantSim.Simulator.Results;
using QuantSim.Workloads.Layers;

namespace QuantSim.Benchmarks.Growth;

/// <summary>
/// The fast engine (closed-form fold timings, no memory system) on one GEMM of 10^4 .. 10^8 cycles
/// on 32x32 (<see cref="GrowthCase"/>; a smaller array runs the same GEMM in more folds and cycles, a
/// larger one in fewer) over array sizes 8x8 .. 256x256. Its cost follows the folds it plans, one
/// after another; 10^10 cycles (1.5e8 folds on 8x8) took two minutes here, past what BenchmarkDotNet
/// runs in process, so it is left out (docs/performance.md).
/// </summary>
[Config(typeof(SimulatedCyclesConfig))]
public class FastEngineGrowthBenchmarks : ISimulatedCycles
{
    private GemmLayer _layer = null!;
    private ArrayConfig _array = null!;

    [Params(4, 6, 8)]
    public int CyclesExponent { get; set; } = 4;

    [Params(8, 32, 256)]
    public int ArraySize { get; set; } = 32;

    public long SimulatedCycles { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _layer = GrowthCase.Gemm(CyclesExponent);
        _array = new ArrayConfig(ArraySize, ArraySize, Dataflow.OutputStationary, TimingConvention.ScaleSim);
        SimulatedCycles = Run();
    }

    [Benchmark]
    public long Run() => LayerSimulator.Simulate(_layer, _array, "growth").TotalCycles;
}
