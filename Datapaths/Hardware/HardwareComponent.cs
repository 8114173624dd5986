namespace QuantSim.Datapaths.Hardware;

/// <summary>
/// <see cref="Count"/> instances of a component in one PE (or one output lane). <see cref="SecondBits"/>
/// is a multiplier's second operand width, 0 otherwise.
/// </summary>
public sealed record HardwareComponent(string Name, ComponentKind Kind, int Bits, int SecondBits, int Count)
{
    /// <summary>Part of a composite MAC unit listed separately (see <see cref="HardwareOp.InsideMacUnit"/>): its area is in the unit's.</summary>
    public bool InsideMacUnit { get; init; }

    public string Width => Kind is ComponentKind.Multiplier or ComponentKind.BitComposableMac ? $"{Bits}x{SecondBits}" : $"{Bits}";
}
