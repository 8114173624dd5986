namespace QuantSim.Energy.Costs;

/// <summary>
/// A technology's cost table as loaded from YAML by <see cref="CostTableReader"/>: per-operation
/// energies and areas with a source for every number. Lookups between and beyond the points follow
/// the laws documented on each family; <see cref="AllowExtrapolation"/> decides whether a width or
/// capacity outside the table's range is an error (the default) or an extension of the end segment.
/// </summary>
public sealed record CostTable(
    string Name,
    string File,
    int NodeNm,
    string Description,
    bool AllowExtrapolation,
    IReadOnlyDictionary<string, string> Sources,
    ScaledFamily Adder,
    ScaledFamily Multiplier,
    ScaledFamily Shifter,
    ScaledFamily Comparator,
    Mux2Costs Mux2,
    ClampRule Clamp,
    RegisterCosts Register,
    SramEnergyTable Sram,
    SramAreaTable SramArea,
    DramCosts Dram,
    BitComposableMacCost BitComposableMac,
    LeakageCosts Leakage)
{
    /// <summary>Floating-point adders and multipliers by format name (empty for a table without them).</summary>
    public IReadOnlyDictionary<string, FloatUnitCosts> FloatingPoint { get; init; } = new Dictionary<string, FloatUnitCosts>();

    /// <summary>The floating-point units of <paramref name="format"/>; a table without them is an input error naming the table.</summary>
    public FloatUnitCosts Float(string format) =>
        FloatingPoint.TryGetValue(format, out var units)
            ? units
            : throw new Input.InputException(new Input.InputError(File, 0, 0, "floating_point",
                $"no {format} adder and multiplier in this cost table (it has: {(FloatingPoint.Count == 0 ? "none" : string.Join(", ", FloatingPoint.Keys.Order(StringComparer.Ordinal)))}); a floating-point PE needs them"));

    public double AddPj(int bits) => Adder.EnergyPj(bits, bits, AllowExtrapolation);

    public double MultiplyPj(int aBits, int bBits) => Multiplier.EnergyPj(aBits, bBits, AllowExtrapolation);

    public double ShiftPj(int bits) => Shifter.EnergyPj(bits, bits, AllowExtrapolation);

    public double ComparePj(int bits) => Comparator.EnergyPj(bits, bits, AllowExtrapolation);

    public double Mux2Pj(int bits) => Mux2.EnergyPjPerBit.Value * bits;

    public double ClampPj(int bits) => Clamp.Comparators * ComparePj(bits) + Clamp.Mux2 * Mux2Pj(bits);

    public double SramReadPj(long capacityBytes, int wordBits) => Sram.ReadPj(capacityBytes, wordBits, AllowExtrapolation);

    public double SramWritePj(long capacityBytes, int wordBits) => Sram.WritePj(capacityBytes, wordBits, AllowExtrapolation);

    /// <summary>A copy that extends end segments instead of refusing out-of-range widths and capacities.</summary>
    public CostTable WithExtrapolation(bool allow) => this with { AllowExtrapolation = allow };
}
