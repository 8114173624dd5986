using BenchmarkDotNet.Attributes;
using QuantSim.Simulator.Config;
using QuantSim.Simulator.Engine;
using QuantSim.Workloads;

namespace QuantSim.Benchmarks.Growth;

/// <summary>
/// What <c>quantsim simulate</c> runs (fast engine plus the memory system: DMA on the event kernel,
/// the LPDDR4-3200 bank timing model) on one GEMM of 10^4 .. 10^8 cycles (<see cref="GrowthCase"/>),
/// on the shipped default config with the array resized.
/// </summary>
[Config(typeof(SimulatedCyclesConfig))]
public class SimulateGrowthBenchmarks : ISimulatedCycles
{
    private AcceleratorConfig _config = null!;
    private Workload _workload = null!;

    [Params(4, 6, 8)]
    public int CyclesExponent { get; set; } = 4;

    // 256x256 folds of this GEMM do not fit the default config's buffers (the run is refused).
    [Params(8, 32)]
    public int ArraySize { get; set; } = 32;

    public long SimulatedCycles { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        string file = Path.Combine(AppContext.BaseDirectory, "accel-configs", "default.yaml");
        var config = AcceleratorConfigReader.Default.ReadFile(file);
        _config = config with { Array = config.Array with { Rows = ArraySize, Cols = ArraySize } };
        _workload = new Workload("growth", [GrowthCase.Gemm(CyclesExponent)]);
        SimulatedCycles = Run();
    }

    [Benchmark]
    public long Run() => AcceleratorSimulator.Run(_config, _workload).TotalCycles;
}
