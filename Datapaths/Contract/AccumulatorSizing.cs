using QuantSim.Datapaths.Hardware;
using QuantSim.Workloads.Layers;

namespace QuantSim.Datapaths.Contract;

/// <summary>
/// The accumulator a layer needs (<c>datapath.accumulator_bits: auto</c>): a dot product of K products of
/// an a-bit and a w-bit multiplier operand (signed or unsigned) stays below K x 2^(a + w - 1) in
/// magnitude, so a + w + ceil(log2 K) bits hold it without wrapping. The operand widths are those the PE's
/// multiplier sees (its <see cref="OpRole.MacMultiply"/> operation), so a form that multiplies codes minus
/// a zero point (one bit wider) or dequantized D-bit values gets the bits its offset adds. A datapath
/// without a multiplier (bit-serial PEs) needs the product bits b_w + b_a.
/// <para>The result is at most the widest width given (the configured width, 32 by default: the int32
/// requantizer's input), so sizing only ever narrows an accumulator where a layer cannot overflow the
/// narrower one; a layer whose bound exceeds it (a dequantized 16 x 16 MAC over a long K) keeps the
/// configured width, whose sums stay exact as long as the configured ones did.</para>
/// </summary>
public static class AccumulatorSizing
{
    public static int Needed(IDatapath datapath, DatapathSettings settings, Precision precision, int reductionLength, int widest)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(reductionLength, 1);
        var multiply = datapath.Inventory(precision, settings).Ops
            .FirstOrDefault(o => o.Scope == OpScope.PerMac && o.Role == OpRole.MacMultiply && o.Kind is OpKind.Multiply or OpKind.ComposableMac);
        int product = multiply is null ? precision.WeightBits + precision.ActivationBits : multiply.Bits + multiply.SecondBits;
        return Math.Min(Math.Max(product + CeilLog2(reductionLength), precision.WeightBits + precision.ActivationBits), Math.Max(widest, precision.WeightBits + precision.ActivationBits));
    }

    private static int CeilLog2(int k) => k <= 1 ? 0 : 32 - (int)uint.LeadingZeroCount((uint)(k - 1));
}
