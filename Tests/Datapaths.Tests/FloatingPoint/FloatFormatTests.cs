using QuantSim.Datapaths.Numerics;

namespace QuantSim.Datapaths.Tests.FloatingPoint;

/// <summary>
/// IEEE rounding of <see cref="FloatFormat"/>: hand-chosen ties, overflow and subnormal cases, and random values
/// against references that do not share its code: for fp16 and bf16 the nearest of every finite value of the
/// format (enumerated from the bit patterns by System.Half and a float bit shift), ties to the even pattern;
/// for fp32 the machine's own double-to-float conversion.
/// </summary>
[TestFixture]
public sealed class FloatFormatTests
{
    private static double Fp16(double v) => FloatFormat.Fp16.ToDouble(FloatFormat.Fp16.Round(v));

    [TestCase(1.0 + 1.0 / 2048, 1.0, TestName = "fp16 tie 1 + 2^-11 rounds to the even 1")]
    [TestCase(1.0 + 3.0 / 2048, 1.0 + 4.0 / 2048, TestName = "fp16 tie 1 + 3·2^-11 rounds up to the even 1 + 2^-9")]
    [TestCase(65519.99, 65504.0, TestName = "fp16 just below the overflow tie stays at the largest finite")]
    [TestCase(5.9604644775390625E-08, 5.9604644775390625E-08, TestName = "fp16 smallest subnormal 2^-24 is exact")]
    [TestCase(2.98023223876953125E-08, 0.0, TestName = "fp16 2^-25, the tie between 0 and 2^-24, rounds to 0")]
    [TestCase(4.470348358154296875E-08, 5.9604644775390625E-08, TestName = "fp16 3·2^-26 rounds up to 2^-24")]
    [TestCase(6.1005353927612305E-05, 6.103515625E-05, TestName = "fp16 tie between the largest subnormal and 2^-14 rounds to the even 2^-14")]
    public void Should_round_hand_chosen_fp16_cases(double value, double expected) =>
        Assert.That(Fp16(value), Is.EqualTo(expected));

    [Test]
    public void Should_overflow_to_infinity_at_the_fp16_tie_and_keep_signed_zero()
    {
        Assert.That(FloatFormat.Fp16.Round(65520.0), Is.EqualTo(0x7C00), "65520 is the tie between 65504 and 2^16: to even, which overflows");
        Assert.That(FloatFormat.Fp16.Round(-65520.0), Is.EqualTo(0xFC00));
        Assert.That(FloatFormat.Fp16.Round(-0.0), Is.EqualTo(0x8000));
        Assert.That(FloatFormat.Fp16.Round(-1e-30), Is.EqualTo(0x8000), "underflow keeps the sign");
        Assert.That(FloatFormat.Fp16.IsNaN(FloatFormat.Fp16.Round(double.NaN)), Is.True);
        Assert.That(FloatFormat.Bf16.Round(1.0 + 1.0 / 256), Is.EqualTo(0x3F80), "bf16 tie 1 + 2^-8 to the even 1");
        Assert.That(FloatFormat.Bf16.Round(1.0 + 3.0 / 256), Is.EqualTo(0x3F82), "bf16 tie 1 + 3·2^-8 to the even 1 + 2^-6");
    }

    [Test]
    public void Should_decode_every_fp16_pattern_as_System_Half_does()
    {
        for (int bits = 0; bits < 0x10000; bits++)
        {
            double expected = (double)BitConverter.UInt16BitsToHalf((ushort)bits);
            double actual = FloatFormat.Fp16.ToDouble(bits);
            Assert.That(actual.Equals(expected), Is.True, $"pattern 0x{bits:X4}: {actual} vs {expected}");
        }
    }

    [TestCase("fp16")]
    [TestCase("bf16")]
    public void Should_round_random_values_to_the_nearest_finite_value_ties_to_even(string name)
    {
        var format = FloatFormat.Of(name);
        var finite = FiniteNonNegative(name);
        var random = new Random(name.Length * 31);
        for (int i = 0; i < 20000; i++)
        {
            // Values across the format's range, half of them exactly halfway between neighbours.
            int j = random.Next(0, finite.Values.Length - 1);
            double low = finite.Values[j], high = finite.Values[j + 1];
            double value = i % 2 == 0 ? low + (high - low) * random.NextDouble() : (low + high) / 2;
            int expected = Nearest(finite, value);
            Assert.That(format.Round(value), Is.EqualTo(expected), $"{name} {value:R} between {low:R} and {high:R}");
            Assert.That(format.Round(-value), Is.EqualTo(expected | (1 << 15)), $"{name} -{value:R}");
        }
    }

    [Test]
    public void Should_round_to_fp32_as_the_machines_double_to_float_conversion()
    {
        var random = new Random(32);
        for (int i = 0; i < 100000; i++)
        {
            // Products of two floats (exact in a double), across normal and subnormal results.
            double value = (double)RandomFloat(random) * RandomFloat(random);
            long expected = BitConverter.SingleToUInt32Bits((float)value);
            Assert.That(FloatFormat.Fp32.Round(value), Is.EqualTo(expected), $"{value:R}");
        }
    }

    private static float RandomFloat(Random random) =>
        (float)((random.NextDouble() - 0.5) * Math.Pow(2, random.Next(-80, 60)));

    /// <summary>Every finite non-negative value of the format and its bit pattern, ascending, decoded without FloatFormat.</summary>
    private static (double[] Values, int[] Bits) FiniteNonNegative(string name)
    {
        int end = name == "fp16" ? 0x7C00 : 0x7F80;
        int[] bits = [.. Enumerable.Range(0, end)];
        double[] values = [.. bits.Select(b => name == "fp16" ? (double)BitConverter.UInt16BitsToHalf((ushort)b) : BitConverter.UInt32BitsToSingle((uint)b << 16))];
        return (values, bits);
    }

    private static int Nearest((double[] Values, int[] Bits) finite, double value)
    {
        int hi = Array.BinarySearch(finite.Values, value);
        if (hi >= 0)
        {
            return finite.Bits[hi];
        }

        hi = ~hi;
        double below = value - finite.Values[hi - 1], above = finite.Values[hi] - value;
        int lowBits = finite.Bits[hi - 1], highBits = finite.Bits[hi];
        return below < above ? lowBits : above < below ? highBits : (lowBits % 2 == 0 ? lowBits : highBits);
    }
}
