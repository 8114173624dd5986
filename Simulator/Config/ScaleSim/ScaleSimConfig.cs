namespace QuantSim.Simulator.Config.ScaleSim;

/// <summary>
/// A SCALE-Sim v2 .cfg translated into an accelerator config (SCALE-Sim timing, one-byte words)
/// plus the SCALE-Sim settings that have no QuantSim equivalent, kept for reports.
/// </summary>
public sealed record ScaleSimConfig(
    AcceleratorConfig Accelerator,
    ScaleSimBandwidthMode BandwidthMode,
    int BandwidthWordsPerCycle,
    long IfmapOffset,
    long FilterOffset,
    long OfmapOffset);
