using QuantSim.Workloads.Layers;
using QuantSim.Workloads.Torch.Models;
using QuantSim.Workloads.Zoo;

namespace QuantSim.Workloads.Torch.Tests.Models;

public sealed class GraphArchitectureTests
{
    [Test]
    public void Should_Count_ResNet20s_MACs_By_Hand()
    {
        // conv1 28·28·16·9 = 112,896; stage 1: 6 convs of 28·28·16·16·9 = 1,806,336; stages 2 and 3 each: a
        // stride-2 conv 903,168, five 3x3 convs 1,806,336 and a 1x1 projection 100,352 (14·14·32·16, 7·7·64·32)
        // = 10,035,200; fc 64·10 = 640 → 31,021,952.
        var workload = ModelArchitecture.ResNet20.ToWorkload();
        Assert.Multiple(() =>
        {
            Assert.That(workload.Layers, Has.Length.EqualTo(22));
            Assert.That(workload.Macs, Is.EqualTo(31_021_952));
            Assert.That(((ConvLayer)workload.Layers[^2]).OutputHeight, Is.EqualTo(7));
        });
    }

    [TestCase("resnet20-fmnist")]
    [TestCase("mobilenet-hswish")]
    public void Should_Match_The_Zoo_Workload_Layer_For_Layer(string name)
    {
        // Given the zoo builds the same network independently (NetworkBuilder tracks the shapes)
        Assert.That(ModelZoo.TryGet(name, out Workload zoo), Is.True);
        ModelArchitecture model = ModelArchitecture.Find(name)!;

        // Then the architecture's workload is the zoo's, so the study prices the network whose accuracy is measured
        Assert.Multiple(() =>
        {
            Assert.That(model.Mismatches(zoo), Is.Empty);
            Assert.That(model.ToWorkload().Layers, Is.EqualTo(zoo.Layers));
        });
    }

    [Test]
    public void Should_Describe_Every_Built_In_Graph_Consistently()
    {
        foreach (ModelArchitecture model in ModelArchitecture.All)
        {
            Assert.That(model.Problems(), Is.Empty, model.Name);
        }
    }

    [Test]
    public void Should_Find_A_Residual_Of_The_Wrong_Shape()
    {
        var bad = ModelArchitecture.ResNet20 with
        {
            Layers = ModelArchitecture.ResNet20.Layers.SetItem(8, ModelArchitecture.ResNet20.Layers[8] with { Residual = 0 }),
        };

        // layer2.0.conv2 (14x14x32) cannot add conv1's 28x28x16 output
        Assert.That(bad.Problems(), Has.Some.Contains("residual 0"));
    }

    [Test]
    public void Should_Keep_The_Checkpoint_Text_Of_Sequential_Layers()
    {
        // The record's text as it printed before the graph fields existed: cached LeNet-5 checkpoints keep their keys
        Assert.That(ModelArchitecture.LeNet5.Layers[0].Describe(), Is.EqualTo(
            "LayerSpec { Name = conv1, Kind = Conv, InputChannels = 1, OutputChannels = 6, Kernel = 5, Padding = 2, Relu = True, MaxPool = True, FanIn = 25, WeightCount = 150 }"));
        Assert.That(ModelArchitecture.ResNet20.Layers[9].Describe(), Does.EndWith("+ stride=2,bn,source=6,residual=8"));
    }

    [Test]
    public void Should_Give_Each_Tensor_One_Quantizer()
    {
        ModelArchitecture resnet = ModelArchitecture.ResNet20;
        Assert.Multiple(() =>
        {
            // layer1.2's output (layer 6) is read by layer2.0.conv1 (7) and the projection (9): one quantizer, 7's
            Assert.That(resnet.Layers[9].Name, Is.EqualTo("layer2.0.downsample"));
            Assert.That(resnet.InputQuantizerOf(9), Is.EqualTo(7));
            // layer2.0.conv2 (9's residual) is only added: its own output quantizer; the last conv feeds only the pool
            Assert.That(resnet.HasOwnOutputQuantizer(8), Is.True);
            Assert.That(resnet.HasOwnOutputQuantizer(7), Is.False);
            Assert.That(resnet.HasOwnOutputQuantizer(resnet.Layers.Length - 2), Is.True);
            Assert.That(resnet.InputQuantizerOf(resnet.Layers.Length - 1), Is.EqualTo(resnet.Layers.Length - 1));
        });
    }
}
