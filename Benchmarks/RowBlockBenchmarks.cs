using BenchmarkDotNet.Attributes;
using QuantSim.Simulator.Config;
using QuantSim.Simulator.Mapping;
using QuantSim.Simulator.Systolic;

namespace QuantSim.Benchmarks;

/// <summary>
/// The output-stationary register array run as 1 or 2 row blocks (threads) on the ArrayBenchmarks layer
/// (M=196, K=288, N=32) on 32x32 and on a 64x64 array, where each block has more rows per replayed top edge.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PeUpdatesConfig))]
public class RowBlockBenchmarks : IPeUpdatesBenchmark
{
    private ArrayMapping _mapping = null!;
    private GemmOperands _operands = null!;

    [Params(32, 64)]
    public int ArraySize { get; set; }

    [Params(1, 2)]
    public int Blocks { get; set; }

    public long PeUpdates { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _operands = GemmOperands.Random(new GemmProblem("resnet-like", 196, 32, 288), 1);
        _mapping = DataflowMapper.Map(_operands.Problem, ArraySize, ArraySize, Dataflow.OutputStationary);
        PeUpdates = new OutputStationaryArray(_mapping, _operands).Run(Blocks).PeUpdates;
    }

    [Benchmark]
    public long OutputStationaryRowBlocks() => new OutputStationaryArray(_mapping, _operands).Run(Blocks).Cycles;
}
