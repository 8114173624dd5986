using QuantSim.Simulator.Config;
using QuantSim.Simulator.Memory;
using QuantSim.Simulator.Results;
using QuantSim.Workloads.Layers;

namespace QuantSim.Simulator.Engine;

/// <summary>
/// Turns array edge traffic and DMA traffic into SRAM accesses, in words of each buffer's width
/// (operands packed by their bit width). DMA fills and write-back reads (<see cref="Dma"/>) are
/// counted this way under every timing convention; <c>timing: scalesim</c> counts the array side
/// its own way (ScaleSimCompat.ScaleSimSramAccounting).
/// </summary>
public static class SramAccounting
{
    public static SramCounts Count(BufferSetConfig buffers, EdgeTraffic array, LayerTrafficPlan plan, Precision precision)
    {
        var b = buffers;
        return Dma(buffers, array, plan, precision) with
        {
            IfmapReads = Words(array.IfmapWords, precision.ActivationBits, b.Ifmap.WordBits),
            FilterReads = Words(array.FilterWords, precision.WeightBits, b.Filter.WordBits),
            OfmapWrites = Words(array.OutputWords, precision.AccumulatorBits, b.Ofmap.WordBits) + Words(plan.PsumDramReadBytes, 8, b.Ofmap.WordBits),
        };
    }

    /// <summary>
    /// The DMA side: ifmap and filter fills from DRAM (writes), ofmap reads of partial sums read
    /// back for accumulation and of the bytes written back to DRAM. Array-side counts are zero.
    /// </summary>
    public static SramCounts Dma(BufferSetConfig buffers, EdgeTraffic array, LayerTrafficPlan plan, Precision precision)
    {
        var b = buffers;
        long ifmapWrites = Words(plan.IfmapDramBytes, 8, b.Ifmap.WordBits);
        long filterWrites = Words(plan.FilterDramBytes, 8, b.Filter.WordBits);
        long ofmapReads = Words(array.PartialSumReads, precision.AccumulatorBits, b.Ofmap.WordBits)
                          + Words(plan.DramWriteBytes, 8, b.Ofmap.WordBits);
        return new SramCounts(0, ifmapWrites, 0, filterWrites, ofmapReads, 0);
    }

    private static long Words(long elements, int bits, int wordBits) => (elements * bits + wordBits - 1) / wordBits;
}
