using QuantSim.Datapaths.Hardware;
using QuantSim.Workloads.Layers;

namespace QuantSim.Datapaths.Contract;

/// <summary>
/// The accumulator a layer needs (<c>datapath.accumulator_bits: auto</c>): a dot product of K products of
/// an a-bit and a w-bit multiplier operand (signed or unsigned) stays below K x 2^(a + w - 1) in
/// magnitude, so a + w + ceil(log2 K) bits hold it without wrapping. The operand widths are those the PE's
/// multiplier sees (its <see cref="OpRole.MacMultiply"/> operation), so a form that multiplies codes minus
/// a zero point (one bit wider) or dequantized D-bit values gets the bits its offset adds. A datapath
/// without a multiplier (bit-serial PEs) needs the product bits b_w + b_a. A floating-point accumulator needs its
/// format's width.
/// <para><see cref="Needed(IDatapath, DatapathSettings, Precision, int)"/> has no 32-bit cap: a dequantized
/// 16 x 16 MAC over K = 400 needs 41 bits and gets them, up to <see cref="Precision.MaxAccumulatorBits"/>
/// (64), the widest the integer kernels run exactly (<see cref="Numerics.Accumulator.Wrap"/>). A layer that
/// would need more is held at 64 bits, and <see cref="AccumulatorWrapCheck"/> reports that its sums can wrap.</para>
/// </summary>
public static class AccumulatorSizing
{
    /// <summary>The bits a K-term dot product of this datapath at <paramref name="precision"/> needs, uncapped (may exceed 64).</summary>
    public static int Required(IDatapath datapath, DatapathSettings settings, Precision precision, int reductionLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(reductionLength, 1);
        var inventory = datapath.Inventory(precision, settings);
        // A floating-point accumulator is its format's width whatever K is: it rounds instead of wrapping.
        if (inventory.Ops.FirstOrDefault(o => o.Scope == OpScope.PerMac && o.Role == OpRole.Accumulate && o.Kind == OpKind.FloatAdd) is { } floatAdd)
        {
            return floatAdd.Bits;
        }

        var multiply = inventory.Ops
            .FirstOrDefault(o => o.Scope == OpScope.PerMac && o.Role == OpRole.MacMultiply && o.Kind is OpKind.Multiply or OpKind.ComposableMac);
        int product = multiply is null ? precision.WeightBits + precision.ActivationBits : multiply.Bits + multiply.SecondBits;
        return Math.Max(product + CeilLog2(reductionLength), precision.WeightBits + precision.ActivationBits);
    }

    /// <summary>The width <c>auto</c> gives the layer: <see cref="Required"/>, at most 64 bits.</summary>
    public static int Needed(IDatapath datapath, DatapathSettings settings, Precision precision, int reductionLength) =>
        Math.Min(Required(datapath, settings, precision, reductionLength), Precision.MaxAccumulatorBits);

    /// <summary>
    /// <see cref="Needed(IDatapath, DatapathSettings, Precision, int)"/> capped at <paramref name="widest"/> (the study's
    /// sized accumulators, which only ever narrow the configured one).
    /// </summary>
    public static int Needed(IDatapath datapath, DatapathSettings settings, Precision precision, int reductionLength, int widest) =>
        Math.Min(Needed(datapath, settings, precision, reductionLength), Math.Max(widest, precision.WeightBits + precision.ActivationBits));

    private static int CeilLog2(int k) => k <= 1 ? 0 : 32 - (int)uint.LeadingZeroCount((uint)(k - 1));
}
