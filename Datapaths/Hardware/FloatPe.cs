using QuantSim.Datapaths.Numerics;

namespace QuantSim.Datapaths.Hardware;

/// <summary>
/// The floating-point PE that scale-offset's <c>float-at-edge</c> form and the float baseline share: an M-format
/// multiplier, an A-format accumulator adder, M-wide operand registers and an A-bit accumulator register.
/// </summary>
public static class FloatPe
{
    /// <summary>One M multiply and one A add per MAC, with the PE's register traffic.</summary>
    public static IEnumerable<HardwareOp> MacOps(FloatFormat multiply, FloatFormat accumulate)
    {
        yield return HardwareOp.Float(OpScope.PerMac, OpKind.FloatMultiply, multiply, OpRole.MacMultiply, "weight x activation");
        yield return HardwareOp.Float(OpScope.PerMac, OpKind.FloatAdd, accumulate, OpRole.Accumulate, "accumulate");
        foreach (var op in MultiplierPe.RegisterOps(multiply.Bits, multiply.Bits, accumulate.Bits, 1))
        {
            yield return op;
        }
    }

    /// <summary>The PE's components.</summary>
    public static HardwareComponent[] Components(FloatFormat multiply, FloatFormat accumulate) =>
    [
        HardwareComponent.Float("float multiplier", ComponentKind.FloatMultiplier, multiply),
        HardwareComponent.Float("float accumulator adder", ComponentKind.FloatAdder, accumulate),
        new("weight register", ComponentKind.Register, multiply.Bits, 0, 1),
        new("activation register", ComponentKind.Register, multiply.Bits, 0, 1),
        new("accumulator register", ComponentKind.Register, accumulate.Bits, 0, 1),
    ];
}
