namespace QuantSim.Energy.Model;

/// <summary>The broad groups of the energy breakdown, in the order reports list them.</summary>
public enum EnergyCategory
{
    Mac,
    ProcessingElement,
    OutputDatapath,
    Sram,
    Dram,
    Leakage,
}

/// <summary>
/// One line of the energy breakdown, e.g. <c>mac.multiplier</c> or <c>sram.ifmap</c>. Components
/// sort by category, then name, so every report lists them in the same order.
/// </summary>
public sealed record EnergyComponent(EnergyCategory Category, string Name) : IComparable<EnergyComponent>
{
    /// <summary>The multipliers of fixed-width MACs.</summary>
    public static EnergyComponent MacMultiplier { get; } = new(EnergyCategory.Mac, "mac.multiplier");

    /// <summary>The accumulator adders of fixed-width MACs.</summary>
    public static EnergyComponent MacAccumulator { get; } = new(EnergyCategory.Mac, "mac.accumulator");

    /// <summary>Whole MACs on a bit-composable unit (product, accumulate and the unit's registers).</summary>
    public static EnergyComponent MacBitComposable { get; } = new(EnergyCategory.Mac, "mac.bit-composable");

    /// <summary>Arithmetic in the PEs besides the MAC, e.g. an offset subtracted in every PE.</summary>
    public static EnergyComponent PeArithmetic { get; } = new(EnergyCategory.ProcessingElement, "pe.arithmetic");

    /// <summary>PE operand, weight and partial-sum registers and their forwarding.</summary>
    public static EnergyComponent PeRegisters { get; } = new(EnergyCategory.ProcessingElement, "pe.registers");

    /// <summary>The per-output datapath: rescale, offset correction, rounding, clamp and its registers.</summary>
    public static EnergyComponent OutputDatapath { get; } = new(EnergyCategory.OutputDatapath, "output.datapath");

    /// <summary>Logic counted at the memory site (address counters and the like).</summary>
    public static EnergyComponent MemoryLogic { get; } = new(EnergyCategory.Sram, "memory.logic");

    public static EnergyComponent DramRead { get; } = new(EnergyCategory.Dram, "dram.read");

    public static EnergyComponent DramWrite { get; } = new(EnergyCategory.Dram, "dram.write");

    public static EnergyComponent Leakage { get; } = new(EnergyCategory.Leakage, "leakage");

    /// <summary>Reads and writes of one on-chip buffer.</summary>
    public static EnergyComponent Sram(string buffer) => new(EnergyCategory.Sram, $"sram.{buffer}");

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
