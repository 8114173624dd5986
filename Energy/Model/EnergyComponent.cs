namespace QuantSim.Energy.Model;

/// <summary>
/// The groups of the energy breakdown, in the order reports list them, each the part of the hardware
/// that one accounting level adds (<see cref="AccountingLevel"/>): the PE's arithmetic, the PE's
/// registers (operand and partial-sum registers, forwarding between PEs, their clock), the rest of the
/// array datapath (output lanes, array-edge units, parameter registers), the on-chip memories, the
/// off-chip DRAM, and leakage.
/// </summary>
public enum EnergyCategory
{
    PeArithmetic,
    PeRegisters,
    ArrayDatapath,
    OnChip,
    OffChip,
    Leakage,
}

/// <summary>
/// One line of the energy breakdown, e.g. <c>mac.multiplier</c> or <c>sram.ifmap</c>. Components
/// sort by category, then name, so every report lists them in the same order.
/// </summary>
public sealed record EnergyComponent(EnergyCategory Category, string Name) : IComparable<EnergyComponent>
{
    /// <summary>The multipliers of fixed-width MACs.</summary>
    public static EnergyComponent MacMultiplier { get; } = new(EnergyCategory.PeArithmetic, "mac.multiplier");

    /// <summary>The accumulator adders of fixed-width MACs.</summary>
    public static EnergyComponent MacAccumulator { get; } = new(EnergyCategory.PeArithmetic, "mac.accumulator");

    /// <summary>Whole MACs on a bit-composable unit (product, accumulate and the unit's registers).</summary>
    public static EnergyComponent MacBitComposable { get; } = new(EnergyCategory.PeArithmetic, "mac.bit-composable");

    /// <summary>Arithmetic in the PEs besides the MAC, e.g. an offset subtracted in every PE.</summary>
    public static EnergyComponent PeArithmetic { get; } = new(EnergyCategory.PeArithmetic, "pe.arithmetic");

    /// <summary>The PE's own register traffic: operand reads, accumulator (partial-sum) reads and writes.</summary>
    public static EnergyComponent PeRegisters { get; } = new(EnergyCategory.PeRegisters, "pe.registers");

    /// <summary>Operands and flags moving between PEs, and stationary operands loaded into them.</summary>
    public static EnergyComponent PeForwarding { get; } = new(EnergyCategory.PeRegisters, "pe.forwarding");

    /// <summary>The clock of every flip-flop in the PEs.</summary>
    public static EnergyComponent PeClock { get; } = new(EnergyCategory.PeRegisters, "pe.clock");

    /// <summary>The per-output datapath and array-edge units: rescale, offset correction, rounding, clamp and their registers.</summary>
    public static EnergyComponent OutputDatapath { get; } = new(EnergyCategory.ArrayDatapath, "output.datapath");

    /// <summary>The clock of every flip-flop in the output lanes, the array-edge units and the parameter registers.</summary>
    public static EnergyComponent OutputClock { get; } = new(EnergyCategory.ArrayDatapath, "output.clock");

    /// <summary>Quantization parameters (bias, multipliers, shifts, zero points) loaded into the output lanes' registers.</summary>
    public static EnergyComponent ParameterRegisters { get; } = new(EnergyCategory.ArrayDatapath, "parameters.registers");

    /// <summary>Quantization parameters written to and read from the on-chip buffer that holds them.</summary>
    public static EnergyComponent ParameterSram { get; } = new(EnergyCategory.OnChip, "parameters.sram");

    /// <summary>Logic counted at the memory site (address counters and the like).</summary>
    public static EnergyComponent MemoryLogic { get; } = new(EnergyCategory.OnChip, "memory.logic");

    public static EnergyComponent DramRead { get; } = new(EnergyCategory.OffChip, "dram.read");

    public static EnergyComponent DramWrite { get; } = new(EnergyCategory.OffChip, "dram.write");

    /// <summary>Quantization parameters fetched from DRAM.</summary>
    public static EnergyComponent DramParameters { get; } = new(EnergyCategory.OffChip, "dram.parameters");

    public static EnergyComponent Leakage { get; } = new(EnergyCategory.Leakage, "leakage");

    /// <summary>Reads and writes of one on-chip buffer.</summary>
    public static EnergyComponent Sram(string buffer) => new(EnergyCategory.OnChip, $"sram.{buffer}");

    public int CompareTo(EnergyComponent? other)
    {
        if (other is null)
        {
            return 1;
        }

        int byCategory = Category.CompareTo(other.Category);
        return byCategory != 0 ? byCategory : string.CompareOrdinal(Name, other.Name);
    }

    public override string ToString() => Name;
}
