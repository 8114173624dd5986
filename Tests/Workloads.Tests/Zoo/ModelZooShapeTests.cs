using QuantSim.Workloads.Layers;

namespace QuantSim.Workloads.Tests.Zoo;

/// <summary>Per-layer output shapes of the zoo models against the papers' tables.</summary>
[TestFixture]
public sealed class ModelZooShapeTests
{
    [Test]
    public void Should_give_alexnet_the_feature_map_sizes_of_Krizhevsky_2012()
    {
        // Source: Krizhevsky et al. 2012, Fig. 2 / section 3.5: 55x55x96, 27x27x256, 13x13x384,
        // 13x13x384, 13x13x256; fc6 reads 6x6x256 = 9216.
        var net = ModelZooTests.Get("alexnet");
        Assert.That(Shapes(net), Is.EqualTo(new[] { "55x55x96", "27x27x256", "13x13x384", "13x13x384", "13x13x256" }));
        Assert.That(Fc(net, "fc6").InputFeatures, Is.EqualTo(9216));
    }

    [Test]
    public void Should_give_vgg16_the_sizes_of_configuration_D()
    {
        // Source: Simonyan and Zisserman 2015, Table 1 (D) with 224x224 input and 2x2 pooling after each stack.
        var net = ModelZooTests.Get("vgg16");
        string[] expected =
        [
            "224x224x64", "224x224x64", "112x112x128", "112x112x128", "56x56x256", "56x56x256", "56x56x256",
            "28x28x512", "28x28x512", "28x28x512", "14x14x512", "14x14x512", "14x14x512",
        ];
        Assert.That(Shapes(net), Is.EqualTo(expected));
        Assert.That(net.Layers.OfType<FullyConnectedLayer>().Select(f => (f.InputFeatures, f.OutputFeatures)),
            Is.EqualTo(new[] { (25088, 4096), (4096, 4096), (4096, 1000) }));
    }

    [TestCase("resnet18", new[] { 64, 128, 256, 512 })]
    [TestCase("resnet50", new[] { 256, 512, 1024, 2048 })]
    public void Should_give_resnets_the_output_sizes_of_He_et_al_table_1(string name, int[] stageChannels)
    {
        // Source: He et al. 2016, Table 1: conv1 112x112x64; conv2_x 56x56, conv3_x 28x28, conv4_x 14x14,
        // conv5_x 7x7 with 64/128/256/512 (18-layer) or 256/512/1024/2048 (50-layer) output channels.
        var net = ModelZooTests.Get(name);
        Assert.That(Shape(Conv(net, "conv1")), Is.EqualTo("112x112x64"));
        int[] sizes = [56, 28, 14, 7];
        for (int stage = 0; stage < 4; stage++)
        {
            var last = net.Layers.OfType<ConvLayer>().Last(l => l.Name.StartsWith($"layer{stage + 1}.", StringComparison.Ordinal) && !l.Name.EndsWith("downsample", StringComparison.Ordinal));
            Assert.That(Shape(last), Is.EqualTo($"{sizes[stage]}x{sizes[stage]}x{stageChannels[stage]}"), $"stage {stage + 2}");
        }

        Assert.That(Fc(net, "fc").InputFeatures, Is.EqualTo(stageChannels[3]));
        // Projection shortcuts only where the shape changes: ResNet-50 at the first block of every stage, ResNet-18 of stages 3-5.
        Assert.That(net.Layers.Count(l => l.Name.EndsWith("downsample", StringComparison.Ordinal)), Is.EqualTo(name == "resnet50" ? 4 : 3));
    }

    [Test]
    public void Should_give_mobilenetv2_the_input_sizes_of_Sandler_et_al_table_2()
    {
        // Source: Sandler et al. 2018, Table 2, "Input" column per operator row:
        // 224²x3 conv2d; 112²x32, 112²x16, 56²x24, 28²x32, 14²x64, 14²x96, 7²x160 bottlenecks; 7²x320 conv2d 1x1; 7²x1280 avgpool.
        var net = ModelZooTests.Get("mobilenetv2");
        var firstOfRow = new[] { "features.0", "features.1.depthwise", "features.2.expand", "features.4.expand", "features.7.expand", "features.11.expand", "features.14.expand", "features.17.expand", "features.18" };
        string[] inputs = ["224x224x3", "112x112x32", "112x112x16", "56x56x24", "28x28x32", "14x14x64", "14x14x96", "7x7x160", "7x7x320"];
        Assert.That(firstOfRow.Select(n => InputShape(Conv(net, n))), Is.EqualTo(inputs));
        Assert.That(Shape(Conv(net, "features.18")), Is.EqualTo("7x7x1280"));
        Assert.That(Conv(net, "features.2.depthwise").Groups, Is.EqualTo(96), "16 channels expanded by t=6, depthwise");
        Assert.That(net.Layers.Count(l => l.Name.EndsWith("depthwise", StringComparison.Ordinal)), Is.EqualTo(17), "1+2+3+4+3+3+1 bottlenecks");
    }

    [Test]
    public void Should_give_cifar_resnet20_maps_of_32_16_8_with_16_32_64_filters()
    {
        // Source: He et al. 2016, section 4.2: feature maps {32, 16, 8} with {16, 32, 64} filters, 6n+2 = 20 layers for n = 3.
        var net = ModelZooTests.Get("resnet20");
        Assert.That(Shape(Conv(net, "conv1")), Is.EqualTo("32x32x16"));
        Assert.That(Shape(Conv(net, "layer1.2.conv2")), Is.EqualTo("32x32x16"));
        Assert.That(Shape(Conv(net, "layer2.0.conv1")), Is.EqualTo("16x16x32"));
        Assert.That(Shape(Conv(net, "layer3.2.conv2")), Is.EqualTo("8x8x64"));
        Assert.That(Fc(net, "fc").InputFeatures, Is.EqualTo(64));
    }

    [Test]
    public void Should_give_lenet5_the_maps_of_LeCun_1998()
    {
        // Source: LeCun et al. 1998, Fig. 2: C1 28x28x6, C3 10x10x16, S4 5x5x16 feeding C5 (120), F6 (84), 10 outputs.
        var net = ModelZooTests.Get("lenet5");
        Assert.That(Shapes(net), Is.EqualTo(new[] { "28x28x6", "10x10x16" }));
        Assert.That(net.Layers.OfType<FullyConnectedLayer>().Select(f => (f.InputFeatures, f.OutputFeatures)),
            Is.EqualTo(new[] { (400, 120), (120, 84), (84, 10) }));
    }

    [TestCase(128)]
    [TestCase(512)]
    public void Should_give_bert_base_per_head_attention_products(int sequence)
    {
        // Source: Devlin et al. 2019 (BERT-base: 768 hidden, 12 heads) and Vaswani et al. 2017 eq. 1:
        // scores Q K^T are L x L over d_k = 64, context is L x 64 over L.
        var net = ModelZooTests.Get($"bert-base-{sequence}");
        var gemms = net.Layers.Cast<GemmLayer>().ToList();
        Assert.That(gemms, Has.Count.EqualTo(3 + 12 + 12 + 3));
        Assert.That(gemms.All(g => g.M == sequence), Is.True);
        Assert.That(gemms.Where(g => g.Name.StartsWith("scores", StringComparison.Ordinal)).Select(g => (g.N, g.K)), Is.All.EqualTo((sequence, 64)));
        Assert.That(gemms.Where(g => g.Name.StartsWith("context", StringComparison.Ordinal)).Select(g => (g.N, g.K)), Is.All.EqualTo((64, sequence)));
        Assert.That(gemms.Single(g => g.Name == "intermediate") is { N: 3072, K: 768 }, Is.True);
        Assert.That(gemms.Single(g => g.Name == "output") is { N: 768, K: 3072 }, Is.True);
    }

    private static IEnumerable<string> Shapes(Workload net) => net.Layers.OfType<ConvLayer>().Select(Shape);

    private static string Shape(ConvLayer l) => $"{l.OutputHeight}x{l.OutputWidth}x{l.Filters}";

    private static string InputShape(ConvLayer l) => $"{l.InputHeight}x{l.InputWidth}x{l.InputChannels}";

    private static ConvLayer Conv(Workload net, string name) => net.Layers.OfType<ConvLayer>().Single(l => l.Name == name);

    private static FullyConnectedLayer Fc(Workload net, string name) => net.Layers.OfType<FullyConnectedLayer>().Single(l => l.Name == name);
}
