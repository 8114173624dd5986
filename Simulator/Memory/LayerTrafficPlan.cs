using System.Collections.Immutable;

namespace QuantSim.Simulator.Memory;

/// <summary>
/// Everything the memory system moves for one layer, in the order the DMA engine issues it:
/// loads sorted by the cycle the array needs them (earliest deadline first), write-backs by the
/// cycle they become ready. Byte totals per operand are what DRAM sees.
/// </summary>
public sealed record LayerTrafficPlan(
    ImmutableArray<LoadSegment> Loads,
    ImmutableArray<WriteSegment> Writes,
    long IfmapDramBytes,
    long FilterDramBytes,
    long PsumDramReadBytes,
    long OutputDramBytes,
    long PsumDramWriteBytes,
    bool IfmapResident,
    bool FilterResident,
    bool PartialSumsSpill,
    long PeakIfmapBytes,
    long PeakFilterBytes,
    long PeakOfmapBytes)
{
    public long DramReadBytes => IfmapDramBytes + FilterDramBytes + PsumDramReadBytes;

    public long DramWriteBytes => OutputDramBytes + PsumDramWriteBytes;
}
