using QuantSim.Workloads.Torch.Integer;

namespace QuantSim.Workloads.Torch.Tests.Integer;

public sealed class FixedPointMultiplierTests
{
    [Test]
    public void Should_Quantize_A_Multiplier_As_TFLite_Does()
    {
        // Given M = 0.3: frexp gives 0.6·2^-1, so M0 = round(0.6·2^31) = round(1288490188.8) = 1288490189, shift -1
        var m = FixedPointMultiplier.FromReal(0.3);

        Assert.Multiple(() =>
        {
            Assert.That(m.Mantissa, Is.EqualTo(1288490189));
            Assert.That(m.Shift, Is.EqualTo(-1));
            Assert.That(m.IsShiftOnly, Is.False);
        });
    }

    [Test]
    public void Should_Keep_A_Power_Of_Two_As_A_Pure_Rounding_Shift()
    {
        // Given M = 2^-3 (fixed-point scales): no multiplier, a rounding shift by 3
        var m = FixedPointMultiplier.FromReal(0.125);

        // Then (x + 4) >> 3: 20/8 = 2.5 → 3 (ties up), 19/8 = 2.375 → 2, -20/8 = -2.5 → -2 (up, toward +∞), 12/8 = 1.5 → 2
        Assert.Multiple(() =>
        {
            Assert.That(m.IsShiftOnly, Is.True);
            Assert.That(m.Shift, Is.EqualTo(-3));
            Assert.That(m.Apply(20), Is.EqualTo(3));
            Assert.That(m.Apply(19), Is.EqualTo(2));
            Assert.That(m.Apply(-20), Is.EqualTo(-2));
            Assert.That(m.Apply(12), Is.EqualTo(2));
        });
    }

    [Test]
    public void Should_Round_Once_Where_gemmlowp_Would_Round_Twice()
    {
        // Given M = 0.3 (M0 = 1288490189, shift -1, so t = 32 and M0/2^32 = 0.30000000004657)
        var m = FixedPointMultiplier.FromReal(0.3);

        // Then (x·M0 + 2^31) >> 32: 100 → (128849018900 + 2147483648) >> 32 = floor(30.5000000047) = 30,
        // 5 → floor(1.5000000002 + 0.5) = 2, -5 → floor(-1.5000000002 + 0.5) = -2.
        // And the case that motivated single rounding: M = 0.2763 (M0 = 1186618014, shift -1), acc = 1 → 0;
        // gemmlowp's SRDHM gives (1186618014 + 2^30) / 2^31 = 1.05 → 1, then RDBPOT(1, 1) = 0.5 → 1.
        Assert.Multiple(() =>
        {
            Assert.That(m.Apply(100), Is.EqualTo(30));
            Assert.That(m.Apply(5), Is.EqualTo(2));
            Assert.That(m.Apply(-5), Is.EqualTo(-2));
            Assert.That(new FixedPointMultiplier(1186618014, -1, false).Apply(1), Is.Zero);
        });
    }

    [Test]
    public void Should_Stay_Within_Half_An_Integer_Of_The_Exact_Product()
    {
        // Given many multipliers and accumulators, the result is the exact product rounded, give or take
        // the mantissa's 2^-31 relative error (which cannot move it more than half a step plus that error)
        var random = new Random(7);
        for (int i = 0; i < 2000; i++)
        {
            double multiplier = Math.Exp(random.NextDouble() * 12 - 10); // 4.5e-5 .. 7.4
            int x = random.Next(-1_000_000, 1_000_000);
            int actual = FixedPointMultiplier.FromReal(multiplier).Apply(x);
            Assert.That(Math.Abs(actual - x * multiplier), Is.LessThanOrEqualTo(0.5 + Math.Abs(x * multiplier) * 1e-9 + 1e-9),
                $"x = {x}, M = {multiplier}");
        }
    }
}
