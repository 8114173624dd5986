namespace QuantSim.Datapaths.Hardware;

/// <summary>A priced action. Widths are in <see cref="HardwareOp"/>; an energy table prices (kind, widths).</summary>
public enum OpKind
{
    /// <summary>Integer multiply, Bits x SecondBits operands.</summary>
    Multiply,

    /// <summary>Add or subtract of Bits-wide operands (includes rounding increments and accumulation).</summary>
    Add,

    /// <summary>Barrel shift of a Bits-wide value by a variable amount.</summary>
    Shift,

    /// <summary>Saturate a Bits-wide value to SecondBits (two comparisons and a select).</summary>
    Clamp,

    /// <summary>Bits-wide AND gating (bit-serial partial product).</summary>
    And,

    /// <summary>Read of a Bits-wide PE-local register.</summary>
    RegisterRead,

    /// <summary>Write of a Bits-wide PE-local register.</summary>
    RegisterWrite,

    /// <summary>Fetch of a Bits-wide per-layer or per-channel parameter from on-chip storage.</summary>
    ParameterRead,

    /// <summary>
    /// One whole MAC of Bits-wide weights by SecondBits-wide activations on a bit-composable unit
    /// (Bit Fusion), priced as the unit's share; its parts are listed with <see cref="HardwareOp.InsideMacUnit"/>.
    /// </summary>
    ComposableMac,

    /// <summary>Floating-point multiply of two <see cref="HardwareOp.Format"/> values (Bits is the format's width).</summary>
    FloatMultiply,

    /// <summary>Floating-point add of two <see cref="HardwareOp.Format"/> values, rounded (Bits is the format's width).</summary>
    FloatAdd,
}
