using System.Collections.Immutable;

namespace QuantSim.Datapaths.Hardware;

/// <summary>
/// Inventory lines several variants share, so each variant's file lists only what is its own.
/// Widths: b_w, b_a operand bits as they enter the multiplier, A accumulator bits.
/// Register traffic is the PE's own per-MAC traffic in a systolic PE: read the stationary or
/// forwarded operands, forward the activation to the neighbour, read and write the accumulator.
/// </summary>
public static class InventoryParts
{
    /// <summary>A multiplier PE: one n x m multiply and one accumulate per MAC.</summary>
    public static IEnumerable<HardwareOp> MultiplierMac(int multiplierActivationBits, int multiplierWeightBits, int weightBits, int activationBits, int accumulatorBits)
    {
        yield return new(OpScope.PerMac, OpKind.Multiply, multiplierWeightBits, multiplierActivationBits, 1, "weight x activation");
        yield return new(OpScope.PerMac, OpKind.Add, accumulatorBits, 0, 1, "accumulate");
        foreach (var op in MacRegisters(weightBits, activationBits, accumulatorBits, 1))
        {
            yield return op;
        }
    }

    public static IEnumerable<HardwareOp> MacRegisters(int weightBits, int activationBits, int accumulatorBits, int cyclesPerMac)
    {
        yield return new(OpScope.PerMac, OpKind.RegisterRead, weightBits, 0, cyclesPerMac, "weight register");
        yield return new(OpScope.PerMac, OpKind.RegisterRead, activationBits, 0, 1, "activation register");
        yield return new(OpScope.PerMac, OpKind.RegisterWrite, activationBits, 0, 1, "forward activation to neighbour");
        yield return new(OpScope.PerMac, OpKind.RegisterRead, accumulatorBits, 0, cyclesPerMac, "accumulator read");
        yield return new(OpScope.PerMac, OpKind.RegisterWrite, accumulatorBits, 0, cyclesPerMac, "accumulator write");
    }

    /// <summary>PE components of a multiplier PE.</summary>
    public static IEnumerable<HardwareComponent> MultiplierPe(int multiplierActivationBits, int multiplierWeightBits, int weightBits, int activationBits, int accumulatorBits)
    {
        yield return new("multiplier", ComponentKind.Multiplier, multiplierWeightBits, multiplierActivationBits, 1);
        yield return new("accumulator adder", ComponentKind.Adder, accumulatorBits, 0, 1);
        yield return new("weight register", ComponentKind.Register, weightBits, 0, 1);
        yield return new("activation register", ComponentKind.Register, activationBits, 0, 1);
        yield return new("accumulator register", ComponentKind.Register, accumulatorBits, 0, 1);
    }

    /// <summary>
    /// gemmlowp requantization once per output: bias add, saturating pre-shift, SRDHM (A x 32 multiply
    /// and the 2^30 nudge add on the 64-bit product), rounding divide by 2^n (shift plus rounding
    /// increment), optional zero-point add, clamp to the output codes.
    /// </summary>
    public static IEnumerable<HardwareOp> GemmlowpOutput(int accumulatorBits, int outputBits, bool outputZeroPoint)
    {
        yield return new(OpScope.PerOutput, OpKind.Add, accumulatorBits, 0, 1, "bias add");
        yield return new(OpScope.PerOutput, OpKind.Shift, 32, 0, 1, "saturating left shift by max(shift, 0)");
        yield return new(OpScope.PerOutput, OpKind.Multiply, accumulatorBits, 32, 1, "rescale: acc x M0 (SRDHM)");
        yield return new(OpScope.PerOutput, OpKind.Add, 64, 0, 1, "SRDHM rounding nudge");
        yield return new(OpScope.PerOutput, OpKind.Shift, 32, 0, 1, "rounding divide by 2^n: arithmetic shift");
        yield return new(OpScope.PerOutput, OpKind.Add, 32, 0, 1, "rounding divide by 2^n: round increment");
        if (outputZeroPoint)
        {
            yield return new(OpScope.PerOutput, OpKind.Add, 32, 0, 1, "output zero point add");
        }

        yield return new(OpScope.PerOutput, OpKind.Clamp, 32, outputBits, 1, "saturate to output codes");
    }

    /// <summary>The output lane hardware for <see cref="GemmlowpOutput"/>.</summary>
    public static IEnumerable<HardwareComponent> GemmlowpOutputLane(int accumulatorBits, bool outputZeroPoint)
    {
        yield return new("bias adder", ComponentKind.Adder, accumulatorBits, 0, 1);
        yield return new("rescale multiplier", ComponentKind.Multiplier, accumulatorBits, 32, 1);
        yield return new("nudge adder", ComponentKind.Adder, 64, 0, 1);
        yield return new("barrel shifter (left, right)", ComponentKind.Shifter, 32, 0, 2);
        yield return new("rounding adder", ComponentKind.Adder, 32, 0, 1);
        if (outputZeroPoint)
        {
            yield return new("zero-point adder", ComponentKind.Adder, 32, 0, 1);
        }

        yield return new("clamp comparators", ComponentKind.Comparator, 32, 0, 2);
    }

    /// <summary>Bias plus one (M0, shift) pair per layer or per channel.</summary>
    public static ImmutableArray<LayerParameter> MultiplierParameters(int accumulatorBits, bool perChannel) =>
    [
        new("bias", accumulatorBits, true),
        new("M0 multiplier", 32, perChannel),
        new("shift", 8, perChannel),
    ];
}
