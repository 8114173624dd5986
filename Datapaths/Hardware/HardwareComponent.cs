using QuantSim.Datapaths.Numerics;

namespace QuantSim.Datapaths.Hardware;

/// <summary>
/// <see cref="Count"/> instances of a component in one PE (or one output lane). <see cref="SecondBits"/>
/// is a multiplier's second operand width, 0 otherwise.
/// </summary>
public sealed record HardwareComponent(string Name, ComponentKind Kind, int Bits, int SecondBits, int Count)
{
    /// <summary>Part of a composite MAC unit listed separately (see <see cref="HardwareOp.InsideMacUnit"/>): its area is in the unit's.</summary>
    public bool InsideMacUnit { get; init; }

    /// <summary>The format of a floating-point multiplier or adder, else null.</summary>
    public FloatFormat? Format { get; init; }

    /// <summary>A floating-point unit of <paramref name="format"/>.</summary>
    public static HardwareComponent Float(string name, ComponentKind kind, FloatFormat format, int count = 1) =>
        new(name, kind, format.Bits, 0, count) { Format = format };

    public string Width => Kind switch
    {
        ComponentKind.Multiplier or ComponentKind.BitComposableMac => $"{Bits}x{SecondBits}",
        ComponentKind.FloatMultiplier or ComponentKind.FloatAdder => Format?.Name ?? $"{Bits}",
        _ => $"{Bits}",
    };
}
