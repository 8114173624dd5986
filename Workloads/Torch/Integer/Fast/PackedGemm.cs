using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace QuantSim.Workloads.Torch.Integer.Fast;

/// <summary>
/// C[m, n] = Σ_k A[m, k]·B[n, k] modulo 2^32 (two's-complement int32 wrap-around), for A (rows x K) and
/// B (columns x K) packed row-major with K padded to <see cref="Lanes"/> by zeros. Every product and sum wraps
/// modulo 2^32, so the result is the exact sum's residue whatever the operand values: AVX2's
/// <c>vpmaddwd</c> (int16 x int16, adjacent pairs summed into int32) is exact modulo 2^32 (its one overflow,
/// 2·(−2^15)², wraps to the residue), as is <c>vpmulld</c> (low 32 bits of int32 x int32) and the scalar
/// fallback's unchecked int arithmetic. Callers prove when the residue is the accumulator the datapath holds.
/// </summary>
public static class PackedGemm
{
    /// <summary>K is padded to a multiple of this (16 int16 or 8 int32 lanes of a 256-bit register, times one).</summary>
    public const int Lanes = 16;

    public static int Padded(int k) => (k + Lanes - 1) / Lanes * Lanes;

    /// <summary>int16 operands: C (rows x columns, row stride <paramref name="cStride"/>) at <paramref name="cOffset"/>.</summary>
    public static void Multiply(ReadOnlySpan<short> a, int rows, ReadOnlySpan<short> b, int columns, int kPadded, Span<int> c, int cOffset, int cStride)
    {
        if (Avx2.IsSupported)
        {
            MultiplyAvx2(a, rows, b, columns, kPadded, c, cOffset, cStride);
            return;
        }

        for (int m = 0; m < rows; m++)
        {
            for (int n = 0; n < columns; n++)
            {
                int sum = 0;
                for (int k = 0; k < kPadded; k++)
                {
                    sum = unchecked(sum + a[m * kPadded + k] * b[n * kPadded + k]);
                }

                c[cOffset + m * cStride + n] = sum;
            }
        }
    }

    /// <summary>int32 operands (wide operand tables): products and sums modulo 2^32.</summary>
    public static void Multiply(ReadOnlySpan<int> a, int rows, ReadOnlySpan<int> b, int columns, int kPadded, Span<int> c, int cOffset, int cStride)
    {
        for (int m = 0; m < rows; m++)
        {
            ReadOnlySpan<int> row = a.Slice(m * kPadded, kPadded);
            for (int n = 0; n < columns; n++)
            {
                ReadOnlySpan<int> column = b.Slice(n * kPadded, kPadded);
                int sum = 0;
                int k = 0;
                if (Avx2.IsSupported)
                {
                    Vector256<int> acc = Vector256<int>.Zero;
                    for (; k + 8 <= kPadded; k += 8)
                    {
                        acc = Avx2.Add(acc, Avx2.MultiplyLow(Vector256.Create(row.Slice(k, 8)), Vector256.Create(column.Slice(k, 8))));
                    }

                    sum = Vector256.Sum(acc);
                }

                for (; k < kPadded; k++)
                {
                    sum = unchecked(sum + row[k] * column[k]);
                }

                c[cOffset + m * cStride + n] = sum;
            }
        }
    }

    /// <summary>2 rows x 4 columns per step: 8 accumulators, each A vector loaded once per 4 multiplies.</summary>
    private static void MultiplyAvx2(ReadOnlySpan<short> a, int rows, ReadOnlySpan<short> b, int columns, int kPadded, Span<int> c, int cOffset, int cStride)
    {
        ref short a0 = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(a);
        ref short b0 = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(b);
        int m = 0;
        for (; m + 2 <= rows; m += 2)
        {
            ref short r0 = ref Unsafe.Add(ref a0, m * kPadded);
            ref short r1 = ref Unsafe.Add(ref a0, (m + 1) * kPadded);
            int n = 0;
            for (; n + 4 <= columns; n += 4)
            {
                ref short w0 = ref Unsafe.Add(ref b0, n * kPadded);
                ref short w1 = ref Unsafe.Add(ref b0, (n + 1) * kPadded);
                ref short w2 = ref Unsafe.Add(ref b0, (n + 2) * kPadded);
                ref short w3 = ref Unsafe.Add(ref b0, (n + 3) * kPadded);
                Vector256<int> c00 = default, c01 = default, c02 = default, c03 = default;
                Vector256<int> c10 = default, c11 = default, c12 = default, c13 = default;
                for (int k = 0; k < kPadded; k += Lanes)
                {
                    var x0 = Load(ref r0, k);
                    var x1 = Load(ref r1, k);
                    var y0 = Load(ref w0, k);
                    var y1 = Load(ref w1, k);
                    var y2 = Load(ref w2, k);
                    var y3 = Load(ref w3, k);
                    c00 = Avx2.Add(c00, Avx2.MultiplyAddAdjacent(x0, y0));
                    c01 = Avx2.Add(c01, Avx2.MultiplyAddAdjacent(x0, y1));
                    c02 = Avx2.Add(c02, Avx2.MultiplyAddAdjacent(x0, y2));
                    c03 = Avx2.Add(c03, Avx2.MultiplyAddAdjacent(x0, y3));
                    c10 = Avx2.Add(c10, Avx2.MultiplyAddAdjacent(x1, y0));
                    c11 = Avx2.Add(c11, Avx2.MultiplyAddAdjacent(x1, y1));
                    c12 = Avx2.Add(c12, Avx2.MultiplyAddAdjacent(x1, y2));
                    c13 = Avx2.Add(c13, Avx2.MultiplyAddAdjacent(x1, y3));
                }

                int o0 = cOffset + m * cStride + n, o1 = o0 + cStride;
                c[o0] = Vector256.Sum(c00);
                c[o0 + 1] = Vector256.Sum(c01);
                c[o0 + 2] = Vector256.Sum(c02);
                c[o0 + 3] = Vector256.Sum(c03);
                c[o1] = Vector256.Sum(c10);
                c[o1 + 1] = Vector256.Sum(c11);
                c[o1 + 2] = Vector256.Sum(c12);
                c[o1 + 3] = Vector256.Sum(c13);
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Dot(ref short x, ref short y, int kPadded)
    {
        Vector256<int> acc = default;
        for (int k = 0; k < kPadded; k += Lanes)
        {
            acc = Avx2.Add(acc, Avx2.MultiplyAddAdjacent(Load(ref x, k), Load(ref y, k)));
        }

        return Vector256.Sum(acc);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<short> Load(ref short start, int k) => Vector256.LoadUnsafe(ref start, (nuint)k);
}
