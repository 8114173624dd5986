using BenchmarkDotNet.Attributes;
using QuantSim.Simulator.Array;
using QuantSim.Simulator.Config;
using QuantSim.Simulator.Mapping;

namespace QuantSim.Benchmarks;

/// <summary>
/// Register-level array throughput on a ResNet-like layer (3x3 conv, 14x14x32 -> 32 filters, padded:
/// M=196, K=288, N=32) on a 32x32 array. The PE-updates/s column divides the PE-cycles of one run
/// (cycles x R x C) by the mean time.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PeUpdatesConfig))]
public class ArrayBenchmarks : IPeUpdatesBenchmark
{
    private ArrayMapping _mapping = null!;
    private GemmOperands _operands = null!;

    [Params(Dataflow.OutputStationary, Dataflow.WeightStationary, Dataflow.InputStationary)]
    public Dataflow Dataflow { get; set; }

    public long PeUpdates { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var problem = new GemmProblem("resnet-like", 196, 32, 288);
        _mapping = DataflowMapper.Map(problem, 32, 32, Dataflow);
        _operands = GemmOperands.Random(problem, 1);
        PeUpdates = RegisterArray.Run(_mapping, _operands).PeUpdates;
    }

    [Benchmark]
    public long RegisterLevelLayer() => RegisterArray.Run(_mapping, _operands).Cycles;
}
