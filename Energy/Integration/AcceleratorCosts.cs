using QuantSim.Energy.Area;
using QuantSim.Energy.Costs;
using QuantSim.Simulator.Activity;
using QuantSim.Simulator.Config;

namespace QuantSim.Energy.Integration;

/// <summary>
/// The glue between an <see cref="AcceleratorConfig"/> and the energy and area models: which cost
/// table it names, the buffers it builds, and the SRAM actions its buffers perform.
/// </summary>
public static class AcceleratorCosts
{
    /// <summary>The names the breakdown uses for the config's three buffers.</summary>
    public const string Ifmap = "ifmap";
    public const string Filter = "filter";
    public const string Ofmap = "ofmap";

    /// <summary>
    /// Loads the table the config names (<c>technology: cost_table:</c>); a relative path is taken
    /// relative to <paramref name="configFile"/>.
    /// </summary>
    public static CostTable Table(AcceleratorConfig config, string? configFile = null) =>
        CostTableResolver.Resolve(config.Technology.CostTable, configFile);

    /// <summary>
    /// The config's buffers as area inventory. The configured capacity is the buffer's total
    /// (double buffering splits it into halves; it does not add storage).
    /// </summary>
    public static IReadOnlyList<InventoryItem> Buffers(AcceleratorConfig config) =>
    [
        new("buffers", new SramUnit(Ifmap, config.Buffers.Ifmap.CapacityBytes, config.Buffers.Ifmap.Banks), 1),
        new("buffers", new SramUnit(Filter, config.Buffers.Filter.CapacityBytes, config.Buffers.Filter.Banks), 1),
        new("buffers", new SramUnit(Ofmap, config.Buffers.Ofmap.CapacityBytes, config.Buffers.Ofmap.Banks), 1),
    ];

    /// <summary>One word read from the named buffer of the config, as an action the energy model prices.</summary>
    public static SramRead Read(AcceleratorConfig config, string buffer)
    {
        var b = Buffer(config, buffer);
        return new SramRead(buffer, b.CapacityBytes, b.WordBits, b.Banks);
    }

    /// <summary>One word written to the named buffer of the config.</summary>
    public static SramWrite Write(AcceleratorConfig config, string buffer)
    {
        var b = Buffer(config, buffer);
        return new SramWrite(buffer, b.CapacityBytes, b.WordBits, b.Banks);
    }

    private static BufferConfig Buffer(AcceleratorConfig config, string buffer) => buffer switch
    {
        Ifmap => config.Buffers.Ifmap,
        Filter => config.Buffers.Filter,
        Ofmap => config.Buffers.Ofmap,
        _ => throw new ArgumentException($"The config has no buffer '{buffer}'; it has {Ifmap}, {Filter} and {Ofmap}.", nameof(buffer)),
    };
}
