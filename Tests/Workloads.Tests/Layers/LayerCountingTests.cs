using QuantSim.Workloads.Layers;

namespace QuantSim.Workloads.Tests.Layers;

/// <summary>MACs, parameters and output sizes of single layers, derived by hand.</summary>
[TestFixture]
public sealed class LayerCountingTests
{
    [Test]
    public void Should_count_conv_weights_bias_and_two_per_channel_for_a_following_norm()
    {
        // 3x3 conv, 16 -> 32 channels: weights 32*3*3*16 = 4,608; bias 32; batch norm scale+shift 64
        var conv = new ConvLayer("c", 8, 8, 16, 3, 3, 32);
        Assert.That(conv.Parameters, Is.EqualTo(4_608L));
        Assert.That((conv with { HasBias = true }).Parameters, Is.EqualTo(4_640L));
        Assert.That((conv with { HasNormalization = true }).Parameters, Is.EqualTo(4_672L));
        Assert.That((conv with { HasNormalization = true }).Macs, Is.EqualTo(conv.Macs), "normalization adds no MACs");
    }

    [Test]
    public void Should_count_a_depthwise_conv_per_group()
    {
        // Depthwise 3x3 on 14x14x96, stride 1, pad 1: 14*14*96*9 = 169,344 MACs, 96*9 = 864 weights
        var dw = ConvLayer.Depthwise("dw", 14, 14, 96, 3, 1, 1);
        Assert.That((dw.OutputHeight, dw.Macs, dw.Parameters), Is.EqualTo((14, 169_344L, 864L)));
    }

    [Test]
    public void Should_count_gemm_parameters_only_when_the_b_operand_is_weights()
    {
        // 128x768 by 768x768 projection: 768*768 = 589,824 weights + 768 bias; Q K^T has none
        var projection = new GemmLayer("q", 128, 768, 768) { HasBias = true };
        var scores = new GemmLayer("s", 128, 128, 64) { WeightsAreParameters = false };
        Assert.That(projection.Parameters, Is.EqualTo(590_592L));
        Assert.That((scores.Parameters, scores.Macs), Is.EqualTo((0L, 128L * 128 * 64)));
        Assert.That((scores with { HasNormalization = true }).Parameters, Is.EqualTo(256L), "a layer norm over N = 128 features");
    }

    [TestCase(224, 11, 4, 0, false, 54)] // (224-11)/4 = 53.25 -> 53 + 1
    [TestCase(224, 11, 4, 0, true, 55)] // SCALE-Sim: ceil((224-11+4)/4) = ceil(54.25) = 55
    [TestCase(227, 11, 4, 0, true, 55)] // divides exactly: both modes agree
    [TestCase(227, 11, 4, 0, false, 55)]
    [TestCase(7, 7, 2, 0, true, 1)] // kernel equals input: one window in both modes
    [TestCase(6, 3, 2, 1, false, 3)] // (6+2-3)/2 = 2.5 -> 2 + 1
    [TestCase(6, 3, 2, 1, true, 4)]
    public void Should_round_the_output_down_or_up_by_ceil_mode(int input, int kernel, int stride, int pad, bool ceil, int output)
    {
        var conv = new ConvLayer("c", input, input, 3, kernel, kernel, 8) { StrideH = stride, StrideW = stride, PadH = pad, PadW = pad, CeilMode = ceil };
        Assert.That((conv.OutputHeight, conv.OutputWidth), Is.EqualTo((output, output)));
    }

    [Test]
    public void Should_compare_workloads_by_name_and_layers_in_order()
    {
        var a = new Workload("w", [new GemmLayer("g", 1, 2, 3), new GemmLayer("h", 4, 5, 6)]);
        var b = new Workload("w", [new GemmLayer("g", 1, 2, 3), new GemmLayer("h", 4, 5, 6)]);
        var swapped = new Workload("w", [new GemmLayer("h", 4, 5, 6), new GemmLayer("g", 1, 2, 3)]);
        Assert.That(a, Is.EqualTo(b));
        Assert.That(a.GetHashCode(), Is.EqualTo(b.GetHashCode()));
        Assert.That(a, Is.Not.EqualTo(swapped));
        Assert.That(a, Is.Not.EqualTo(b with { Name = "v" }));
    }
}
