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
        // Given mixed precision at w4a4 with 8-bit first and last layers: fc1 (48,000 of the weights) gets the
        // next narrower width the bit-composable plug-in runs (2, 4, 8, 16): w2a4
        var bits = Variants.Config("mixed-precision", 4).BitsFor(ModelArchitecture.LeNet5);
        var precisions = bits.ToList();

        var workload = ModelArchitecture.LeNet5.ToWorkload(precisions);

        Assert.That(workload.Layers.Select(l => l.Precision!.Name),
            Is.EqualTo(new[] { "w8a8", "w4a4", "w2a4", "w4a4", "w8a8" }));
    }

    [TestCase(8, "w4a8")]
    [TestCase(2, "w2a2")]
    public void Should_Narrow_The_Largest_Layer_To_A_Width_The_Plug_In_Runs(int bits, string fc1)
    {
        // Given w8a8: 7 bits is not a bit-composable width, so fc1 drops to 4; at w2a2 nothing narrower exists
        var config = Variants.Config("mixed-precision", bits);

        Assert.Multiple(() =>
        {
            Assert.That(config.BitsFor(ModelArchitecture.LeNet5)[2].Name, Is.EqualTo(fc1));
            Assert.That(config.Problems(ModelArchitecture.LeNet5), Is.Empty);
        });
    }

    [Test]
    public void Should_Name_Each_Layer_The_Plug_In_Cannot_Run()
    {
        // Given w3a3 on the bit-composable PE (2, 4, 8 or 16 bits only); first and last layers are 8-bit
        var problems = Variants.Config("mixed-precision", 3).Problems(ModelArchitecture.LeNet5).ToList();

        // Then conv2 and fc2 are refused for weights and activations, fc1 for activations (its weights narrow to 2)
        Assert.That(problems, Has.Count.EqualTo(5));
        Assert.That(problems[0], Is.EqualTo("mixed-precision cannot run conv2 at w3a3: weight bits must be one of 2, 4, 8, 16, got 3"));
    }
}
