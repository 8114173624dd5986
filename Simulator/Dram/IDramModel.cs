namespace QuantSim.Simulator.Dram;

/// <summary>
/// Off-chip memory timing as the DMA engine sees it. A model is stateful (open rows, a busy data
/// bus, refresh), so transfers must be issued in the order the DMA engine issues them.
/// All times are accelerator cycles.
/// </summary>
public interface IDramModel
{
    /// <summary>
    /// Moves <paramref name="bytes"/> starting at <paramref name="address"/>, not before
    /// <paramref name="readyCycle"/>; returns the cycle in which the last byte has been transferred.
    /// </summary>
    long Transfer(long readyCycle, long address, long bytes, DramDirection direction);

    /// <summary>Counts so far: bytes requested and moved, bursts, row-buffer outcomes, refreshes.</summary>
    DramStatistics Statistics { get; }
}
