using System.Collections.Immutable;

namespace QuantSim.Datapaths.Hardware;

/// <summary>
/// The output lane of the learned-scale variants: single-rounding requantization once per output,
/// i.e. bias add, A x 32 multiply by M0 (64-bit product), add of the rounding half 2^(t−1), arithmetic
/// right shift by t = 31 − shift, optional zero-point add, clamp to the output codes
/// (<see cref="Numerics.FixedPointMultiplier"/>), with its (M0, shift) parameters. An accumulator wider than
/// 32 bits makes the product A + 32 bits wide, so the rounding adder and the shifter grow with it; up to
/// 32 bits they stay the 64-bit units of TFLite's int32 arithmetic.
/// </summary>
public static class MultiplierRequantizer
{
    /// <summary>Width of the rescale product's rounding adder and shifter: 64, or A + 32 above a 32-bit accumulator.</summary>
    public static int ProductBits(int accumulatorBits) => Math.Max(64, accumulatorBits + 32);

    public static IEnumerable<HardwareOp> OutputOps(int accumulatorBits, int outputBits, bool outputZeroPoint)
    {
        yield return new(OpScope.PerOutput, OpKind.Add, accumulatorBits, 0, 1, OpRole.Requantize, "bias add");
        yield return new(OpScope.PerOutput, OpKind.Multiply, accumulatorBits, 32, 1, OpRole.Requantize, "rescale: acc x M0");
        yield return new(OpScope.PerOutput, OpKind.Add, ProductBits(accumulatorBits), 0, 1, OpRole.Requantize, "add the rounding half 2^(t-1)");
        yield return new(OpScope.PerOutput, OpKind.Shift, ProductBits(accumulatorBits), 0, 1, OpRole.Requantize, "arithmetic right shift by t = 31 - shift");
        if (outputZeroPoint)
        {
            yield return new(OpScope.PerOutput, OpKind.Add, 32, 0, 1, OpRole.Requantize, "output zero point add");
        }

        yield return new(OpScope.PerOutput, OpKind.Clamp, Math.Max(32, accumulatorBits), outputBits, 1, OpRole.Requantize, "saturate to output codes");
    }

    /// <summary>The output lane hardware for <see cref="OutputOps"/>.</summary>
    public static IEnumerable<HardwareComponent> LaneComponents(int accumulatorBits, bool outputZeroPoint)
    {
        yield return new("bias adder", ComponentKind.Adder, accumulatorBits, 0, 1);
        yield return new("rescale multiplier", ComponentKind.Multiplier, accumulatorBits, 32, 1);
        yield return new("rounding adder", ComponentKind.Adder, ProductBits(accumulatorBits), 0, 1);
        yield return new("barrel shifter", ComponentKind.Shifter, ProductBits(accumulatorBits), 0, 1);
        if (outputZeroPoint)
        {
            yield return new("zero-point adder", ComponentKind.Adder, 32, 0, 1);
        }

        yield return new("clamp comparators", ComponentKind.Comparator, Math.Max(32, accumulatorBits), 0, 2);
    }

    /// <summary>Bias plus one (M0, shift) pair per layer or per channel.</summary>
    public static ImmutableArray<LayerParameter> Parameters(int accumulatorBits, bool perChannel) =>
    [
        new("bias", accumulatorBits, true),
        new("M0 multiplier", 32, perChannel),
        new("shift", 8, perChannel),
    ];
}
