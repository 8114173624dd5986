using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace QuantSim.Workloads.Torch.Integer.Fast;

/// <summary>
/// C[m, n] = Σ_k A[m, k]·B[n, k] modulo 2^64 (two's-complement int64 wrap-around), in the layout of
/// <see cref="PackedGemm"/> (A rows x K, B columns x K, row-major, K padded to <see cref="PackedGemm.Lanes"/> by
/// zeros): the GEMM for accumulators wider than 32 bits. Every product of two int32 operands is exact in int64
/// and the sums wrap modulo 2^64, so the result is the exact sum's residue, which determines the sum modulo 2^A
/// for any accumulator width A ≤ 64 (the kernel wraps modulo 2^A, and 2^A divides 2^64).
/// <para>
/// int16 operands: AVX2's <c>vpmaddwd</c> gives pair sums a₀w₀ + a₁w₁ in int32, exact unless both pairs are
/// (−2^15)·(−2^15) (2^31, the one value that wraps); hence the int16 form's precondition that A or B holds no
/// −2^15 (<see cref="MultiplyInt16IsExact"/>). Each pair sum p is split as (p &gt;&gt; 16)·2^16 + (p &amp; 0xFFFF) and
/// the two halves are summed in separate int32 lanes, which cannot overflow within <see cref="StepsPerFlush"/>
/// steps; the lanes are then combined in int64. This keeps the inner loop on cheap in-lane operations (no
/// widening shuffles). int32 operands: <c>vpmuldq</c> (int32 x int32 to int64, even lanes, then the odd lanes
/// shifted down) summed in int64 lanes. Without AVX2 both run plain scalar long loops.
/// </para>
/// </summary>
public static class WidePackedGemm
{
    /// <summary>
    /// 16-k steps between folds of the int32 half-sums into int64: a low half is below 2^16 and a high half
    /// within [−2^15, 2^15), so 2^15 steps keep both below 2^31 in magnitude.
    /// </summary>
    public const int StepsPerFlush = 1 << 15;

    /// <summary>Whether the int16 form is exact for these operand sets: no −2^15 on one of the two sides.</summary>
    public static bool MultiplyInt16IsExact(IEnumerable<int> activations, IEnumerable<int> weights) =>
        !activations.Contains(short.MinValue) || !weights.Contains(short.MinValue);

    /// <summary>
    /// int16 operands, C (rows x columns, row stride <paramref name="cStride"/>) at <paramref name="cOffset"/>;
    /// exact modulo 2^64 when <see cref="MultiplyInt16IsExact"/> holds for the values of A and B.
    /// </summary>
    public static void Multiply(ReadOnlySpan<short> a, int rows, ReadOnlySpan<short> b, int columns, int kPadded, Span<long> c, int cOffset, int cStride)
    {
        Check(a.Length, rows, b.Length, columns, kPadded, c.Length, cOffset, cStride);
        if (Avx2.IsSupported)
        {
            MultiplyAvx2(a, rows, b, columns, kPadded, c, cOffset, cStride);
        }
        else
        {
            MultiplyScalar(a, rows, b, columns, kPadded, c, cOffset, cStride);
        }
    }

    /// <summary>int32 operands: exact modulo 2^64 for any values.</summary>
    public static void Multiply(ReadOnlySpan<int> a, int rows, ReadOnlySpan<int> b, int columns, int kPadded, Span<long> c, int cOffset, int cStride)
    {
        Check(a.Length, rows, b.Length, columns, kPadded, c.Length, cOffset, cStride);
        if (Avx2.IsSupported)
        {
            MultiplyAvx2(a, rows, b, columns, kPadded, c, cOffset, cStride);
        }
        else
        {
            MultiplyScalar(a, rows, b, columns, kPadded, c, cOffset, cStride);
        }
    }

    /// <summary>The fallback without AVX2 (int16 operands), also what the tests run on AVX2 machines.</summary>
    internal static void MultiplyScalar(ReadOnlySpan<short> a, int rows, ReadOnlySpan<short> b, int columns, int kPadded, Span<long> c, int cOffset, int cStride)
    {
        for (int m = 0; m < rows; m++)
        {
            for (int n = 0; n < columns; n++)
            {
                long sum = 0;
                for (int k = 0; k < kPadded; k++)
                {
                    sum = unchecked(sum + (long)a[m * kPadded + k] * b[n * kPadded + k]);
                }

                c[cOffset + m * cStride + n] = sum;
            }
        }
    }

    /// <summary>The fallback without AVX2 (int32 operands).</summary>
    internal static void MultiplyScalar(ReadOnlySpan<int> a, int rows, ReadOnlySpan<int> b, int columns, int kPadded, Span<long> c, int cOffset, int cStride)
    {
        for (int m = 0; m < rows; m++)
        {
            for (int n = 0; n < columns; n++)
            {
                long sum = 0;
                for (int k = 0; k < kPadded; k++)
                {
                    sum = unchecked(sum + (long)a[m * kPadded + k] * b[n * kPadded + k]);
                }

                c[cOffset + m * cStride + n] = sum;
            }
        }
    }

    // The vector loops read through unchecked references, so the bounds are checked once here.
    private static void Check(int aLength, int rows, int bLength, int columns, int kPadded, int cLength, int cOffset, int cStride)
    {
        if (kPadded % PackedGemm.Lanes != 0 || aLength < rows * kPadded || bLength < columns * kPadded
            || (rows > 0 && columns > 0 && cLength < cOffset + (rows - 1) * cStride + columns))
        {
            throw new ArgumentException($"a {rows} x {kPadded} by {columns} x {kPadded} product does not fit the buffers given");
        }
    }

    /// <summary>2 rows x 2 columns per step: 8 half-sum accumulators, each A and B vector loaded once per 2 multiplies.</summary>
    private static void MultiplyAvx2(ReadOnlySpan<short> a, int rows, ReadOnlySpan<short> b, int columns, int kPadded, Span<long> c, int cOffset, int cStride)
    {
        ref short a0 = ref MemoryMarshal.GetReference(a);
        ref short b0 = ref MemoryMarshal.GetReference(b);
        int m = 0;
        for (; m + 2 <= rows; m += 2)
        {
            ref short r0 = ref Unsafe.Add(ref a0, m * kPadded);
            ref short r1 = ref Unsafe.Add(ref a0, (m + 1) * kPadded);
            int n = 0;
            for (; n + 2 <= columns; n += 2)
            {
                ref short w0 = ref Unsafe.Add(ref b0, n * kPadded);
                ref short w1 = ref Unsafe.Add(ref b0, (n + 1) * kPadded);
                long s00 = 0, s01 = 0, s10 = 0, s11 = 0;
                for (int start = 0; start < kPadded; start += StepsPerFlush * PackedGemm.Lanes)
                {
                    int end = Math.Min(kPadded, start + StepsPerFlush * PackedGemm.Lanes);
                    Vector256<int> mask = Vector256.Create(0xFFFF);
                    Vector256<int> h00 = default, h01 = default, h10 = default, h11 = default;
                    Vector256<int> l00 = default, l01 = default, l10 = default, l11 = default;
                    for (int k = start; k < end; k += PackedGemm.Lanes)
                    {
                        var x0 = Load(ref r0, k);
                        var x1 = Load(ref r1, k);
                        var y0 = Load(ref w0, k);
                        var y1 = Load(ref w1, k);
                        var p = Avx2.MultiplyAddAdjacent(x0, y0);
                        h00 = Avx2.Add(h00, Avx2.ShiftRightArithmetic(p, 16));
                        l00 = Avx2.Add(l00, Avx2.And(p, mask));
                        p = Avx2.MultiplyAddAdjacent(x0, y1);
                        h01 = Avx2.Add(h01, Avx2.ShiftRightArithmetic(p, 16));
                        l01 = Avx2.Add(l01, Avx2.And(p, mask));
                        p = Avx2.MultiplyAddAdjacent(x1, y0);
                        h10 = Avx2.Add(h10, Avx2.ShiftRightArithmetic(p, 16));
                        l10 = Avx2.Add(l10, Avx2.And(p, mask));
                        p = Avx2.MultiplyAddAdjacent(x1, y1);
                        h11 = Avx2.Add(h11, Avx2.ShiftRightArithmetic(p, 16));
                        l11 = Avx2.Add(l11, Avx2.And(p, mask));
                    }

                    s00 = unchecked(s00 + Combine(h00, l00));
                    s01 = unchecked(s01 + Combine(h01, l01));
                    s10 = unchecked(s10 + Combine(h10, l10));
                    s11 = unchecked(s11 + Combine(h11, l11));
                }

                int o0 = cOffset + m * cStride + n, o1 = o0 + cStride;
                c[o0] = s00;
                c[o0 + 1] = s01;
                c[o1] = s10;
                c[o1 + 1] = s11;
            }

            for (; n < columns; n++)
            {
                c[cOffset + m * cStride + n] = Dot(ref r0, ref Unsafe.Add(ref b0, n * kPadded), kPadded);
                c[cOffset + (m + 1) * cStride + n] = Dot(ref r1, ref Unsafe.Add(ref b0, n * kPadded), kPadded);
            }
        }

        for (; m < rows; m++)
        {
            ref short r = ref Unsafe.Add(ref a0, m * kPadded);
            for (int n = 0; n < columns; n++)
            {
                c[cOffset + m * cStride + n] = Dot(ref r, ref Unsafe.Add(ref b0, n * kPadded), kPadded);
            }
        }
    }

    private static long Dot(ref short x, ref short y, int kPadded)
    {
        long sum = 0;
        Vector256<int> mask = Vector256.Create(0xFFFF);
        for (int start = 0; start < kPadded; start += StepsPerFlush * PackedGemm.Lanes)
        {
            int end = Math.Min(kPadded, start + StepsPerFlush * PackedGemm.Lanes);
            Vector256<int> high = default, low = default;
            for (int k = start; k < end; k += PackedGemm.Lanes)
            {
                var p = Avx2.MultiplyAddAdjacent(Load(ref x, k), Load(ref y, k));
                high = Avx2.Add(high, Avx2.ShiftRightArithmetic(p, 16));
                low = Avx2.Add(low, Avx2.And(p, mask));
            }

            sum = unchecked(sum + Combine(high, low));
        }

        return sum;
    }

    /// <summary>Σ over the 8 lanes of high·2^16 + low, in int64 (the lane sums themselves may exceed int32).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long Combine(Vector256<int> high, Vector256<int> low)
    {
        Vector256<long> h = Avx2.Add(Avx2.ConvertToVector256Int64(high.GetLower()), Avx2.ConvertToVector256Int64(high.GetUpper()));
        Vector256<long> l = Avx2.Add(Avx2.ConvertToVector256Int64(low.GetLower()), Avx2.ConvertToVector256Int64(low.GetUpper()));
        return unchecked(Vector256.Sum(Avx2.Add(Avx2.ShiftLeftLogical(h, 16), l)));
    }

    /// <summary>2 rows x 2 columns per step; products of the even and of the odd int32 lanes summed in int64 lanes.</summary>
    private static void MultiplyAvx2(ReadOnlySpan<int> a, int rows, ReadOnlySpan<int> b, int columns, int kPadded, Span<long> c, int cOffset, int cStride)
    {
        ref int a0 = ref MemoryMarshal.GetReference(a);
        ref int b0 = ref MemoryMarshal.GetReference(b);
        int m = 0;
        for (; m + 2 <= rows; m += 2)
        {
            ref int r0 = ref Unsafe.Add(ref a0, m * kPadded);
            ref int r1 = ref Unsafe.Add(ref a0, (m + 1) * kPadded);
            int n = 0;
            for (; n + 2 <= columns; n += 2)
            {
                ref int w0 = ref Unsafe.Add(ref b0, n * kPadded);
                ref int w1 = ref Unsafe.Add(ref b0, (n + 1) * kPadded);
                Vector256<long> c00 = default, c01 = default, c10 = default, c11 = default;
                for (int k = 0; k < kPadded; k += 8)
                {
                    var x0 = Load(ref r0, k);
                    var x1 = Load(ref r1, k);
                    var y0 = Load(ref w0, k);
                    var y1 = Load(ref w1, k);
                    var x0Odd = Odd(x0);
                    var x1Odd = Odd(x1);
                    var y0Odd = Odd(y0);
                    var y1Odd = Odd(y1);
                    c00 = Avx2.Add(c00, Avx2.Add(Avx2.Multiply(x0, y0), Avx2.Multiply(x0Odd, y0Odd)));
                    c01 = Avx2.Add(c01, Avx2.Add(Avx2.Multiply(x0, y1), Avx2.Multiply(x0Odd, y1Odd)));
                    c10 = Avx2.Add(c10, Avx2.Add(Avx2.Multiply(x1, y0), Avx2.Multiply(x1Odd, y0Odd)));
                    c11 = Avx2.Add(c11, Avx2.Add(Avx2.Multiply(x1, y1), Avx2.Multiply(x1Odd, y1Odd)));
                }

                int o0 = cOffset + m * cStride + n, o1 = o0 + cStride;
                c[o0] = Vector256.Sum(c00);
                c[o0 + 1] = Vector256.Sum(c01);
                c[o1] = Vector256.Sum(c10);
                c[o1 + 1] = Vector256.Sum(c11);
            }

            for (; n < columns; n++)
            {
                c[cOffset + m * cStride + n] = Dot(ref r0, ref Unsafe.Add(ref b0, n * kPadded), kPadded);
                c[cOffset + (m + 1) * cStride + n] = Dot(ref r1, ref Unsafe.Add(ref b0, n * kPadded), kPadded);
            }
        }

        for (; m < rows; m++)
        {
            ref int r = ref Unsafe.Add(ref a0, m * kPadded);
            for (int n = 0; n < columns; n++)
            {
                c[cOffset + m * cStride + n] = Dot(ref r, ref Unsafe.Add(ref b0, n * kPadded), kPadded);
            }
        }
    }

    private static long Dot(ref int x, ref int y, int kPadded)
    {
        Vector256<long> acc = default;
        for (int k = 0; k < kPadded; k += 8)
        {
            var p = Load(ref x, k);
            var q = Load(ref y, k);
            acc = Avx2.Add(acc, Avx2.Add(Avx2.Multiply(p, q), Avx2.Multiply(Odd(p), Odd(q))));
        }

        return Vector256.Sum(acc);
    }

    /// <summary>The odd int32 lanes moved into the low halves of the int64 lanes, where <c>vpmuldq</c> reads its operands.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Odd(Vector256<int> v) => Avx2.ShiftRightLogical(v.AsInt64(), 32).AsInt32();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<short> Load(ref short start, int k) => Vector256.LoadUnsafe(ref start, (nuint)k);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Load(ref int start, int k) => Vector256.LoadUnsafe(ref start, (nuint)k);
}
