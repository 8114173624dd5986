using QuantSim.Simulator.Config;
using QuantSim.Simulator.Mapping;

namespace QuantSim.Simulator.ScaleSimCompat;

/// <summary>
/// One layer through SCALE-Sim v2's CALC-mode memory system, fold by fold instead of address by address, with
/// the results of <see cref="ScaleSimLayerSimulation.RunRowByRow"/> (the tests compare the two on random layers).
/// <para>
/// Three facts make this possible. In CALC mode every read is a hit served one cycle later, so only the OFMAP
/// write buffer stalls, and it looks only at how many words a row writes: the write side runs first, one count
/// per row. The read buffers then need the cycle of a row only where their window moves (and where the first
/// demand arrives). And between two moves of the window the order of joins is immaterial: a fold whose new
/// addresses do not fill the window is taken as a set, and a fold whose set is already held in the current
/// window (the same filters for every row fold of an output-stationary column fold) costs nothing. Only a fold
/// inside which the window moves is streamed row by row, in SCALE-Sim's order.
/// </para>
/// </summary>
internal static class ScaleSimCalcFoldSimulation
{
    public static ScaleSimLayerReport Run(ScaleSimLayerSetup setup)
    {
        var mapping = setup.Mapping;
        var buffers = setup.Config.Accelerator.Buffers;
        var demand = new ScaleSimFoldDemand(mapping, setup.Address);
        var ifmap = new ScaleSimFoldReads(setup, demand, ScaleSimOperand.Ifmap,
            new BandwidthEstimatingReadBuffer(buffers.Ifmap.CapacityWords, setup.IfmapRange.Min, setup.IfmapRange.Max));
        var filter = new ScaleSimFoldReads(setup, demand, ScaleSimOperand.Filter,
            new BandwidthEstimatingReadBuffer(buffers.Filter.CapacityWords, setup.FilterRange.Min, setup.FilterRange.Max));
        var ofmapBuffer = new ScaleSimWriteBuffer(buffers.Ofmap.CapacityWords, setup.OfmapDrainWordsPerCycle);
        var ofSram = new SramWindow();
        var counts = new FoldStatistics(mapping);

        int foldRows = checked((int)setup.FoldRows);
        var stallsBefore = new long[foldRows];
        long stalls = 0, row = 0, lastOfmapCycle = 0;
        foreach (var fold in mapping.EnumerateFolds())
        {
            counts.Add(fold);
            long foldStart = row;
            var writes = new OfmapRowWrites(mapping, fold);
            for (int w = 0; w < foldRows; w++, row++)
            {
                long cycle = row + stalls;
                stallsBefore[w] = stalls;
                int words = writes.At(w);
                long accepted = words == 0 ? cycle : ofmapBuffer.Accept(words, cycle);
                if (words != 0)
                {
                    ofSram.See(accepted);
                }

                stalls += accepted - cycle;
                lastOfmapCycle = accepted;
            }

            long CycleOf(int w) => foldStart + w + stallsBefore[w];
            ifmap.Read(fold, CycleOf);
            filter.Read(fold, CycleOf);
        }

        ifmap.Buffer.Complete();
        filter.Buffer.Complete();
        ofmapBuffer.Flush(lastOfmapCycle);
        return setup.Report(
            lastOfmapCycle,
            stalls,
            counts,
            (ifmap.Sram.ToAccess(counts.IfmapReads), filter.Sram.ToAccess(counts.FilterReads), ofSram.ToAccess(counts.OfmapWrites)),
            (ifmap.Buffer.Dram, filter.Buffer.Dram, ofmapBuffer.Dram));
    }
}

/// <summary>
/// How many OFMAP words row w of a fold's demand writes (<see cref="ScaleSimFoldDemand"/>'s OFMAP streams, counted):
/// output stationary drains array row q's used columns from row T − 1 + q on, one column per row; WS and IS write
/// column j's T outputs from row 2R − 1 + j on.
/// </summary>
internal readonly struct OfmapRowWrites
{
    private readonly int start;
    private readonly int lo;
    private readonly int hi;
    private readonly int length;

    public OfmapRowWrites(ArrayMapping mapping, Fold fold)
    {
        int r = mapping.Rows, t = mapping.T;
        if (mapping.Dataflow == Dataflow.OutputStationary)
        {
            // Row t - 1 + s carries the (q, j) with q + j = s, q in [R - ru, R), j in [0, cu).
            start = t - 1;
            lo = r - fold.UsedRows;
            hi = r - 1;
            length = fold.UsedCols;
        }
        else
        {
            // Row 2R - 1 + s carries the (j, m) with j + m = s, j in [0, cu), m in [0, T).
            start = (2 * r) - 1;
            lo = 0;
            hi = fold.UsedCols - 1;
            length = t;
        }
    }

    /// <summary>Words written by row <paramref name="w"/>: the x in [lo, hi] with s − x in [0, length).</summary>
    public int At(int w)
    {
        int s = w - start;
        return Math.Max(0, Math.Min(hi, s) - Math.Max(lo, s - length + 1) + 1);
    }
}
