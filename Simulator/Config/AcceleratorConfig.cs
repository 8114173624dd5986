using QuantSim.Datapaths.Contract;

namespace QuantSim.Simulator.Config;

/// <summary>
/// A complete, validated accelerator description. Only <see cref="AcceleratorConfigReader"/> (and the
/// SCALE-Sim config reader) build these from files; sweeps and studies derive variants with <c>with</c>.
/// The datapath is resolved: the plug-in object with its settings, not a name to look up again.
/// </summary>
public sealed record AcceleratorConfig(
    string Name,
    string Description,
    double ClockMhz,
    ArrayConfig Array,
    BufferSetConfig Buffers,
    DramConfig Dram,
    DatapathChoice Datapath,
    TechnologyConfig Technology)
{
    /// <summary>Where the fields came from, so rules checked after reading still name file, line and field.</summary>
    public ConfigOrigin Origin { get; init; } = new("config");
}
