using QuantSim.Datapaths.Contract;
using QuantSim.Datapaths.Lsq;
using QuantSim.Datapaths.MixedPrecision;
using QuantSim.Datapaths.Numerics;
using QuantSim.Datapaths.ScaleOffset;
using QuantSim.Workloads.Layers;

namespace QuantSim.Datapaths.Tests.Contract;

/// <summary>
/// <c>accumulator_bits: auto</c>: the width a layer needs, derived by hand, and proof that it holds the
/// extreme dot product (every product at its most negative) while one bit fewer does not.
/// </summary>
public sealed class AccumulatorSizingTests
{
    private static int Needed(IDatapath datapath, Precision precision, int k, params (string Key, string Value)[] options)
    {
        var choice = DatapathChoice.Of(datapath, precision, options.ToDictionary(o => o.Key, o => o.Value));
        return AccumulatorSizing.Needed(datapath, choice.Settings, precision, k, 32);
    }

    [TestCase(8, 8, 4608, 29)] // 3x3x512: 8 + 8 + ceil(log2 4608) = 8 + 8 + 13
    [TestCase(4, 4, 9, 12)] // a depthwise 3x3: 4 + 4 + 4
    [TestCase(2, 2, 1, 4)] // K = 1: one product
    [TestCase(8, 8, 1 << 20, 32)] // 8 + 8 + 20 = 36: capped at the configured 32
    public void Should_size_lsq_as_operand_bits_plus_ceil_log2_k(int w, int a, int k, int bits) =>
        Assert.That(Needed(new LsqDatapath(), new Precision(w, a, 32), k), Is.EqualTo(bits));

    [Test]
    public void Should_add_the_bits_an_offset_form_adds_to_its_multiplier_operands()
    {
        var w8a8 = Precision.W8A8;
        Assert.Multiple(() =>
        {
            // in-pe and edge multiply (x - z_x), 9 bits; folded multiplies the codes.
            Assert.That(Needed(new ScaleOffsetDatapath(), w8a8, 4608, ("form", "in-pe")), Is.EqualTo(9 + 8 + 13));
            Assert.That(Needed(new ScaleOffsetDatapath(), w8a8, 4608, ("form", "edge")), Is.EqualTo(9 + 8 + 13));
            Assert.That(Needed(new ScaleOffsetDatapath(), w8a8, 4608, ("form", "folded")), Is.EqualTo(8 + 8 + 13));
            // Asymmetric weights: (w - z_w) is 9 bits too.
            Assert.That(Needed(new ScaleOffsetDatapath(), w8a8, 4608, ("form", "in-pe"), ("weights", "asymmetric")), Is.EqualTo(9 + 9 + 13));
            // Dequantized 8-bit values at K = 9: 8 + 8 + 4; 16-bit values need 45 > 32 and keep 32.
            Assert.That(Needed(new ScaleOffsetDatapath(), w8a8, 9, ("form", "dequantize-at-edge"), ("dequant_bits", "8")), Is.EqualTo(20));
            Assert.That(Needed(new ScaleOffsetDatapath(), w8a8, 4608, ("form", "dequantize-in-pe")), Is.EqualTo(32));
            // A bit-serial PE has no multiplier: its product is w + a bits.
            Assert.That(Needed(new MixedPrecisionDatapath(), new Precision(4, 4, 32), 64, ("pe", "bit-serial")), Is.EqualTo(4 + 4 + 6));
        });
    }

    [TestCase(8, 8, 4608)]
    [TestCase(4, 4, 9)]
    [TestCase(3, 5, 1000)]
    [TestCase(2, 2, 2)]
    public void Should_hold_the_extreme_dot_product_exactly_and_one_bit_fewer_should_not(int w, int a, int k)
    {
        // Signed b_w-bit weights at -2^(b_w-1), unsigned b_a-bit activations at 2^b_a - 1: the most negative sum.
        long extreme = -(long)k * (1L << (w - 1)) * ((1L << a) - 1);
        int bits = Needed(new LsqDatapath(), new Precision(w, a, 32), k);
        Assert.That(Accumulator.Wrap(extreme, bits), Is.EqualTo(extreme));
        if (k > 1 && (k & (k - 1)) != 0)
        {
            // For these K (not powers of two) one bit fewer overflows: the rule wastes no bit here.
            Assert.That(Accumulator.Wrap(extreme, bits - 1), Is.Not.EqualTo(extreme));
        }
    }
}
