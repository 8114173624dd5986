using System.Numerics;
using QuantSim.Datapaths.Numerics;
using QuantSim.Datapaths.Tests.Reference;

namespace QuantSim.Datapaths.Tests.Numerics;

[TestFixture]
public sealed class FixedPointShiftTests
{
    [TestCase(5L, 1, 3L, Description = "2.5 -> 3")]
    [TestCase(-5L, 1, -2L, Description = "-2.5 -> -2 (tie toward +inf)")]
    [TestCase(-7L, 2, -2L, Description = "-1.75 -> -2")]
    [TestCase(-5L, 2, -1L, Description = "-1.25 -> -1")]
    [TestCase(9L, 0, 9L, Description = "shift 0")]
    [TestCase(3L, -2, 12L, Description = "negative shift multiplies by 4")]
    [TestCase(long.MaxValue, -1, long.MaxValue, Description = "left shift saturates")]
    [TestCase(long.MinValue, -1, long.MinValue, Description = "left shift saturates, negative")]
    [TestCase(1L << 40, 41, 1L, Description = "0.5 tie on a 64-bit accumulator -> 1")]
    [TestCase(-(1L << 40), 41, 0L, Description = "-0.5 tie -> 0")]
    public void Should_round_half_up_on_any_accumulator_width(long value, int shift, long expected)
    {
        Assert.That(FixedPointShift.RoundingShift(value, shift), Is.EqualTo(expected));
    }

    [Test]
    public void Should_equal_exact_rational_rounding_on_random_values()
    {
        // Given random 64-bit values and shifts, Then the shift equals floor(v / 2^s + 1/2) in BigInteger.
        var random = new Random(11);
        for (int i = 0; i < 50_000; i++)
        {
            long x = random.NextInt64(long.MinValue, long.MaxValue);
            int e = random.Next(0, FixedPointShift.MaxShift + 1);
            Assert.That(FixedPointShift.RoundingShift(x, e), Is.EqualTo((long)ReferenceRequantizer.RoundHalfUp(x, BigInteger.Pow(2, e))), $"x={x} e={e}");
        }
    }
}
