namespace QuantSim.Simulator.Config;

/// <summary>
/// A complete, validated accelerator description. Only <see cref="AcceleratorConfigReader"/> builds
/// these from files; sweeps derive variants with <c>with</c>.
/// </summary>
public sealed record AcceleratorConfig(
    string Name,
    string Description,
    double ClockMhz,
    ArrayConfig Array,
    BufferSetConfig Buffers,
    DramConfig Dram,
    DatapathConfig Datapath,
    TechnologyConfig Technology);
