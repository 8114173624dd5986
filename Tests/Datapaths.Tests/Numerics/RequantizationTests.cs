using QuantSim.Datapaths.Numerics;
using QuantSim.Datapaths.Tests.Reference;

namespace QuantSim.Datapaths.Tests.Numerics;

/// <summary>
/// Single-rounding requantization (FixedPointMultiplier.Apply = round(x·M0 / 2^(31 − shift)), ties toward
/// +∞) and the rounding rule itself: hand-derived vectors, then a BigInteger reference on random inputs.
/// </summary>
[TestFixture]
public sealed class RequantizationTests
{
    private const int Min = int.MinValue;
    private const int Max = int.MaxValue;

    [TestCase(5L, 1, 3L, Description = "2.5 -> 3")]
    [TestCase(-5L, 1, -2L, Description = "-2.5 -> -2 (tie toward +inf)")]
    [TestCase(-3L, 1, -1L, Description = "-1.5 -> -1")]
    [TestCase(-7L, 2, -2L, Description = "-1.75 -> -2")]
    [TestCase(-5L, 2, -1L, Description = "-1.25 -> -1")]
    [TestCase(9L, 0, 9L, Description = "shift 0 is the identity")]
    [TestCase(long.MaxValue, 1, 1L << 62, Description = "(2^63 - 1)/2 = 2^62 - 0.5 -> 2^62, no overflow")]
    [TestCase(long.MinValue, 63, -1L, Description = "-2^63/2^63 = -1 exactly")]
    [TestCase(long.MaxValue, 63, 1L, Description = "(2^63 - 1)/2^63 just below 1 -> 1")]
    public void Should_round_to_nearest_with_ties_toward_plus_infinity(long value, int shift, long expected)
    {
        Assert.That(Rounding.ShiftRightNearest(value, shift), Is.EqualTo(expected));
    }

    [TestCase(0.5, 1.0)]
    [TestCase(-0.5, 0.0)]
    [TestCase(-1.5, -1.0)]
    [TestCase(2.5, 3.0)]
    [TestCase(2.4999, 2.0)]
    [TestCase(-2.5001, -3.0)]
    public void Should_round_reals_by_the_same_rule(double value, double expected)
    {
        Assert.That(Rounding.Nearest(value), Is.EqualTo(expected));
    }

    // round(x·M0 / 2^(31 − shift)), expected values by hand:
    [TestCase(100, 1 << 30, 0, 50, Description = "M = 0.5: 50")]
    [TestCase(101, 1 << 30, 0, 51, Description = "50.5 tie -> 51")]
    [TestCase(-101, 1 << 30, 0, -50, Description = "-50.5 tie -> -50")]
    [TestCase(5, 1 << 30, -1, 1, Description = "5·0.25 = 1.25 -> 1 (gemmlowp's double rounding gives 2)")]
    [TestCase(-3, 1 << 30, -1, -1, Description = "-0.75 -> -1")]
    [TestCase(6, 1 << 30, -1, 2, Description = "1.5 tie -> 2")]
    [TestCase(-6, 1 << 30, -1, -1, Description = "-1.5 tie -> -1")]
    [TestCase(Max, Max, 0, Max - 1, Description = "(2^31-1)^2/2^31 = 2^31 - 2 + 2^-31 -> 2^31 - 2")]
    [TestCase(Min, Min, -31, 1, Description = "2^62/2^62 = 1 exactly")]
    [TestCase(1 << 30, Max, -31, 0, Description = "2^30·(2^31-1)/2^62 = 0.5 - 2^-32 -> 0")]
    [TestCase(-(1 << 30), Max, -31, 0, Description = "-0.5 + 2^-32 -> 0")]
    [TestCase(Min, 1 << 30, -31, 0, Description = "-2^61/2^62 = -0.5 tie -> 0")]
    public void Should_requantize_hand_derived_vectors_with_one_rounding(int x, int m0, int shift, int expected)
    {
        Assert.That(new FixedPointMultiplier(m0, shift).Apply(x), Is.EqualTo((long)expected));
        Assert.That(ReferenceRequantizer.MultiplyByQuantizedMultiplier(x, m0, shift), Is.EqualTo((long)expected));
    }

    [Test]
    public void Should_not_saturate_inside_the_multiplier_for_factors_above_one()
    {
        // Given the largest factor FromReal accepts, (2^31 − 1)·2^(30 − 31) = 2^30 − 1/2, and x = 2^20.
        // When applied, Then the 64-bit result is the exact 2^50 − 2^19; only the output stage clamps.
        Assert.That(new FixedPointMultiplier(Max, 30).Apply(1 << 20), Is.EqualTo((1L << 50) - (1L << 19)));
    }

    [Test]
    public void Should_agree_with_the_BigInteger_reference_on_random_inputs()
    {
        // Given a fixed-seed sweep over accumulators, multipliers in [2^30, 2^31) and shifts in [-31, 30].
        var random = new Random(20260101);
        for (int i = 0; i < 200_000; i++)
        {
            int x = i % 4 == 0 ? random.Next(-70_000, 70_000) : (int)random.NextInt64(int.MinValue, (long)int.MaxValue + 1);
            int m0 = i % 7 == 0 ? int.MaxValue - random.Next(0, 16) : random.Next(1 << 30, int.MaxValue);
            int shift = random.Next(-31, 31);
            // Then every result is identical.
            Assert.That(new FixedPointMultiplier(m0, shift).Apply(x), Is.EqualTo(ReferenceRequantizer.MultiplyByQuantizedMultiplier(x, m0, shift)),
                $"x={x} M0={m0} shift={shift}");
        }
    }
}
