using QuantSim.Datapaths.Numerics;

namespace QuantSim.Datapaths.Tests.Numerics;

[TestFixture]
public sealed class AccumulatorTests
{
    [TestCase(127L, 8, 127L)]
    [TestCase(128L, 8, -128L, Description = "wraps like an 8-bit adder")]
    [TestCase(-129L, 8, 127L)]
    [TestCase((long)int.MaxValue + 1, 32, (long)int.MinValue)]
    [TestCase(-1L, 64, -1L)]
    public void Should_wrap_modulo_two_to_the_width(long value, int bits, long expected)
    {
        Assert.That(Accumulator.Wrap(value, bits), Is.EqualTo(expected));
    }

    [Test]
    public void Should_size_the_worst_case_accumulator_like_QKeras()
    {
        // 4b x 4b products (8 bits) over K = 3·3·256 = 2304 terms: ceil(log2 2304) = 12 -> 20 bits,
        // the worked example in the quantization reference (worst case 276,480 needs ~20 bits).
        Assert.That(Accumulator.WorstCaseBits(8, 2304), Is.EqualTo(20));
        Assert.That(Accumulator.WorstCaseBits(16, 1), Is.EqualTo(16));
    }
}
