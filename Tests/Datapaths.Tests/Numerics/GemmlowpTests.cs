using QuantSim.Datapaths.Numerics;
using QuantSim.Datapaths.Tests.Reference;

namespace QuantSim.Datapaths.Tests.Numerics;

/// <summary>Requantization test vectors: the hard cases of gemmlowp/TFLite rounding.</summary>
[TestFixture]
public sealed class GemmlowpTests
{
    private const int Min = int.MinValue;
    private const int Max = int.MaxValue;

    // SRDHM(a, b) = round(a·b / 2^31), ties toward +infinity: gemmlowp adds 2^30 to a non-negative
    // product and 1 - 2^30 to a negative one, then C's '/' truncates toward zero, so -0.5 -> 0 and
    // -1.5 -> -1 while 0.5 -> 1 and 1.5 -> 2. Each expected value derived by hand:
    [TestCase(Min, Min, Max, Description = "(-2^31)^2/2^31 = 2^31 does not fit: saturates to INT32_MAX")]
    [TestCase(Min, Max, -Max, Description = "-2^31·(2^31-1)/2^31 = -(2^31-1) exactly")]
    [TestCase(Max, Max, Max - 1, Description = "(2^31-1)^2/2^31 = 2^31 - 2 + 2^-31 -> 2^31-2")]
    [TestCase(1 << 30, 3, 2, Description = "2^30·3/2^31 = 1.5: tie rounds up -> 2")]
    [TestCase(-(1 << 30), 3, -1, Description = "-1.5: (-3·2^30 + 1 - 2^30)/2^31 = -2 + 2^-31, truncated -> -1")]
    [TestCase(1 << 30, 1, 1, Description = "0.5: tie -> 1")]
    [TestCase(-(1 << 30), 1, 0, Description = "-0.5: (-2^31 + 1)/2^31 truncated -> 0")]
    [TestCase(-7 << 28, 1, -1, Description = "-1.75·2^30/2^31 = -0.875 -> -1 (not a tie)")]
    [TestCase((1 << 30) - 1, 1, 0, Description = "just below 0.5 -> 0")]
    [TestCase(-(1 << 30) + 1, 1, 0, Description = "just above -0.5 -> 0")]
    [TestCase(1000, Max, 1000, Description = "M0 = 2^31-1 (multiplier near 2^31): 1000·(1 - 2^-31) -> 1000")]
    [TestCase(-1000, Max, -1000, Description = "same, negative")]
    [TestCase(Max, 1 << 30, 1 << 30, Description = "(2^31-1)·2^30/2^31 = 2^30 - 0.5: tie up -> 2^30")]
    [TestCase(-Max, 1 << 30, -(1 << 30) + 1, Description = "-(2^30 - 0.5): tie up -> -2^30 + 1")]
    [TestCase(0, Min, 0, Description = "zero stays zero")]
    public void Should_round_ties_up_and_saturate_in_SaturatingRoundingDoublingHighMul(int a, int b, int expected)
    {
        // Given hand-derived vectors, When multiplied, Then production and the BigInteger reference agree with them.
        Assert.That(Gemmlowp.SaturatingRoundingDoublingHighMul(a, b), Is.EqualTo(expected));
        Assert.That(ReferenceRequantizer.Srdhm(a, b), Is.EqualTo(expected));
    }

    // RDBPOT(x, e) = round(x / 2^e), ties away from zero:
    [TestCase(5, 1, 3, Description = "2.5 -> 3")]
    [TestCase(-5, 1, -3, Description = "-2.5 -> -3")]
    [TestCase(3, 1, 2, Description = "1.5 -> 2")]
    [TestCase(-3, 1, -2, Description = "-1.5 -> -2")]
    [TestCase(6, 2, 2, Description = "1.5 -> 2")]
    [TestCase(-6, 2, -2, Description = "-1.5 -> -2")]
    [TestCase(-7, 2, -2, Description = "-1.75 -> -2")]
    [TestCase(-5, 2, -1, Description = "-1.25 -> -1")]
    [TestCase(12345, 0, 12345, Description = "shift 0 is the identity")]
    [TestCase(-12345, 0, -12345, Description = "shift 0 is the identity")]
    [TestCase(Max, 0, Max, Description = "shift 0 at INT32_MAX")]
    [TestCase(Min, 0, Min, Description = "shift 0 at INT32_MIN")]
    [TestCase(Max, 31, 1, Description = "(2^31-1)/2^31 ~ 1 -> 1")]
    [TestCase(Min, 31, -1, Description = "-2^31/2^31 = -1 exactly")]
    [TestCase(1 << 30, 31, 1, Description = "0.5 tie -> 1")]
    [TestCase(-(1 << 30), 31, -1, Description = "-0.5 tie -> -1")]
    [TestCase((1 << 30) - 1, 31, 0, Description = "below 0.5 -> 0")]
    [TestCase(-(1 << 30) - 1, 31, -1, Description = "below -0.5 -> -1")]
    [TestCase(-(1 << 30) + 1, 31, 0, Description = "above -0.5 -> 0")]
    public void Should_round_half_away_from_zero_in_RoundingDivideByPot(int x, int exponent, int expected)
    {
        Assert.That(Gemmlowp.RoundingDivideByPot(x, exponent), Is.EqualTo(expected));
        Assert.That(ReferenceRequantizer.Rdbpot(x, exponent), Is.EqualTo(expected));
    }

    // out = RDBPOT(SRDHM(sat(x·2^left), M0), right), expected values by hand:
    [TestCase(100, 1 << 30, 0, 50, Description = "M = 0.5, shift 0: SRDHM = 50, RDBPOT(50, 0) = 50")]
    [TestCase(101, 1 << 30, 0, 51, Description = "50.5 tie -> 51")]
    [TestCase(-101, 1 << 30, 0, -50, Description = "-50.5 tie in SRDHM rounds up -> -50")]
    [TestCase(3, 1 << 30, -1, 1, Description = "SRDHM(3, 2^30) = round(1.5) = 2; RDBPOT(2, 1) = 1")]
    [TestCase(-3, 1 << 30, -1, -1, Description = "SRDHM = round(-1.5) = -1 (tie up); RDBPOT(-1, 1) = round(-0.5) = -1 (tie away)")]
    [TestCase(5, 1 << 30, -1, 2, Description = "SRDHM = round(2.5) = 3; RDBPOT(3, 1) = round(1.5) = 2")]
    [TestCase(-5, 1 << 30, -1, -1, Description = "SRDHM = round(-2.5) = -2 (tie up); RDBPOT(-2, 1) = -1")]
    [TestCase(Max, Max, 0, Max - 1, Description = "M0 near 2^31: (2^31-1)^2/2^31 -> 2^31-2")]
    [TestCase(Max, 1 << 30, 1, 1 << 30, Description = "left shift 1 saturates to 2^31-1; SRDHM = round(2^30 - 0.5) = 2^30")]
    [TestCase(1 << 20, 1 << 30, 30, 1 << 30, Description = "2^50 saturates to 2^31-1; then as above")]
    [TestCase(Min, Min, 0, Max, Description = "INT32_MIN·INT32_MIN saturates to INT32_MAX, shift 0 keeps it")]
    [TestCase(Min, Min, -31, 1, Description = "INT32_MAX / 2^31 = 1 - 2^-31 -> 1")]
    [TestCase(1 << 30, Max, -31, 1, Description = "SRDHM = round(2^30 - 0.5) = 2^30; RDBPOT(2^30, 31) = round(0.5) = 1")]
    [TestCase(-(1 << 30), Max, -31, 0, Description = "not a mirror: SRDHM = -2^30 + 0.5 ties up to -2^30 + 1; /2^31 is just above -0.5 -> 0")]
    [TestCase((1 << 30) - 1, Max, -31, 0, Description = "SRDHM = round(2^30 - 1.5 + 2^-31) = 2^30 - 1; /2^31 just below 0.5 -> 0")]
    public void Should_requantize_hand_derived_vectors_in_MultiplyByQuantizedMultiplier(int x, int m0, int shift, int expected)
    {
        Assert.That(Gemmlowp.MultiplyByQuantizedMultiplier(x, m0, shift), Is.EqualTo(expected));
        Assert.That(ReferenceRequantizer.MultiplyByQuantizedMultiplier(x, m0, shift), Is.EqualTo(expected));
    }

    [Test]
    public void Should_apply_double_rounding_on_ties()
    {
        // Given x = 5, M = 0.5 stored as (2^30, shift -1), i.e. 5·0.5·0.5 = 1.25.
        // When requantized, Then SRDHM(5, 2^30) = round(2.5) = 3 (tie away), RDBPOT(3, 1) = round(1.5) = 2.
        // A single rounding would give round(1.25) = 1: this pins the double-rounding build.
        Assert.That(Gemmlowp.MultiplyByQuantizedMultiplier(5, 1 << 30, -1), Is.EqualTo(2));
    }

    [Test]
    public void Should_saturate_the_left_shift_instead_of_overflowing()
    {
        // Given 2^20 << 30 = 2^50, which does not fit int32.
        // When requantized with M0 = 2^30 (0.5), Then the pre-shift saturates to 2^31-1 and
        // SRDHM gives round((2^31-1)/2) = round(2^30 - 0.5) = 2^30 (tie away).
        Assert.That(Gemmlowp.MultiplyByQuantizedMultiplier(1 << 20, 1 << 30, 30), Is.EqualTo(1 << 30));
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
            Assert.That(Gemmlowp.MultiplyByQuantizedMultiplier(x, m0, shift), Is.EqualTo(ReferenceRequantizer.MultiplyByQuantizedMultiplier(x, m0, shift)),
                $"x={x} M0={m0} shift={shift}");
        }
    }
}
