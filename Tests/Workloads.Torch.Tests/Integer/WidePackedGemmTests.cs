using System.Numerics;
using QuantSim.Workloads.Torch.Integer.Fast;

namespace QuantSim.Workloads.Torch.Tests.Integer;

/// <summary>
/// The int64 GEMM (vector path on this machine, and its scalar fallback called directly) against exact
/// BigInteger dot products reduced modulo 2^64, on random operands that include the extreme values.
/// </summary>
public sealed class WidePackedGemmTests
{
    private static long Reference(IReadOnlyList<long> a, int m, IReadOnlyList<long> b, int n, int kPadded)
    {
        BigInteger sum = 0;
        for (int k = 0; k < kPadded; k++)
        {
            sum += (BigInteger)a[m * kPadded + k] * b[n * kPadded + k];
        }

        // Two's-complement residue modulo 2^64.
        return (long)(ulong)(sum & ulong.MaxValue);
    }

    /// <summary>Random values of [min, max] with the two extremes planted often, so they meet in the same pair.</summary>
    private static long[] Operands(Random random, int count, long min, long max)
    {
        var values = new long[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = random.Next(4) switch { 0 => min, 1 => max, _ => min + (long)(random.NextDouble() * (max - min)) };
        }

        return values;
    }

    [TestCase(1, 1, 16)]
    [TestCase(2, 2, 32)]
    [TestCase(3, 5, 48)]
    [TestCase(7, 4, 576)]
    [TestCase(5, 3, 1024)]
    public void Should_Equal_Exact_Dot_Products_Modulo_2_To_64_With_Int16_Operands(int rows, int columns, int kPadded)
    {
        // Given activations over all of int16 and weights over [−2^15 + 1, 2^15 − 1] (the form's precondition:
        // −2^15 only on one side), planted at the extremes, in a C with a row stride and offset
        var random = new Random(rows * 100 + columns * 10 + kPadded);
        long[] a = Operands(random, rows * kPadded, short.MinValue, short.MaxValue);
        long[] b = Operands(random, columns * kPadded, short.MinValue + 1, short.MaxValue);
        Assert.That(WidePackedGemm.MultiplyInt16IsExact(a.Select(v => (int)v), b.Select(v => (int)v)), Is.True);
        short[] a16 = [.. a.Select(v => (short)v)], b16 = [.. b.Select(v => (short)v)];
        int stride = columns + 3, offset = 2;
        var vector = new long[offset + rows * stride];
        var scalar = new long[offset + rows * stride];

        WidePackedGemm.Multiply(a16, rows, b16, columns, kPadded, vector, offset, stride);
        WidePackedGemm.MultiplyScalar(a16, rows, b16, columns, kPadded, scalar, offset, stride);

        for (int m = 0; m < rows; m++)
        {
            for (int n = 0; n < columns; n++)
            {
                long expected = Reference(a, m, b, n, kPadded);
                Assert.That(vector[offset + m * stride + n], Is.EqualTo(expected), $"vector C[{m}, {n}]");
                Assert.That(scalar[offset + m * stride + n], Is.EqualTo(expected), $"scalar C[{m}, {n}]");
            }
        }

        // And the long reductions reach beyond int32 (so a 32-bit sum would be wrong there)
        if (kPadded >= 576)
        {
            Assert.That(vector.Max(v => Math.Abs(v)), Is.GreaterThan((long)int.MaxValue), "the operands make sums wider than int32");
        }
    }

    [Test]
    public void Should_Fold_The_Half_Sums_Before_They_Overflow_Int32()
    {
        // Given a K of just over two flush blocks where every pair sum is (−1)·1 + (−1)·1 = −2, low half 0xFFFE:
        // a lane's low half-sum would pass 2^31 after 32,769 steps if it were never folded into int64
        int kPadded = PackedGemm.Lanes * (2 * WidePackedGemm.StepsPerFlush + 5);
        short[] a = [.. Enumerable.Repeat((short)-1, 2 * kPadded)];
        short[] b = [.. Enumerable.Repeat((short)1, 3 * kPadded)];
        var c = new long[6];

        WidePackedGemm.Multiply(a, 2, b, 3, kPadded, c, 0, 3);

        // Then every sum is −K exactly (2 x 2 block and the odd column's tail alike)
        Assert.That(c, Is.All.EqualTo(-(long)kPadded));
    }

    [TestCase(1, 1, 16)]
    [TestCase(2, 3, 32)]
    [TestCase(5, 4, 160)]
    public void Should_Equal_Exact_Dot_Products_Modulo_2_To_64_With_Int32_Operands(int rows, int columns, int kPadded)
    {
        // Given operands over all of int32 (products up to 2^62, sums that wrap modulo 2^64)
        var random = new Random(rows * 1000 + columns * 10 + kPadded);
        long[] a = Operands(random, rows * kPadded, int.MinValue, int.MaxValue);
        long[] b = Operands(random, columns * kPadded, int.MinValue, int.MaxValue);
        int[] a32 = [.. a.Select(v => (int)v)], b32 = [.. b.Select(v => (int)v)];
        var vector = new long[rows * columns];
        var scalar = new long[rows * columns];

        WidePackedGemm.Multiply(a32, rows, b32, columns, kPadded, vector, 0, columns);
        WidePackedGemm.MultiplyScalar(a32, rows, b32, columns, kPadded, scalar, 0, columns);

        for (int m = 0; m < rows; m++)
        {
            for (int n = 0; n < columns; n++)
            {
                long expected = Reference(a, m, b, n, kPadded);
                Assert.That(vector[m * columns + n], Is.EqualTo(expected), $"vector C[{m}, {n}]");
                Assert.That(scalar[m * columns + n], Is.EqualTo(expected), $"scalar C[{m}, {n}]");
            }
        }
    }

    [Test]
    public void Should_Take_The_Int16_Form_Only_Without_Minus_2_To_15_On_Both_Sides()
    {
        // (−2^15)·(−2^15) + (−2^15)·(−2^15) = 2^31 is the one pair sum vpmaddwd wraps
        Assert.Multiple(() =>
        {
            Assert.That(WidePackedGemm.MultiplyInt16IsExact([short.MinValue, 5], [short.MinValue]), Is.False);
            Assert.That(WidePackedGemm.MultiplyInt16IsExact([short.MinValue, 5], [short.MaxValue, -short.MaxValue]), Is.True);
            Assert.That(WidePackedGemm.MultiplyInt16IsExact([short.MaxValue], [short.MinValue]), Is.True);
        });
    }

    [Test]
    public void Should_Refuse_Buffers_Too_Small_For_The_Product()
    {
        // The vector loops read through unchecked references, so a short buffer must be refused up front
        Assert.Throws<ArgumentException>(() => WidePackedGemm.Multiply(new short[16], 2, new short[16], 1, 16, new long[2], 0, 1));
        Assert.Throws<ArgumentException>(() => WidePackedGemm.Multiply(new int[16], 1, new int[32], 2, 16, new long[1], 0, 2));
    }
}
