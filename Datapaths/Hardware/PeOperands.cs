namespace QuantSim.Datapaths.Hardware;

/// <summary>
/// The operands as a PE holds them and passes them on to its neighbour: the widths of its activation and
/// weight registers. Codes in most forms; codes minus a zero point (one bit wider) when the zero point is
/// subtracted at the array edge; dequantized fixed-point values when the edge dequantizes. The simulator
/// counts forwarding between PEs and the registers a dataflow adds (a stationary operand's shadow
/// register) at these widths, since only it knows which operand moves in which dataflow.
/// </summary>
public sealed record PeOperands
{
    public PeOperands(int activationBits, int weightBits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(activationBits, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(weightBits, 1);
        ActivationBits = activationBits;
        WeightBits = weightBits;
    }

    public int ActivationBits { get; }

    public int WeightBits { get; }
}
