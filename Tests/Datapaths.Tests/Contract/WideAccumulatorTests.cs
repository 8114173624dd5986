using System.Numerics;
using QuantSim.Datapaths.Contract;
using QuantSim.Datapaths.Lsq;
using QuantSim.Datapaths.Numerics;
using QuantSim.Datapaths.ScaleOffset;
using QuantSim.Workloads;
using QuantSim.Workloads.Layers;

namespace QuantSim.Datapaths.Tests.Contract;

/// <summary>
/// Accumulators wider than 32 bits (issue 14): <c>auto</c> sizes the dequantize forms to their dot product
/// with no 32-bit cap; the sized width holds worst-case sums exactly (checked against BigInteger); the
/// requantizer takes a 64-bit accumulator with one rounding (checked against BigInteger); a fixed width that
/// is too narrow is reported per layer.
/// </summary>
public sealed class WideAccumulatorTests
{
    private static readonly ScaleOffsetDatapath ScaleOffset = new();

    private static DatapathChoice Auto(IDatapath datapath, Precision precision, params (string Key, string Value)[] options) =>
        DatapathChoice.Of(datapath, precision, options.ToDictionary(o => o.Key, o => o.Value)) with { SizesAccumulators = true };

    // By hand: the multiplier sees D-bit signed values (D x D), so 2D + ceil(log2 K).
    [TestCase("16", 25, 32 + 5)] // LeNet-5 conv1: 5x5x1
    [TestCase("16", 150, 32 + 8)] // conv2: 5x5x6, ceil(log2 150) = 8
    [TestCase("16", 400, 32 + 9)] // fc1
    [TestCase("16", 4608, 32 + 13)] // ResNet-18's 3x3x512
    [TestCase("8", 400, 16 + 9)]
    [TestCase("8", 1, 16)] // K = 1: one product
    public void Should_size_the_dequantize_forms_to_2d_plus_ceil_log2_k_without_a_32_bit_cap(string d, int k, int bits)
    {
        foreach (string form in new[] { ScaleOffsetDatapath.DequantizeInPe, ScaleOffsetDatapath.DequantizeAtEdge })
        {
            var choice = Auto(ScaleOffset, Precision.W8A8, ("form", form), ("dequant_bits", d));
            Assert.That(choice.Sized(Precision.W8A8, k).AccumulatorBits, Is.EqualTo(bits), form);
            // The operand codes' widths do not matter once they are dequantized: w4a4 needs the same.
            Assert.That(choice.Sized(new Precision(4, 4, 32), k).AccumulatorBits, Is.EqualTo(bits), form);
        }
    }

    // Signedness by hand: unsigned 8-bit activation x signed 8-bit weight (lsq) is a 16-bit product;
    // in-pe's (x - z_x) is a signed 9-bit operand, and asymmetric weights make (w - z_w) 9 bits too.
    [TestCase("lsq", "symmetric", 8, 576, 16 + 10)]
    [TestCase("in-pe", "symmetric", 8, 576, 17 + 10)]
    [TestCase("in-pe", "asymmetric", 8, 576, 18 + 10)]
    [TestCase("in-pe", "asymmetric", 16, 1 << 20, 34 + 20)] // w16a16 over 2^20 terms: 54 bits, beyond the old 32 cap
    public void Should_count_the_sign_and_offset_bits_of_each_operand(string form, string weights, int bits, int k, int expected)
    {
        var precision = new Precision(bits, bits, 32);
        var choice = form == "lsq" ? Auto(new LsqDatapath(), precision) : Auto(ScaleOffset, precision, ("form", form), ("weights", weights));
        Assert.That(choice.Sized(precision, k).AccumulatorBits, Is.EqualTo(expected));
    }

    [Test]
    public void Should_hold_a_need_above_64_bits_at_64_and_report_it()
    {
        // 16-bit values over 2^31 - 1 terms need 32 + 31 = 63; w16a16 asymmetric in-pe over 2^31 - 1: 34 + 31 = 65.
        var precision = new Precision(16, 16, 32);
        var choice = Auto(ScaleOffset, precision, ("form", "in-pe"), ("weights", "asymmetric"));
        Assert.That(choice.Sized(precision, int.MaxValue).AccumulatorBits, Is.EqualTo(64));
        var wrap = AccumulatorWrapCheck.Check(choice, [("big", choice.Sized(precision, int.MaxValue), int.MaxValue, false)]).Single();
        Assert.That((wrap.BitsNeeded, wrap.BitsConfigured), Is.EqualTo((65, 64)));
        Assert.That(wrap.Message, Does.Contain("no accumulator of at most 64 bits holds them"));
    }

    [TestCase("16", 8, 400)]
    [TestCase("16", 4, 4608)]
    [TestCase("16", 8, 25)]
    [TestCase("8", 8, 4608)]
    public void Should_not_wrap_at_the_auto_width_when_every_code_is_at_its_extreme(string d, int bits, int k)
    {
        // Given a dequantize kernel built at the auto width, scales that put every dequantized value at the edge
        // of D bits, and weights and activations at their extreme codes (most negative weight, largest activation)
        var precision = new Precision(bits, bits, 32);
        var choice = Auto(ScaleOffset, precision, ("form", "dequantize-in-pe"), ("dequant_bits", d));
        var sized = choice.Sized(precision, k);
        var specs = choice.Quantizers(sized);
        var input = specs.Activations.WithScale(0.02, 3);
        var weightScheme = specs.Weights.WithScale(0.01);
        var weightRange = CodeRange.Of(specs.Weights);
        var activationRange = CodeRange.Of(specs.Activations);
        var weights = new int[k, 2];
        for (int i = 0; i < k; i++)
        {
            weights[i, 0] = weightRange.Min; // every product at its most negative
            weights[i, 1] = i % 2 == 0 ? weightRange.Min : weightRange.Max;
        }

        var kernel = choice.CreateKernel(LayerQuantization.WithoutBias(input, weightScheme, null, 2), weights, sized);
        Assert.That(kernel.AccumulatorBits, Is.EqualTo(sized.AccumulatorBits));
        foreach (int activation in new[] { activationRange.Max, activationRange.Min })
        {
            for (int c = 0; c < 2; c++)
            {
                // When the PE accumulates K products Then the sum is the BigInteger dot product of the PE operands
                long acc = 0;
                BigInteger exact = BigInteger.Zero;
                for (int i = 0; i < k; i++)
                {
                    acc = kernel.Mac(acc, activation, weights[i, c]);
                    exact += new BigInteger(kernel.PeActivation(activation)) * kernel.PeWeight(weights[i, c]);
                }

                Assert.That(new BigInteger(acc), Is.EqualTo(exact), $"a = {activation}, column {c}");
            }
        }

        // And the configured 32 bits would not hold the worst column (the reason for the finding).
        long worst = (long)k * kernel.PeActivation(activationRange.Max) * kernel.PeWeight(weightRange.Min);
        Assert.That(Accumulator.Wrap(worst, 32), d == "16" ? Is.Not.EqualTo(worst) : Is.EqualTo(worst));
    }

    [Test]
    public void Should_requantize_a_64_bit_accumulator_with_one_rounding()
    {
        // Given M = 0.3 as (M0, shift) and accumulators far beyond int32
        var m = FixedPointMultiplier.FromReal(0.3);
        var stage = new MultiplierOutputStage(new AccumulatorOutput([0L], 0, 64), [m], 0, int.MinValue, int.MaxValue);
        long[] values = [-(1L << 40) + 12345, (1L << 38) + 7, 1L << 33, -(1L << 35) - 1, 1_000_000_007L, -3];
        foreach (long acc in values)
        {
            // Then out = floor(acc·M0 / 2^(31 - shift) + 1/2), saturated to int32, computed with BigInteger
            BigInteger product = new BigInteger(acc) * m.Multiplier;
            int t = 31 - m.Shift;
            BigInteger rounded = BigInteger.Divide(product + (BigInteger.One << (t - 1)) - Floor(product + (BigInteger.One << (t - 1)), t), BigInteger.One << t);
            BigInteger expected = BigInteger.Max(int.MinValue, BigInteger.Min(int.MaxValue, rounded));
            Assert.That(new BigInteger(stage.Finish(acc, 0, 0)), Is.EqualTo(expected), $"acc = {acc}");
        }

        // And a value that fits an int gives the int32 path's result exactly.
        Assert.That(m.Apply(123456789L), Is.EqualTo((Int128)m.Apply(123456789)));
    }

    [Test]
    public void Should_report_each_layer_whose_sums_can_wrap_a_fixed_accumulator()
    {
        // Given LeNet-5 (K = 25, 150, 400, 120, 84) on dequantize-in-pe at D = 16 with a fixed 32-bit accumulator
        var fixed32 = DatapathChoice.Of(ScaleOffset, Precision.W8A8, new Dictionary<string, string> { ["form"] = "dequantize-in-pe" });
        var lenet = WorkloadSource.Resolve("lenet5");
        var wraps = AccumulatorWrapCheck.Check(fixed32, lenet);
        Assert.That(wraps.Select(w => (w.Layer, w.ReductionLength, w.BitsNeeded, w.BitsConfigured)), Is.EqualTo(new[]
        {
            ("conv1", 25, 37, 32), ("conv2", 150, 40, 32), ("fc1", 400, 41, 32), ("fc2", 120, 39, 32), ("fc3", 84, 39, 32),
        }));
        // And at D = 8 (8 + 8 + ceil(log2 400) = 25 at most) or with auto, none can.
        var d8 = DatapathChoice.Of(ScaleOffset, Precision.W8A8, new Dictionary<string, string> { ["form"] = "dequantize-in-pe", ["dequant_bits"] = "8" });
        Assert.That(AccumulatorWrapCheck.Check(d8, lenet), Is.Empty);
        Assert.That(AccumulatorWrapCheck.Check(fixed32 with { SizesAccumulators = true }, lenet), Is.Empty);
    }

    /// <summary>The remainder of value modulo 2^t in [0, 2^t), so (value − it) / 2^t is the floor.</summary>
    private static BigInteger Floor(BigInteger value, int t)
    {
        var modulus = BigInteger.One << t;
        var r = BigInteger.Remainder(value, modulus);
        return r.Sign < 0 ? r + modulus : r;
    }
}
