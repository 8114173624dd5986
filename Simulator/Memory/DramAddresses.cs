namespace QuantSim.Simulator.Memory;

/// <summary>
/// Where the DMA engine reads and writes: each operand streams through its own DRAM region
/// sequentially (a new layer continues where the last left off), so a bank/row-buffer model sees
/// the row locality of tensors laid out contiguously. Regions are 256 MiB apart.
/// </summary>
public sealed class DramAddresses
{
    private const long RegionBytes = 256L << 20;
    private readonly long[] _offsets = new long[3];

    public long Next(Operand operand, long bytes)
    {
        int i = (int)operand;
        long address = i * RegionBytes + _offsets[i];
        _offsets[i] = (_offsets[i] + bytes) % RegionBytes;
        return address;
    }
}
