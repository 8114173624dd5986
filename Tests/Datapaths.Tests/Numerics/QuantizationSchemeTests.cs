using QuantSim.Datapaths.Numerics;

namespace QuantSim.Datapaths.Tests.Numerics;

[TestFixture]
public sealed class QuantizationSchemeTests
{
    private static readonly QuantizerSpec Int8 = new(8, true, Granularity.PerTensor, ScaleKind.Real, false);
    private static readonly QuantizerSpec Uint4Offset = new(4, false, Granularity.PerTensor, ScaleKind.Real, true);

    [Test]
    public void Should_state_code_ranges_from_bits_and_signedness()
    {
        Assert.Multiple(() =>
        {
            Assert.That((Int8.QMin, Int8.QMax), Is.EqualTo((-128, 127)));
            Assert.That((Uint4Offset.QMin, Uint4Offset.QMax), Is.EqualTo((0, 15)));
        });
    }

    [TestCase(0.25, 1, Description = "0.5 step: 0.25/0.5 = 0.5 ties up to 1 (floor(x + 0.5))")]
    [TestCase(0.75, 2, Description = "1.5 ties up to 2")]
    [TestCase(-0.75, -1, Description = "-1.5 ties up to -1")]
    [TestCase(1.25, 3, Description = "2.5 ties up to 3 (torch.round would give 2)")]
    [TestCase(1.3, 3, Description = "2.6 -> 3")]
    [TestCase(1000.0, 127, Description = "clamped to qmax")]
    [TestCase(-1000.0, -128, Description = "clamped to qmin")]
    public void Should_round_half_up_and_clamp(double x, int expected)
    {
        var scheme = Int8.WithScale(0.5);
        Assert.That(scheme.Quantize(x), Is.EqualTo(expected));
    }

    [Test]
    public void Should_add_the_zero_point_before_clamping()
    {
        // Given s = 0.1, z = 3: x = -0.3 -> round(-3) + 3 = 0; x = -0.5 -> -5 + 3 = -2 -> clamped to 0;
        // dequantize(q) = 0.1·(q - 3).
        var scheme = Uint4Offset.WithScale(0.1, 3);
        Assert.Multiple(() =>
        {
            Assert.That(scheme.Quantize(-0.3), Is.EqualTo(0));
            Assert.That(scheme.Quantize(-0.5), Is.EqualTo(0));
            Assert.That(scheme.Quantize(0.0), Is.EqualTo(3));
            Assert.That(scheme.Dequantize(13), Is.EqualTo(1.0).Within(1e-12));
            Assert.That(scheme.FakeQuantize(0.42), Is.EqualTo(0.4).Within(1e-12));
        });
    }

    [Test]
    public void Should_refuse_inconsistent_parameters()
    {
        var pot = new QuantizerSpec(8, true, Granularity.PerTensor, ScaleKind.PowerOfTwo, false);
        var perChannel = Int8 with { Granularity = Granularity.PerChannel };
        Assert.Multiple(() =>
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => pot.WithScale(0.3), "not a power of two");
            Assert.Throws<ArgumentOutOfRangeException>(() => Int8.WithScale(0.5, 2), "symmetric with a zero point");
            Assert.Throws<ArgumentOutOfRangeException>(() => Uint4Offset.WithScale(0.5, 16), "zero point outside the codes");
            Assert.Throws<ArgumentException>(() => Int8.WithScales([0.1, 0.2]), "two scales per tensor");
            Assert.That(perChannel.WithScales([0.1, 0.2]).Scale(1), Is.EqualTo(0.2));
            Assert.That(pot.WithFractionalBits(5).FractionalBits(), Is.EqualTo(5));
        });
    }
}
