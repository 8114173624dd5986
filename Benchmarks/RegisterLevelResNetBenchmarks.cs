using BenchmarkDotNet.Attributes;
using QuantSim.Simulator.Array;
using QuantSim.Simulator.Config;
using QuantSim.Simulator.Mapping;
using QuantSim.Workloads.Layers;

namespace QuantSim.Benchmarks;

/// <summary>
/// A whole real ResNet-50 layer on the register-level array, 32x32: layer2.0.conv2 (3x3, stride 2,
/// 56x56x128 -> 28x28x128: M=784, K=1152, N=128), operands built with im2col from random int8 tensors.
/// </summary>
[Config(typeof(PeUpdatesConfig))]
public class RegisterLevelResNetBenchmarks : IPeUpdatesBenchmark
{
    private ArrayMapping _mapping = null!;
    private GemmOperands _operands = null!;

    [Params(Dataflow.OutputStationary, Dataflow.WeightStationary, Dataflow.InputStationary)]
    public Dataflow Dataflow { get; set; }

    public long PeUpdates { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var conv = (ConvLayer)ResNet50Layers.All().Single(l => l.Name == "layer2.0.conv2");
        var rng = new Random(3);
        var input = Enumerable.Range(0, conv.InputHeight * conv.InputWidth * conv.InputChannels).Select(_ => rng.Next(-128, 128)).ToArray();
        var weights = Enumerable.Range(0, conv.Filters * conv.KernelHeight * conv.KernelWidth * conv.ChannelsPerGroup).Select(_ => rng.Next(-128, 128)).ToArray();
        _operands = Im2Col.Operands(conv, input, weights, "resnet50");
        _mapping = DataflowMapper.Map(_operands.Problem, 32, 32, Dataflow);
        PeUpdates = RegisterArray.Run(_mapping, _operands).PeUpdates;
    }

    [Benchmark]
    public long WholeLayer() => RegisterArray.Run(_mapping, _operands).Cycles;
}
