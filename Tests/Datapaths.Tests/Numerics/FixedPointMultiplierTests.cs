using QuantSim.Datapaths.Numerics;
using QuantSim.Datapaths.Tests.Reference;

namespace QuantSim.Datapaths.Tests.Numerics;

[TestFixture]
public sealed class FixedPointMultiplierTests
{
    // By hand: M = q·2^shift with q in [0.5, 1), M0 = round(q·2^31).
    [TestCase(0.5, 1 << 30, 0, Description = "0.5 = 0.5·2^0")]
    [TestCase(0.25, 1 << 30, -1, Description = "0.25 = 0.5·2^-1")]
    [TestCase(1.0, 1 << 30, 1, Description = "1 = 0.5·2^1")]
    [TestCase(0.75, 3 << 29, 0, Description = "0.75·2^31 = 3·2^29")]
    [TestCase(0.0, 0, 0, Description = "zero")]
    [TestCase(1e-12, 0, 0, Description = "below 2^-31·0.5: flushed to zero (shift < -31)")]
    public void Should_split_a_real_factor_like_TFLite_QuantizeMultiplier(double factor, int m0, int shift)
    {
        Assert.That(FixedPointMultiplier.FromReal(factor), Is.EqualTo(new FixedPointMultiplier(m0, shift)));
    }

    [Test]
    public void Should_renormalise_a_mantissa_that_rounds_up_to_2_pow_31()
    {
        // Given M just below 1: q = 1 - 2^-40, q·2^31 = 2^31 - 2^-9 rounds to 2^31.
        // Then M0 is halved to 2^30 and the shift grows from 0 to 1 (M = 0.5·2^1 = 1).
        double factor = 1 - Math.ScaleB(1, -40);
        Assert.That(FixedPointMultiplier.FromReal(factor), Is.EqualTo(new FixedPointMultiplier(1 << 30, 1)));
    }

    [Test]
    public void Should_agree_with_the_reference_QuantizeMultiplier_on_random_factors()
    {
        var random = new Random(7);
        for (int i = 0; i < 20_000; i++)
        {
            double factor = Math.ScaleB(0.5 + random.NextDouble() / 2, random.Next(-35, 20));
            var (m0, shift) = ReferenceRequantizer.QuantizeMultiplier(factor);
            Assert.That(FixedPointMultiplier.FromReal(factor), Is.EqualTo(new FixedPointMultiplier(m0, shift)), $"factor {factor:R}");
        }
    }

    [Test]
    public void Should_refuse_factors_no_int32_multiplier_can_express()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FixedPointMultiplier.FromReal(Math.ScaleB(1, 31)));
        Assert.Throws<ArgumentOutOfRangeException>(() => FixedPointMultiplier.FromReal(-0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => FixedPointMultiplier.FromReal(double.NaN));
    }
}
