namespace QuantSim.Datapaths.Hardware;

/// <summary>
/// The PE most variants share: one n x m multiplier, an accumulator adder and the operand and
/// partial-sum registers. Widths: b_w, b_a operand bits as they enter the multiplier, A accumulator bits.
/// Register traffic is the PE's own per-MAC traffic in a systolic PE: read the stationary or
/// forwarded operands, read and write the accumulator.
/// </summary>
public static class MultiplierPe
{
    /// <summary>One n x m multiply and one accumulate per MAC, with the PE's register traffic.</summary>
    public static IEnumerable<HardwareOp> MacOps(int multiplierActivationBits, int multiplierWeightBits, int weightBits, int activationBits, int accumulatorBits)
    {
        yield return new(OpScope.PerMac, OpKind.Multiply, multiplierWeightBits, multiplierActivationBits, 1, OpRole.MacMultiply, "weight x activation");
        yield return new(OpScope.PerMac, OpKind.Add, accumulatorBits, 0, 1, OpRole.Accumulate, "accumulate");
        foreach (var op in RegisterOps(weightBits, activationBits, accumulatorBits, 1))
        {
            yield return op;
        }
    }

    /// <summary>
    /// The PE's own per-MAC register traffic; a MAC taking <paramref name="cyclesPerMac"/> cycles re-reads the weight and partial sum each cycle.
    /// Operands passed on to the neighbour are not listed: which operand moves depends on the dataflow,
    /// so the simulator counts them (at <see cref="HardwareInventory.Operands"/>' widths).
    /// </summary>
    public static IEnumerable<HardwareOp> RegisterOps(int weightBits, int activationBits, int accumulatorBits, int cyclesPerMac, bool readActivationRegister = true)
    {
        yield return new(OpScope.PerMac, OpKind.RegisterRead, weightBits, 0, cyclesPerMac, OpRole.OperandRegister, "weight register");
        if (readActivationRegister)
        {
            yield return new(OpScope.PerMac, OpKind.RegisterRead, activationBits, 0, 1, OpRole.OperandRegister, "activation register");
        }

        yield return new(OpScope.PerMac, OpKind.RegisterRead, accumulatorBits, 0, cyclesPerMac, OpRole.AccumulatorRegister, "accumulator read");
        yield return new(OpScope.PerMac, OpKind.RegisterWrite, accumulatorBits, 0, cyclesPerMac, OpRole.AccumulatorRegister, "accumulator write");
    }

    /// <summary>The PE's components.</summary>
    public static IEnumerable<HardwareComponent> Components(int multiplierActivationBits, int multiplierWeightBits, int weightBits, int activationBits, int accumulatorBits)
    {
        yield return new("multiplier", ComponentKind.Multiplier, multiplierWeightBits, multiplierActivationBits, 1);
        yield return new("accumulator adder", ComponentKind.Adder, accumulatorBits, 0, 1);
        yield return new("weight register", ComponentKind.Register, weightBits, 0, 1);
        yield return new("activation register", ComponentKind.Register, activationBits, 0, 1);
        yield return new("accumulator register", ComponentKind.Register, accumulatorBits, 0, 1);
    }
}
