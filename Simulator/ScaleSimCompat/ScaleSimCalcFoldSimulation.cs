namespace QuantSim.Simulator.ScaleSimCompat;

/// <summary>
/// One layer through SCALE-Sim v2's CALC-mode memory system, fold by fold instead of address by address, with
/// the results of <see cref="ScaleSimLayerSimulation.RunRowByRow"/> (the tests compare the two on random layers).
/// <para>
/// Three facts make this possible. In CALC mode every read is a hit served one cycle later, so only the OFMAP
/// write buffer stalls, and it looks only at how many words a row writes: the write side runs first, a stretch of
/// rows with equal counts at a time. The read buffers then need the cycle of a row only where their window moves (and where the first
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
        using var ifmapBuffer = new BandwidthEstimatingReadBuffer(buffers.Ifmap.CapacityWords, setup.IfmapRange.Min, setup.IfmapRange.Max);
        using var filterBuffer = new BandwidthEstimatingReadBuffer(buffers.Filter.CapacityWords, setup.FilterRange.Min, setup.FilterRange.Max);
        var ifmap = new ScaleSimFoldReads(setup, demand, ScaleSimOperand.Ifmap, ifmapBuffer);
        var filter = new ScaleSimFoldReads(setup, demand, ScaleSimOperand.Filter, filterBuffer);
        var ofmapBuffer = new ScaleSimWriteBuffer(buffers.Ofmap.CapacityWords, setup.OfmapDrainWordsPerCycle);
        var ofSram = new SramWindow();
        var counts = new FoldStatistics(mapping);

        int foldRows = checked((int)setup.FoldRows);
        // Where the stalls grew inside the current fold (rarely: CALC drains at the array width), as plain arrays:
        // generic collections of value tuples would run unoptimized in a short-lived ReadyToRun process.
        var stepRow = new int[16];
        var stepStalls = new long[16];
        long stalls = 0, row = 0, lastOfmapCycle = 0;
        foreach (var fold in mapping.EnumerateFolds())
        {
            counts.Add(fold);
            long foldStart = row, foldStalls = stalls;
            int steps = 0;

            // The write side: stretches of rows that write the same number of words, taken whole between drain
            // decisions; a stall delays every later row, so it starts a new stretch and a new step of the stalls.
            var writes = new OfmapRowWrites(mapping, fold);
            long? lastRowAccepted = null;
            for (int w = Math.Max(0, writes.FirstRow); w <= Math.Min(foldRows - 1, writes.LastRow);)
            {
                int words = writes.At(w), end = Math.Min(foldRows, writes.SameUntil(w));
                long cycle = foldStart + w + stalls;
                var (taken, stall) = ofmapBuffer.AcceptRows(end - w, words, cycle);
                ofSram.See(taken == 1 ? cycle + stall : cycle);
                ofSram.See(cycle + taken - 1 + stall);
                if (w + taken == foldRows)
                {
                    lastRowAccepted = cycle + taken - 1 + stall;
                }

                stalls += stall;
                w += (int)taken;
                if (stall != 0)
                {
                    if (steps == stepRow.Length)
                    {
                        Array.Resize(ref stepRow, steps * 2);
                        Array.Resize(ref stepStalls, steps * 2);
                    }

                    stepRow[steps] = w;
                    stepStalls[steps++] = stalls;
                }
            }

            row += foldRows;
            lastOfmapCycle = lastRowAccepted ?? (foldStart + foldRows - 1 + stalls);

            // Demand row w of this fold is requested at foldStart + w plus the stalls of the rows before it.
            long CycleOf(int w)
            {
                long before = foldStalls;
                for (int i = 0; i < steps && stepRow[i] <= w; i++)
                {
                    before = stepStalls[i];
                }

                return foldStart + w + before;
            }

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
