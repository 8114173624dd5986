using BenchmarkDotNet.Attributes;
using QuantSim.Simulator.Systolic;
using QuantSim.Simulator.Mapping;

namespace QuantSim.Benchmarks;

/// <summary>
/// Register-level array throughput on a ResNet-like layer (3x3 conv, 14x14x32 -> 32 filters, padded:
/// M=196, K=288, N=32) on a 32x32 array. The PE-updates/s column divides the PE-cycles of one run
/// (cycles x R x C) by the mean time.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PeUpdatesConfig))]
public class ArrayBenchmarks : RegisterArrayBenchmark
{
    [Benchmark]
    public long RegisterLevelLayer() => RunOnce();

    protected override GemmOperands Operands() => GemmOperands.Random(new GemmProblem("resnet-like", 196, 32, 288), 1);
}
