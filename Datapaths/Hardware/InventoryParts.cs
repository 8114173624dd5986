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
    /// <summary>Purpose of the per-MAC operand multiply; pricing treats it and <see cref="Accumulate"/> as the MAC itself.</summary>
    public const string WeightTimesActivation = "weight x activation";

    /// <summary>Purpose of the per-MAC accumulator add.</summary>
    public const string Accumulate = "accumulate";

    /// <summary>A multiplier PE: one n x m multiply and one accumulate per MAC.</summary>
    public static IEnumerable<HardwareOp> MultiplierMac(int multiplierActivationBits, int multiplierWeightBits, int weightBits, int activationBits, int accumulatorBits)
    {
        yield return new(OpScope.PerMac, OpKind.Multiply, multiplierWeightBits, multiplierActivationBits, 1, WeightTimesActivation);
        yield return new(OpScope.PerMac, OpKind.Add, accumulatorBits, 0, 1, Accumulate);
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
    /// Single-rounding requantization once per output: bias add, A x 32 multiply by M0 (64-bit product),
    /// add of the rounding half 2^(t−1), arithmetic right shift by t = 31 − shift, optional zero-point add,
    /// clamp to the output codes (FixedPointMultiplier.Apply).
    /// </summary>
    public static IEnumerable<HardwareOp> MultiplierOutput(int accumulatorBits, int outputBits, bool outputZeroPoint)
    {
        yield return new(OpScope.PerOutput, OpKind.Add, accumulatorBits, 0, 1, "bias add");
        yield return new(OpScope.PerOutput, OpKind.Multiply, accumulatorBits, 32, 1, "rescale: acc x M0");
        yield return new(OpScope.PerOutput, OpKind.Add, 64, 0, 1, "add the rounding half 2^(t-1)");
        yield return new(OpScope.PerOutput, OpKind.Shift, 64, 0, 1, "arithmetic right shift by t = 31 - shift");
        if (outputZeroPoint)
        {
            yield return new(OpScope.PerOutput, OpKind.Add, 32, 0, 1, "output zero point add");
        }

        yield return new(OpScope.PerOutput, OpKind.Clamp, 32, outputBits, 1, "saturate to output codes");
    }

    /// <summary>The output lane hardware for <see cref="MultiplierOutput"/>.</summary>
    public static IEnumerable<HardwareComponent> MultiplierOutputLane(int accumulatorBits, bool outputZeroPoint)
    {
        yield return new("bias adder", ComponentKind.Adder, accumulatorBits, 0, 1);
        yield return new("rescale multiplier", ComponentKind.Multiplier, accumulatorBits, 32, 1);
        yield return new("rounding adder", ComponentKind.Adder, 64, 0, 1);
        yield return new("barrel shifter", ComponentKind.Shifter, 64, 0, 1);
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
