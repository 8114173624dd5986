using QuantSim.Datapaths.Numerics;

namespace QuantSim.Datapaths.Hardware;

/// <summary>
/// One line of a variant's inventory: <see cref="Count"/> operations of <see cref="Kind"/> at the
/// given widths, once per <see cref="Scope"/>, doing <see cref="Role"/>. <see cref="SecondBits"/> is the
/// second operand width of a multiply or the target width of a clamp, 0 otherwise.
/// </summary>
public sealed record HardwareOp(OpScope Scope, OpKind Kind, int Bits, int SecondBits, int Count, OpRole Role, string Purpose)
{
    /// <summary>
    /// The operation happens inside a composite MAC unit whose table entry already prices it (a
    /// bit-composable unit's bricks, adders and registers): listed for the reader, not counted again.
    /// </summary>
    public bool InsideMacUnit { get; init; }

    /// <summary>The floating-point format of a <see cref="OpKind.FloatMultiply"/> or <see cref="OpKind.FloatAdd"/>, else null.</summary>
    public FloatFormat? Format { get; init; }

    /// <summary>A floating-point operation: <paramref name="kind"/> at the width of <paramref name="format"/>.</summary>
    public static HardwareOp Float(OpScope scope, OpKind kind, FloatFormat format, OpRole role, string purpose) =>
        new(scope, kind, format.Bits, 0, 1, role, purpose) { Format = format };

    /// <summary>Width as printed: <c>8x8</c> for a multiply, <c>32-&gt;8</c> for a clamp, else <c>32</c>.</summary>
    public string Width => Kind switch
    {
        OpKind.Multiply or OpKind.ComposableMac => $"{Bits}x{SecondBits}",
        OpKind.Clamp => $"{Bits}->{SecondBits}",
        OpKind.FloatMultiply or OpKind.FloatAdd => Format?.Name ?? $"{Bits}",
        _ => $"{Bits}",
    };
}
