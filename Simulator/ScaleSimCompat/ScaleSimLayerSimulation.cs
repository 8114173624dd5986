using QuantSim.Simulator.Config.ScaleSim;
using QuantSim.Workloads.Layers;

namespace QuantSim.Simulator.ScaleSimCompat;

/// <summary>
/// One layer through SCALE-Sim v2's memory system (<c>double_buffered_scratchpad.service_memory_requests</c>):
/// the demand matrices of <see cref="ScaleSimDemand"/>, streamed fold by fold, row i requested at
/// cycle i + stalls so far; per row each buffer reports when it served the row and the row's stall is
/// the largest lateness (reads beyond hit latency 1, writes beyond 0). Total Cycles is the cycle stamp of
/// the last OFMAP row (the 0-based index of the last cycle). The initial DRAM fill (negative cycles) and
/// the final OFMAP drain are outside it.
/// </summary>
internal static class ScaleSimLayerSimulation
{
    private const int ReadHitLatency = 1;

    /// <summary>Demand rows generated at once (a quarter of a megabyte per operand on a 256-wide array).</summary>
    private const int DemandWindowRows = 256;

    /// <summary>
    /// Runs the layer. CALC mode without a trace observer takes the fold-level form
    /// (<see cref="ScaleSimCalcFoldSimulation"/>); where that form meets one of SCALE-Sim's failures, the layer is
    /// run row by row, so the failure is reported exactly where and as SCALE-Sim's row order meets it.
    /// </summary>
    public static ScaleSimLayerReport Run(int layerId, Layer layer, ScaleSimConfig config, IScaleSimTraceObserver? observer = null)
    {
        var setup = ScaleSimLayerSetup.For(layerId, layer, config);
        if (setup.Calc && observer is null)
        {
            try
            {
                return ScaleSimCalcFoldSimulation.Run(setup);
            }
            catch (Exception ex) when (ex is ScaleSimInputLimitException or InvalidOperationException)
            {
                // Falls through to the row-by-row run, which raises SCALE-Sim's own failure in its own order.
            }
        }

        return RunRowByRow(setup, observer);
    }

    /// <summary>The layer streamed demand row by demand row, every address through the buffers (the reference form).</summary>
    public static ScaleSimLayerReport RunRowByRow(ScaleSimLayerSetup setup, IScaleSimTraceObserver? observer = null)
    {
        var mapping = setup.Mapping;
        var config = setup.Config;
        var buffers = config.Accelerator.Buffers;
        var demand = new ScaleSimFoldDemand(mapping, setup.Address);
        IScaleSimReadBuffer ReadBuffer(ScaleSimOperand operand, long words, (int Min, int Max) range) => setup.Calc
            ? new BandwidthEstimatingReadBuffer(words, range.Min, range.Max, DramObserver(observer, operand))
            : new UserReadBuffer(words, config.BandwidthWordsPerCycle, PrefetchOrder.Build(mapping, setup.Address, demand.Ifmap, operand),
                range.Min, range.Max, DramObserver(observer, operand));

        using var ifmapBuffer = ReadBuffer(ScaleSimOperand.Ifmap, buffers.Ifmap.CapacityWords, setup.IfmapRange);
        using var filterBuffer = ReadBuffer(ScaleSimOperand.Filter, buffers.Filter.CapacityWords, setup.FilterRange);
        var ofmapBuffer = new ScaleSimWriteBuffer(buffers.Ofmap.CapacityWords, setup.OfmapDrainWordsPerCycle,
            DramObserver(observer, ScaleSimOperand.Ofmap));

        long foldRows = setup.FoldRows;
        int ifPorts = setup.Ports(ScaleSimOperand.Ifmap);
        int fiPorts = setup.Ports(ScaleSimOperand.Filter);
        int ofPorts = setup.Ports(ScaleSimOperand.Ofmap);
        // The demand is generated a window of rows at a time: a fold of a 256-wide array runs for tens of thousands
        // of rows, and three fold-sized buffers would be tens of megabytes per layer.
        int windowRows = (int)Math.Min(foldRows, DemandWindowRows);
        var ifFold = new int[checked(windowRows * ifPorts)];
        var fiFold = new int[checked(windowRows * fiPorts)];
        var ofFold = new int[checked(windowRows * ofPorts)];

        var ifSram = new SramWindow();
        var fiSram = new SramWindow();
        var ofSram = new SramWindow();
        var counts = new FoldStatistics(mapping);
        long stalls = 0, row = 0, lastOfmapCycle = 0;
        foreach (var fold in mapping.EnumerateFolds())
        {
            counts.Add(fold);
            for (int first = 0; first < foldRows; first += windowRows)
            {
                int rows = (int)Math.Min(windowRows, foldRows - first);
                demand.Fill(fold, ScaleSimOperand.Ifmap, ifFold, first, rows);
                demand.Fill(fold, ScaleSimOperand.Filter, fiFold, first, rows);
                demand.Fill(fold, ScaleSimOperand.Ofmap, ofFold, first, rows);
                for (int w = 0; w < rows; w++, row++)
                {
                    long cycle = row + stalls;
                    var ifRow = new ReadOnlySpan<int>(ifFold, w * ifPorts, ifPorts);
                    var fiRow = new ReadOnlySpan<int>(fiFold, w * fiPorts, fiPorts);
                    var ofRow = new ReadOnlySpan<int>(ofFold, w * ofPorts, ofPorts);
                    long ifOut = ifmapBuffer.Service(ifRow, cycle);
                    long fiOut = filterBuffer.Service(fiRow, cycle);
                    long ofOut = ofmapBuffer.Service(ofRow, cycle);
                    ifSram.See(ifRow, ifOut);
                    fiSram.See(fiRow, fiOut);
                    ofSram.See(ofRow, ofOut);
                    if (observer is not null)
                    {
                        observer.SramRow(ScaleSimOperand.Ifmap, ifOut, ifRow);
                        observer.SramRow(ScaleSimOperand.Filter, fiOut, fiRow);
                        observer.SramRow(ScaleSimOperand.Ofmap, ofOut, ofRow);
                    }
                    stalls += Math.Max(Math.Max(ifOut - cycle - ReadHitLatency, fiOut - cycle - ReadHitLatency), ofOut - cycle);
                    lastOfmapCycle = ofOut;
                }
            }
        }

        ifmapBuffer.Complete();
        filterBuffer.Complete();
        ofmapBuffer.Flush(lastOfmapCycle);
        return setup.Report(
            lastOfmapCycle,
            stalls,
            counts,
            (ifSram.ToAccess(counts.IfmapReads), fiSram.ToAccess(counts.FilterReads), ofSram.ToAccess(counts.OfmapWrites)),
            (ifmapBuffer.Dram, filterBuffer.Dram, ofmapBuffer.Dram));
    }

    private static Action<long, long>? DramObserver(IScaleSimTraceObserver? observer, ScaleSimOperand operand) =>
        observer is null ? null : (first, last) => observer.DramRows(operand, first, last);
}
