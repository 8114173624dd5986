namespace QuantSim.Energy.Model;

/// <summary>
/// How much of the accelerator an energy figure covers, from the multiplier outward. Each level adds
/// one <see cref="EnergyCategory"/> (the system level adds DRAM and leakage), so a ratio between two
/// designs can be read at the level where a difference is made and at the levels that dilute it.
/// </summary>
public enum AccountingLevel
{
    /// <summary>The PE's arithmetic: MAC multiplier and accumulator, and any other per-MAC arithmetic.</summary>
    PeArithmetic,

    /// <summary>The PE: its arithmetic, its registers, forwarding between PEs and the PE clock.</summary>
    Pe,

    /// <summary>The array datapath: the PEs plus output lanes, array-edge units and parameter registers.</summary>
    ArrayDatapath,

    /// <summary>On chip: the array datapath plus the SRAM buffers.</summary>
    OnChip,

    /// <summary>The system: everything, DRAM and leakage included (the run's total).</summary>
    System,
}

/// <summary>Names and membership of the accounting levels.</summary>
public static class AccountingLevels
{
    public static IReadOnlyList<AccountingLevel> All { get; } = Enum.GetValues<AccountingLevel>();

    /// <summary>The name reports use, e.g. <c>array-datapath</c>.</summary>
    public static string Name(this AccountingLevel level) => level switch
    {
        AccountingLevel.PeArithmetic => "pe-arithmetic",
        AccountingLevel.Pe => "pe",
        AccountingLevel.ArrayDatapath => "array-datapath",
        AccountingLevel.OnChip => "on-chip",
        AccountingLevel.System => "system",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    /// <summary>Whether energy of <paramref name="category"/> counts at <paramref name="level"/>.</summary>
    public static bool Includes(this AccountingLevel level, EnergyCategory category) => category switch
    {
        EnergyCategory.PeArithmetic => true,
        EnergyCategory.PeRegisters => level >= AccountingLevel.Pe,
        EnergyCategory.ArrayDatapath => level >= AccountingLevel.ArrayDatapath,
        EnergyCategory.OnChip => level >= AccountingLevel.OnChip,
        EnergyCategory.OffChip or EnergyCategory.Leakage => level >= AccountingLevel.System,
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };

    /// <summary>The energy of <paramref name="components"/> that counts at <paramref name="level"/>.</summary>
    public static decimal Sum(this AccountingLevel level, IEnumerable<ComponentEnergy> components) =>
        components.Where(c => level.Includes(c.Component.Category)).Sum(c => c.Pj);
}
