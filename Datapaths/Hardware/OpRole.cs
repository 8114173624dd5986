namespace QuantSim.Datapaths.Hardware;

/// <summary>
/// What an inventory operation is for. Counting and pricing decide by role and kind, never by the
/// free-text purpose, which is for people reading an inventory.
/// </summary>
public enum OpRole
{
    /// <summary>The MAC's operand multiply; with <see cref="Accumulate"/> it is priced as one MAC.</summary>
    MacMultiply,

    /// <summary>The MAC's add into the accumulator.</summary>
    Accumulate,

    /// <summary>Work a bit-level PE does instead of one parallel multiply: brick products, shift-add trees, bit-serial gating.</summary>
    PartialProduct,

    /// <summary>Zero-point (offset) handling, in the PE or at the array edge: subtracting it and reading its register.</summary>
    ZeroPoint,

    /// <summary>
    /// Turning a code into a fixed-point value s·(q − z) (LSQ+ dequantize forms): the multiply by the
    /// scale's mantissa, its rounding add and shift, and the reads of the mantissa and shift registers.
    /// </summary>
    Dequantize,

    /// <summary>Reads of a PE's weight or activation register.</summary>
    OperandRegister,

    /// <summary>Reads and writes of the partial-sum register.</summary>
    AccumulatorRegister,

    /// <summary>Row sums Σx at the array edge and their register traffic (asymmetric weights, folded offsets).</summary>
    RowSum,

    /// <summary>Per-output correction of folded offsets (z_w·Σx).</summary>
    OffsetCorrection,

    /// <summary>Per-output requantization: bias add, rescale, rounding, shift, output zero point, clamp.</summary>
    Requantize,
}
