using QuantSim.Simulator.Config;
using QuantSim.Simulator.Memory;
using QuantSim.Simulator.Results;
using QuantSim.Workloads.Layers;

namespace QuantSim.Simulator.Engine;

/// <summary>
/// Turns array edge traffic and DMA traffic into SRAM accesses. Native timing counts words of each
/// buffer's width (operands packed by their bit width). <c>timing: scalesim</c> reports reads and
/// writes exactly as SCALE-Sim v2 counts them, one access per element: ifmap and filter reads are the
/// real operands fed to the array, ofmap writes the outputs and partial sums, plus SCALE-Sim's
/// over-count of F x (R + C) ofmap writes for output stationary (its issue #166). DMA fills and
/// write-back reads, which SCALE-Sim does not report, are counted the native way in both modes.
/// </summary>
public static class SramAccounting
{
    public static SramCounts Count(AcceleratorConfig config, LayerResult array, LayerTrafficPlan plan, Precision precision)
    {
        var b = config.Buffers;
        var t = array.Traffic;
        static long Words(long elements, int bits, int wordBits) => (elements * bits + wordBits - 1) / wordBits;
        long ifmapWrites = Words(plan.IfmapDramBytes, 8, b.Ifmap.WordBits);
        long filterWrites = Words(plan.FilterDramBytes, 8, b.Filter.WordBits);
        long ofmapReads = Words(t.PartialSumReads, precision.AccumulatorBits, b.Ofmap.WordBits)
                          + Words(plan.DramWriteBytes, 8, b.Ofmap.WordBits);
        if (config.Array.Timing == TimingConvention.ScaleSim)
        {
            var m = array.Mapping;
            long overCount = m.Dataflow == Dataflow.OutputStationary ? m.Folds * (m.Rows + m.Cols) : 0;
            return new SramCounts(t.IfmapWords, ifmapWrites, t.FilterWords, filterWrites, ofmapReads, t.OutputWords + overCount);
        }

        return new SramCounts(
            Words(t.IfmapWords, precision.ActivationBits, b.Ifmap.WordBits),
            ifmapWrites,
            Words(t.FilterWords, precision.WeightBits, b.Filter.WordBits),
            filterWrites,
            ofmapReads,
            Words(t.OutputWords, precision.AccumulatorBits, b.Ofmap.WordBits) + Words(plan.PsumDramReadBytes, 8, b.Ofmap.WordBits));
    }
}
