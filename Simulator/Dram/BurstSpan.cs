namespace QuantSim.Simulator.Dram;

/// <summary>The burst-aligned blocks a transfer touches.</summary>
public static class BurstSpan
{
    /// <summary>Index of the first aligned burst and how many bursts cover [address, address + bytes).</summary>
    public static (long First, long Count) Of(long address, long bytes, int burstBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(address);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bytes);
        long first = address / burstBytes;
        long last = (address + bytes - 1) / burstBytes;
        return (first, last - first + 1);
    }
}
