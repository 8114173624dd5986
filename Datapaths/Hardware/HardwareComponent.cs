namespace QuantSim.Datapaths.Hardware;

/// <summary>
/// <see cref="Count"/> instances of a component in one PE (or one output lane). <see cref="SecondBits"/>
/// is a multiplier's second operand width, 0 otherwise.
/// </summary>
public sealed record HardwareComponent(string Name, ComponentKind Kind, int Bits, int SecondBits, int Count)
{
    public string Width => Kind == ComponentKind.Multiplier ? $"{Bits}x{SecondBits}" : $"{Bits}";
}
