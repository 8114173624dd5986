namespace QuantSim.Simulator.Config;

/// <summary>Which DRAM timing model sits behind the DMA engine.</summary>
public enum DramModelKind
{
    /// <summary>Bandwidth + fixed latency + burst granularity (<c>simple</c>).</summary>
    Simple,
}

/// <summary>Off-chip memory as seen from the accelerator clock.</summary>
public sealed record DramConfig(DramModelKind Model, double BandwidthBytesPerCycle, int LatencyCycles, int BurstBytes);
