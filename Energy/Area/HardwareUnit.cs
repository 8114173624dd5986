using System.Globalization;

namespace QuantSim.Energy.Area;

/// <summary>
/// One kind of hardware block with the widths that set its area: what a datapath's inventory lists
/// (per PE or per output lane) and what the buffers are.
/// </summary>
public abstract record HardwareUnit
{
    /// <summary>Stable text such as <c>multiplier(8x8)</c>, for listings.</summary>
    public abstract string Describe { get; }

    public sealed override string ToString() => Describe;

    private protected static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}

public sealed record AdderUnit(int Bits) : HardwareUnit
{
    public override string Describe => $"adder({N(Bits)})";
}

public sealed record MultiplierUnit(int ABits, int BBits) : HardwareUnit
{
    public override string Describe => $"multiplier({N(ABits)}x{N(BBits)})";
}

public sealed record ShifterUnit(int Bits) : HardwareUnit
{
    public override string Describe => $"shifter({N(Bits)})";
}

public sealed record ComparatorUnit(int Bits) : HardwareUnit
{
    public override string Describe => $"comparator({N(Bits)})";
}

public sealed record ClampUnit(int Bits) : HardwareUnit
{
    public override string Describe => $"clamp({N(Bits)})";
}

public sealed record Mux2Unit(int Bits) : HardwareUnit
{
    public override string Describe => $"mux2({N(Bits)})";
}

/// <summary>A register of <see cref="Bits"/> flip-flops (operand, weight, partial sum, per-channel parameter).</summary>
public sealed record RegisterUnit(int Bits) : HardwareUnit
{
    public override string Describe => $"register({N(Bits)})";
}

/// <summary>A floating-point adder of one format (fp16, bf16, fp32).</summary>
public sealed record FloatAdderUnit(string Format) : HardwareUnit
{
    public override string Describe => $"float-adder({Format})";
}

/// <summary>A floating-point multiplier of one format.</summary>
public sealed record FloatMultiplierUnit(string Format) : HardwareUnit
{
    public override string Describe => $"float-multiplier({Format})";
}

/// <summary>One bit-composable MAC unit as described by the table's <c>bit_composable_mac</c>.</summary>
public sealed record BitComposableMacUnit : HardwareUnit
{
    public override string Describe => "bit-composable-mac";
}

/// <summary>An SRAM buffer of <see cref="CapacityBytes"/> split into <see cref="Banks"/> equal banks.</summary>
public sealed record SramUnit(string Name, long CapacityBytes, int Banks = 1) : HardwareUnit
{
    public long Bits => CapacityBytes * 8;

    public override string Describe => $"sram({Name},{N(CapacityBytes)}B,{N(Banks)}banks)";
}
