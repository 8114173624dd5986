using QuantSim.Input;
using QuantSim.Simulator.Mapping;
using QuantSim.Workloads.Layers;

namespace QuantSim.Simulator.Tests.Mapping;

[TestFixture]
public sealed class GemmLoweringTests
{
    [Test]
    public void Should_lower_a_padded_strided_dilated_conv_with_im2col_sizes()
    {
        // Given 15x17x6 input, 3x3 kernel dilated by 2 (extent 5), stride 2, pad 1, 10 filters
        var layer = new ConvLayer("c", 15, 17, 6, 3, 3, 10) { StrideH = 2, StrideW = 2, PadH = 1, PadW = 1, DilationH = 2, DilationW = 2 };

        // When lowered
        var p = GemmLowering.Lower(layer, "w");

        // Then output (15+2-5)/2+1 = 7 by (17+2-5)/2+1 = 8 -> M = 56; K = 3*3*6 = 54; N = 10
        Assert.That((p.M, p.N, p.K, p.Groups), Is.EqualTo((56, 10, 54, 1)));
        Assert.That(p.Macs, Is.EqualTo(layer.Macs));
    }

    [Test]
    public void Should_lower_grouped_and_depthwise_convs_per_group()
    {
        // Given a 4-group conv (8 channels, 12 filters) and a depthwise conv on 32 channels
        var grouped = new ConvLayer("g", 10, 10, 8, 3, 3, 12) { Groups = 4, PadH = 1, PadW = 1 };
        var depthwise = ConvLayer.Depthwise("dw", 14, 14, 32, 3, 2, 1);

        // When lowered
        var g = GemmLowering.Lower(grouped, "w");
        var d = GemmLowering.Lower(depthwise, "w");

        // Then each group is M x (R*S*C/g) x (F/g): 100 x 18 x 3 four times; depthwise 49 x 9 x 1, 32 times
        Assert.That((g.M, g.N, g.K, g.Groups), Is.EqualTo((100, 3, 18, 4)));
        Assert.That((d.M, d.N, d.K, d.Groups), Is.EqualTo((49, 1, 9, 32)));
        Assert.That(g.Macs, Is.EqualTo(grouped.Macs));
        Assert.That(d.Macs, Is.EqualTo(depthwise.Macs));
    }

    [Test]
    public void Should_lower_fully_connected_and_gemm_layers()
    {
        var fc = GemmLowering.Lower(new FullyConnectedLayer("fc", 2048, 1000) { Batch = 4 }, "w");
        var gemm = GemmLowering.Lower(new GemmLayer("qk", 128, 128, 64), "w");

        Assert.That((fc.M, fc.N, fc.K), Is.EqualTo((4, 1000, 2048)));
        Assert.That((gemm.M, gemm.N, gemm.K), Is.EqualTo((128, 128, 64)));
    }

    [TestCase(0, 8, 3, 1, "input height must be positive, got 0")]
    [TestCase(8, -2, 3, 1, "filters must be positive, got -2")]
    [TestCase(4, 8, 7, 1, "is larger than the padded input")]
    [TestCase(8, 8, 3, 3, "must both be divisible by groups (3)")]
    public void Should_reject_an_impossible_conv_naming_the_layer(int height, int filters, int kernel, int groups, string message)
    {
        // Given a conv with an impossible shape (4 channels)
        var layer = new ConvLayer("stage2.conv1", height, height, 4, kernel, kernel, filters) { Groups = groups };

        // When lowered
        var ex = Assert.Throws<InputException>(() => GemmLowering.Lower(layer, "resnet-mini"))!;

        // Then the error is an input error located at the workload and naming the layer
        var error = ex.Errors.Single(e => e.Message.Contains(message, StringComparison.Ordinal));
        Assert.That(error.File, Is.EqualTo("resnet-mini"));
        Assert.That(error.Line, Is.Zero);
        Assert.That(error.Field, Is.EqualTo("stage2.conv1"));
        Assert.That(error.Message, Does.Contain("layer 'stage2.conv1'"));
    }

    [Test]
    public void Should_report_every_invalid_layer_of_a_workload_at_once()
    {
        // Given two bad layers among good ones
        Layer[] layers =
        [
            new GemmLayer("ok", 4, 4, 4), new GemmLayer("zero-k", 4, 4, 0), new FullyConnectedLayer("neg", -1, 10),
        ];

        // When lowered together
        var ex = Assert.Throws<InputException>(() => GemmLowering.LowerAll(layers, "net"))!;

        // Then both are named, the good one is not
        Assert.That(ex.Errors.Select(e => e.Field), Is.EquivalentTo(new[] { "zero-k", "neg" }));
    }
}
