using QuantSim.Simulator.Config;
using QuantSim.Simulator.Config.ScaleSim;
using QuantSim.Simulator.Mapping;
using QuantSim.Simulator.Results;
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

    public static ScaleSimLayerReport Run(int layerId, Layer layer, ScaleSimConfig config, IScaleSimTraceObserver? observer = null)
    {
        var array = config.Accelerator.Array;
        var problem = ScaleSimLowering.Lower(layer, layer.Name);
        var mapping = DataflowMapper.Map(problem, array);
        var address = Addressing(layer, problem, config);
        int r = mapping.Rows, c = mapping.Cols;

        var buffers = config.Accelerator.Buffers;
        bool calc = config.BandwidthMode == ScaleSimBandwidthMode.Calc;
        IScaleSimReadBuffer ReadBuffer(ScaleSimOperand operand, long words, int minAddress, int maxAddress) => calc
            ? new BandwidthEstimatingReadBuffer(words, minAddress, maxAddress, DramObserver(observer, operand))
            : new UserReadBuffer(words, config.BandwidthWordsPerCycle, PrefetchOrder.Build(mapping, address, operand),
                minAddress, maxAddress, DramObserver(observer, operand));

        var ifmapBuffer = ReadBuffer(ScaleSimOperand.Ifmap, buffers.Ifmap.CapacityWords,
            address.IfmapOffset, address.IfmapOffset + IfmapWords(layer) - 1);
        var filterBuffer = ReadBuffer(ScaleSimOperand.Filter, buffers.Filter.CapacityWords,
            address.Filter(0, 0), address.Filter(problem.K - 1, problem.N - 1));

        // CALC drains the OFMAP at ArrayWidth words/cycle; USER at the first Bandwidth value.
        var ofmapBuffer = new ScaleSimWriteBuffer(buffers.Ofmap.CapacityWords, calc ? c : config.BandwidthWordsPerCycle,
            DramObserver(observer, ScaleSimOperand.Ofmap));

        long foldRows = ScaleSimTiming.FoldRows(r, c, mapping.T, mapping.Dataflow);
        int ifPorts = ScaleSimDemand.PortCount(mapping, ScaleSimOperand.Ifmap);
        int fiPorts = ScaleSimDemand.PortCount(mapping, ScaleSimOperand.Filter);
        int ofPorts = ScaleSimDemand.PortCount(mapping, ScaleSimOperand.Ofmap);
        // The demand is generated a window of rows at a time: a fold of a 256-wide array runs for tens of thousands
        // of rows, and three fold-sized buffers would be tens of megabytes per layer.
        int windowRows = (int)Math.Min(foldRows, DemandWindowRows);
        var ifFold = new int[checked(windowRows * ifPorts)];
        var fiFold = new int[checked(windowRows * fiPorts)];
        var ofFold = new int[checked(windowRows * ofPorts)];
        var demand = new ScaleSimFoldDemand(mapping, address);

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

        long total = lastOfmapCycle;
        // In percent; SCALE-Sim scales the integer MAC count before dividing, so must we to match its digits.
        double overall = PeUtilization.Of(problem.Macs * 100, PeUtilization.Slots(total, r, c));
        return new ScaleSimLayerReport(
            layerId,
            layer.Name,
            total,
            stalls,
            overall,
            counts.MappingEfficiency * 100,
            counts.ComputeUtilization * 100,
            ifSram.ToAccess(counts.IfmapReads),
            fiSram.ToAccess(counts.FilterReads),
            ofSram.ToAccess(counts.OfmapWrites),
            ToAccess(ifmapBuffer.Dram),
            ToAccess(filterBuffer.Dram),
            ToAccess(ofmapBuffer.Dram));
    }

    /// <summary>Words of the IFMAP (H x W x C; a GEMM row is H=M, W=K, C=1).</summary>
    private static int IfmapWords(Layer layer) => layer switch
    {
        ConvLayer c => checked(c.InputHeight * c.InputWidth * c.InputChannels),
        GemmLayer g => checked(g.M * g.K),
        _ => throw new ArgumentException($"Layer '{layer.Name}' has no SCALE-Sim form.", nameof(layer)),
    };

    private static Action<long, long>? DramObserver(IScaleSimTraceObserver? observer, ScaleSimOperand operand) =>
        observer is null ? null : (first, last) => observer.DramRows(operand, first, last);

    private static DramAccessSpan ToAccess(DramActivity dram) => new(dram.Start ?? 0, dram.Stop, dram.Words);

    private static ScaleSimAddressing Addressing(Layer layer, GemmProblem problem, ScaleSimConfig config)
    {
        var a = layer is ConvLayer conv ? ScaleSimAddressing.ForConv(conv) : ScaleSimAddressing.ForGemm(problem.M, problem.N, problem.K);

        // A GEMM row is the conv H=M, W=K, so the same bounds check applies (and never fires).
        return a with
        {
            IfmapHeight = layer is ConvLayer c ? c.InputHeight : problem.M,
            IfmapOffset = checked((int)config.IfmapOffset),
            FilterOffset = checked((int)config.FilterOffset),
            OfmapOffset = checked((int)config.OfmapOffset),
        };
    }

    /// <summary>First and last serviced cycle of the rows that carried at least one address.</summary>
    private sealed class SramWindow
    {
        private long? start;
        private long stop;

        public void See(ReadOnlySpan<int> row, long serviced)
        {
            foreach (int addr in row)
            {
                if (addr != -1)
                {
                    start ??= serviced;
                    stop = serviced;
                    return;
                }
            }
        }

        public SramAccessSpan ToAccess(long accesses) => new(start ?? 0, stop, accesses);
    }
}
