namespace QuantSim.Simulator.Dram;

/// <summary>
/// What a DRAM model has done. "Requested" bytes are what the DMA asked for; "moved" bytes are whole
/// bursts, so they include the over-fetch of unaligned or partial transfers.
/// Row outcomes: a hit finds its row open, a miss finds the bank closed (ACT only), a conflict finds
/// another row open (PRE then ACT). The bandwidth model has no rows and reports zero for them.
/// </summary>
public sealed record DramStatistics(
    long BytesRequestedRead,
    long BytesRequestedWritten,
    long BytesMovedRead,
    long BytesMovedWritten,
    long Bursts,
    long RowHits,
    long RowMisses,
    long RowConflicts,
    long Refreshes)
{
    public static DramStatistics Zero { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0);
}
