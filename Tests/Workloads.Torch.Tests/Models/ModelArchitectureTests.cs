using QuantSim.Workloads.Layers;
using QuantSim.Workloads.Torch.Models;
using QuantSim.Workloads.Torch.Quantization;

namespace QuantSim.Workloads.Torch.Tests.Models;

public sealed class ModelArchitectureTests
{
    [Test]
    public void Should_Extract_LeNet5_As_The_Simulator_Workload_With_The_Known_Counts()
    {
        // When the TorchSharp LeNet-5 is turned into a workload
        var workload = ModelArchitecture.LeNet5.ToWorkload();

        // Then MACs: conv1 28·28·6·25 = 117,600; conv2 10·10·16·150 = 240,000; fc 400·120 + 120·84 + 84·10
        // = 48,000 + 10,080 + 840 → 416,520. Parameters (weights + biases): 156 + 2,416 + 48,120 + 10,164 + 850
        // = 61,706, LeNet-5's usual figure.
        Assert.Multiple(() =>
        {
            Assert.That(workload.Macs, Is.EqualTo(416_520));
            Assert.That(workload.Parameters, Is.EqualTo(61_706));
            Assert.That(workload.Layers[1], Is.InstanceOf<ConvLayer>());
            Assert.That(((ConvLayer)workload.Layers[1]).InputHeight, Is.EqualTo(14));
            Assert.That(((FullyConnectedLayer)workload.Layers[2]).InputFeatures, Is.EqualTo(400));
        });
    }

    [Test]
    public void Should_Carry_Each_Layers_Own_Precision_Into_The_Workload()
    {
        // Given mixed precision at w4a4 with 8-bit first and last layers: fc1 (48,000 of the weights) gets w3a4
        var bits = new QuantizationConfig(QuantVariant.MixedPrecision, 4, 4).BitsFor(ModelArchitecture.LeNet5);
        var precisions = bits.Select(b => new Precision(b.Weight, b.Activation, 32)).ToList();

        var workload = ModelArchitecture.LeNet5.ToWorkload(precisions);

        Assert.That(workload.Layers.Select(l => l.Precision!.Name),
            Is.EqualTo(new[] { "w8a8", "w4a4", "w3a4", "w4a4", "w8a8" }));
    }
}
