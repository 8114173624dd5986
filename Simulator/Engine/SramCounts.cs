namespace QuantSim.Simulator.Engine;

/// <summary>
/// SRAM accesses per buffer, in words of that buffer's width. Reads of ifmap/filter feed the array;
/// their writes are DMA fills. Ofmap writes are outputs and partial sums from the array (and spilled
/// partial sums coming back from DRAM); its reads are partial sums read back for accumulation and
/// outputs read for write-back.
/// </summary>
public sealed record SramCounts(long IfmapReads, long IfmapWrites, long FilterReads, long FilterWrites, long OfmapReads, long OfmapWrites)
{
    public static SramCounts Zero { get; } = new(0, 0, 0, 0, 0, 0);

    public SramCounts Plus(SramCounts o) => new(
        IfmapReads + o.IfmapReads, IfmapWrites + o.IfmapWrites, FilterReads + o.FilterReads,
        FilterWrites + o.FilterWrites, OfmapReads + o.OfmapReads, OfmapWrites + o.OfmapWrites);
}
