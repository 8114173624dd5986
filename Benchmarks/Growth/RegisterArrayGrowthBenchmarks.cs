using BenchmarkDotNet.Attributes;
using QuantSim.Simulator.Config;
using QuantSim.Simulator.Mapping;
using QuantSim.Simulator.Systolic;

namespace QuantSim.Benchmarks.Growth;

/// <summary>
/// The register-level array (every PE register every cycle) on one GEMM of 10^4 .. 10^6 cycles
/// (<see cref="GrowthCase"/>) on 8x8 and 32x32: its cost grows with cycles x PEs by construction,
/// which is why it is the cross-check and not the engine.
/// </summary>
[Config(typeof(SimulatedCyclesConfig))]
public class RegisterArrayGrowthBenchmarks : ISimulatedCycles
{
    private ArrayMapping _mapping = null!;
    private GemmOperands _operands = null!;

    [Params(4, 5, 6)]
    public int CyclesExponent { get; set; } = 4;

    [Params(8, 32)]
    public int ArraySize { get; set; } = 32;

    public long SimulatedCycles { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var layer = GrowthCase.Gemm(CyclesExponent);
        _operands = GemmOperands.Random(new GemmProblem(layer.Name, layer.M, layer.N, layer.K), seed: 1);
        _mapping = DataflowMapper.Map(_operands.Problem, ArraySize, ArraySize, Dataflow.OutputStationary);
        SimulatedCycles = Run();
    }

    [Benchmark]
    public long Run() => RegisterArray.Run(_mapping, _operands).Cycles;
}
