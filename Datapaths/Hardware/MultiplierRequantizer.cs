using System.Collections.Immutable;
using QuantSim.Datapaths.Numerics;

namespace QuantSim.Datapaths.Hardware;

/// <summary>
/// The output lane of the learned-scale variants: single-rounding requantization once per output,
/// i.e. bias add, A x 32 multiply by M0 (64-bit product), add of the rounding half 2^(t−1), arithmetic
/// right shift by t = 31 − shift, optional zero-point add, clamp to the output codes
/// (<see cref="Numerics.FixedPointMultiplier"/>), with its (M0, shift) parameters. An accumulator wider than
/// 32 bits makes the product A + 32 bits wide, so the rounding adder and the shifter grow with it; up to
/// 32 bits they stay the 64-bit units of TFLite's int32 arithmetic.
/// <para>With <c>rounding: float32-half-even</c> the lane is ONNX Runtime's (<see cref="Numerics.Float32OutputStage"/>):
/// bias add, int32 to fp32, one fp32 multiply by the layer's (or channel's) fp32 scale, clamp, fp32 to an integer
/// rounding half to even, zero-point add. The cost table prices fp32 adds and multiplies (Horowitz 2014) but no
/// converter, so each conversion is priced as one fp32 add: int-to-float is the normalizing half of an adder
/// (leading-zero count, shift, round), and float-to-integer with ties to even is what an fp32 add of 1.5·2^23
/// does (exact below 2^22 in magnitude). That is an estimate from the adder's parts, not a quoted figure.</para>
/// </summary>
public static class MultiplierRequantizer
{
    /// <summary>Width of the rescale product's rounding adder and shifter: 64, or A + 32 above a 32-bit accumulator.</summary>
    public static int ProductBits(int accumulatorBits) => Math.Max(64, accumulatorBits + 32);

    public static IEnumerable<HardwareOp> OutputOps(int accumulatorBits, int outputBits, bool outputZeroPoint, RequantizeRounding rounding = RequantizeRounding.FixedPoint)
    {
        yield return new(OpScope.PerOutput, OpKind.Add, accumulatorBits, 0, 1, OpRole.Requantize, "bias add");
        if (rounding == RequantizeRounding.Float32HalfEven)
        {
            yield return HardwareOp.Float(OpScope.PerOutput, OpKind.FloatAdd, FloatFormat.Fp32, OpRole.Requantize, "int32 to fp32 (priced as an fp32 add)");
            yield return HardwareOp.Float(OpScope.PerOutput, OpKind.FloatMultiply, FloatFormat.Fp32, OpRole.Requantize, "rescale: x (s_in s_w / s_out) in fp32");
            yield return new(OpScope.PerOutput, OpKind.Clamp, 32, outputBits, 1, OpRole.Requantize, "clamp to [qmin - z, qmax - z]");
            yield return HardwareOp.Float(OpScope.PerOutput, OpKind.FloatAdd, FloatFormat.Fp32, OpRole.Requantize, "fp32 to integer, ties to even (priced as an fp32 add of 1.5 x 2^23)");
            if (outputZeroPoint)
            {
                yield return new(OpScope.PerOutput, OpKind.Add, 32, 0, 1, OpRole.Requantize, "output zero point add");
            }

            yield break;
        }

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
    public static IEnumerable<HardwareComponent> LaneComponents(int accumulatorBits, bool outputZeroPoint, RequantizeRounding rounding = RequantizeRounding.FixedPoint)
    {
        yield return new("bias adder", ComponentKind.Adder, accumulatorBits, 0, 1);
        if (rounding == RequantizeRounding.Float32HalfEven)
        {
            yield return HardwareComponent.Float("int32-to-fp32 and fp32-to-integer converters (fp32 adders)", ComponentKind.FloatAdder, FloatFormat.Fp32, 2);
            yield return HardwareComponent.Float("rescale multiplier", ComponentKind.FloatMultiplier, FloatFormat.Fp32);
            if (outputZeroPoint)
            {
                yield return new("zero-point adder", ComponentKind.Adder, 32, 0, 1);
            }

            yield return new("clamp comparators", ComponentKind.Comparator, 32, 0, 2);
            yield break;
        }

        yield return new("rescale multiplier", ComponentKind.Multiplier, accumulatorBits, 32, 1);
        yield return new("rounding adder", ComponentKind.Adder, ProductBits(accumulatorBits), 0, 1);
        yield return new("barrel shifter", ComponentKind.Shifter, ProductBits(accumulatorBits), 0, 1);
        if (outputZeroPoint)
        {
            yield return new("zero-point adder", ComponentKind.Adder, 32, 0, 1);
        }

        yield return new("clamp comparators", ComponentKind.Comparator, Math.Max(32, accumulatorBits), 0, 2);
    }

    /// <summary>Bias plus one (M0, shift) pair per layer or per channel (one fp32 scale with float32 rounding).</summary>
    public static ImmutableArray<LayerParameter> Parameters(int accumulatorBits, bool perChannel, RequantizeRounding rounding = RequantizeRounding.FixedPoint) =>
        rounding == RequantizeRounding.Float32HalfEven
            ? [new("bias", accumulatorBits, true), new("fp32 scale s_in s_w / s_out", 32, perChannel)]
            : [new("bias", accumulatorBits, true), new("M0 multiplier", 32, perChannel), new("shift", 8, perChannel)];
}
