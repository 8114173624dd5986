namespace QuantSim.Datapaths.Hardware;

/// <summary>A piece of hardware whose area an area table prices by kind and width.</summary>
public enum ComponentKind
{
    Multiplier,
    Adder,
    Register,
    Shifter,
    Comparator,
    AndArray,

    /// <summary>A whole bit-composable MAC unit (Bit Fusion fusion unit), sized by the table's own entry.</summary>
    BitComposableMac,

    /// <summary>A floating-point multiplier of one format (<see cref="HardwareComponent.Format"/>).</summary>
    FloatMultiplier,

    /// <summary>A floating-point adder of one format.</summary>
    FloatAdder,
}
