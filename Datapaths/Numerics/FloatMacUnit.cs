namespace QuantSim.Datapaths.Numerics;

/// <summary>
/// A floating-point PE's MAC, unfused: operands are bit patterns of <see cref="MultiplyFormat"/>; the product
/// is rounded to <see cref="AccumulateFormat"/>, then added to the accumulator and rounded again:
/// <code>
/// p   = round_A(a · w)          a, w in format M; exact in a double, one rounding to A
/// acc = round_A(acc + p)        in format A (fp32: the machine's binary32 add; fp16: exact in a double, one rounding)
/// </code>
/// Both roundings are to nearest, ties to even. With fp16 or bf16 operands and an fp32 accumulator the product
/// is exact in fp32 (2·11 and 2·8 significand bits fit 24), so this equals a fused multiply-add, the common
/// mixed-precision MAC. An accumulator starts at +0 (bit pattern 0).
/// </summary>
public sealed class FloatMacUnit : IProductUnit, IAccumulateUnit
{
    public FloatMacUnit(FloatFormat multiplyFormat, FloatFormat accumulateFormat)
    {
        // A sum of two values is exact in a double only when the format's whole exponent range plus its
        // precision fits 53 bits (fp16: 40); binary32 sums use the machine's own correctly rounded add.
        if (accumulateFormat != FloatFormat.Fp32 && accumulateFormat.MaxExponent - accumulateFormat.MinExponent + accumulateFormat.Precision + 2 > 53)
        {
            throw new ArgumentException($"accumulating in {accumulateFormat} is not supported (fp16 or fp32)", nameof(accumulateFormat));
        }

        MultiplyFormat = multiplyFormat;
        AccumulateFormat = accumulateFormat;
    }

    public FloatFormat MultiplyFormat { get; }

    public FloatFormat AccumulateFormat { get; }

    /// <summary>round_A(a·w) as an A bit pattern; the product of two binary16/bfloat16/binary32 values is exact in a double.</summary>
    public long Multiply(int activation, int weight) =>
        AccumulateFormat.Round(MultiplyFormat.ToDouble(activation) * MultiplyFormat.ToDouble(weight));

    public long Accumulate(long accumulator, long product) => Add(AccumulateFormat, accumulator, product);

    /// <summary>round_F(x + y) of two F bit patterns.</summary>
    public static long Add(FloatFormat format, long x, long y)
    {
        if (format == FloatFormat.Fp32)
        {
            float sum = BitConverter.Int32BitsToSingle((int)x) + BitConverter.Int32BitsToSingle((int)y);
            return float.IsNaN(sum) ? format.Round(double.NaN) : (uint)BitConverter.SingleToInt32Bits(sum);
        }

        return format.Round(format.ToDouble(x) + format.ToDouble(y));
    }

    /// <summary>round_F(x · y) of two F bit patterns (exact in a double before the one rounding).</summary>
    public static long Multiply(FloatFormat format, long x, long y) => format.Round(format.ToDouble(x) * format.ToDouble(y));
}
