using QuantSim.Simulator.Dram;

namespace QuantSim.Simulator.Config;

/// <summary>Off-chip memory behind the DMA engine: one of the DRAM models.</summary>
public abstract record DramConfig;

/// <summary>
/// <c>model: simple</c>: a pipe of <see cref="BytesPerCycle"/> (accelerator cycles) with a fixed latency,
/// moving whole bursts. Bandwidth is decimal so fractional values such as 12.8 divide exactly.
/// </summary>
public sealed record BandwidthDramConfig(decimal BytesPerCycle, int LatencyCycles, int BurstBytes) : DramConfig;

/// <summary><c>model: timing</c>: the JEDEC bank/row-buffer model with a named parameter set.</summary>
public sealed record TimingDramConfig(DramTimingParameters Parameters) : DramConfig;

/// <summary>
/// <c>model: ideal</c>: unlimited bandwidth, no latency; traffic is still counted. This is
/// SCALE-Sim's CALC bandwidth mode, where stalls are zero by construction.
/// </summary>
public sealed record IdealDramConfig : DramConfig;
