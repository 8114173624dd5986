namespace QuantSim.Simulator.Config;

/// <summary>One on-chip SRAM buffer.</summary>
public sealed record BufferConfig(long CapacityBytes, int WordBits, int Banks)
{
    /// <summary>How many words of <see cref="WordBits"/> fit.</summary>
    public long CapacityWords => CapacityBytes * 8 / WordBits;
}
