using BenchmarkDotNet.Attributes;
using QuantSim.Simulator.Systolic;
using QuantSim.Simulator.Mapping;
using QuantSim.Workloads.Layers;

namespace QuantSim.Benchmarks;

/// <summary>
/// A whole real ResNet-50 layer on the register-level array, 32x32: layer2.0.conv2 (3x3, stride 2,
/// 56x56x128 -> 28x28x128: M=784, K=1152, N=128), operands built with im2col from random int8 tensors.
/// </summary>
[Config(typeof(PeUpdatesConfig))]
public class RegisterLevelResNetBenchmarks : RegisterArrayBenchmark
{
    [Benchmark]
    public long WholeLayer() => RunOnce();

    protected override GemmOperands Operands()
    {
        var conv = (ConvLayer)ResNet50Layers.All().Single(l => l.Name == "layer2.0.conv2");
        var rng = new Random(3);
        var input = Enumerable.Range(0, conv.InputHeight * conv.InputWidth * conv.InputChannels).Select(_ => rng.Next(-128, 128)).ToArray();
        var weights = Enumerable.Range(0, conv.Filters * conv.KernelHeight * conv.KernelWidth * conv.ChannelsPerGroup).Select(_ => rng.Next(-128, 128)).ToArray();
        return Im2Col.Operands(conv, input, weights, "resnet50");
    }
}
