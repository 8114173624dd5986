namespace QuantSim.Datapaths.Hardware;

/// <summary>
/// One line of a variant's inventory: <see cref="Count"/> operations of <see cref="Kind"/> at the
/// given widths, once per <see cref="Scope"/>. <see cref="SecondBits"/> is the second operand width of
/// a multiply or the target width of a clamp, 0 otherwise.
/// </summary>
public sealed record HardwareOp(OpScope Scope, OpKind Kind, int Bits, int SecondBits, int Count, string Purpose)
{
    /// <summary>Width as printed: <c>8x8</c> for a multiply, <c>32-&gt;8</c> for a clamp, else <c>32</c>.</summary>
    public string Width => Kind switch
    {
        OpKind.Multiply => $"{Bits}x{SecondBits}",
        OpKind.Clamp => $"{Bits}->{SecondBits}",
        _ => $"{Bits}",
    };
}
