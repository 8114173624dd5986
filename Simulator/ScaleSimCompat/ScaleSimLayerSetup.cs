using QuantSim.Simulator.Config;
using QuantSim.Simulator.Config.ScaleSim;
using QuantSim.Simulator.Mapping;
using QuantSim.Simulator.Results;
using QuantSim.Workloads.Layers;

namespace QuantSim.Simulator.ScaleSimCompat;

/// <summary>
/// What both ways of running a layer through SCALE-Sim's memory system share: the layer lowered and mapped
/// as SCALE-Sim maps it, its addressing, the demand streams' shape, the operands' address ranges, and the
/// report built from the run's results.
/// </summary>
internal sealed class ScaleSimLayerSetup
{
    private ScaleSimLayerSetup(int layerId, Layer layer, ScaleSimConfig config)
    {
        LayerId = layerId;
        Layer = layer;
        Config = config;
        Problem = ScaleSimLowering.Lower(layer, layer.Name);
        Mapping = DataflowMapper.Map(Problem, config.Accelerator.Array);
        Address = Addressing(layer, Problem, config);
        FoldRows = ScaleSimTiming.FoldRows(Mapping.Rows, Mapping.Cols, Mapping.T, Mapping.Dataflow);
        IfmapRange = (Address.IfmapOffset, Address.IfmapOffset + IfmapWords(layer) - 1);
        FilterRange = (Address.Filter(0, 0), Address.Filter(Problem.K - 1, Problem.N - 1));
    }

    public int LayerId { get; }

    public Layer Layer { get; }

    public ScaleSimConfig Config { get; }

    public GemmProblem Problem { get; }

    public ArrayMapping Mapping { get; }

    public ScaleSimAddressing Address { get; }

    /// <summary>Demand rows of one fold (<see cref="ScaleSimTiming.FoldRows"/>).</summary>
    public long FoldRows { get; }

    /// <summary>Lowest and highest IFMAP address of the layer.</summary>
    public (int Min, int Max) IfmapRange { get; }

    /// <summary>Lowest and highest filter address of the layer.</summary>
    public (int Min, int Max) FilterRange { get; }

    public bool Calc => Config.BandwidthMode == ScaleSimBandwidthMode.Calc;

    /// <summary>CALC drains the OFMAP at ArrayWidth words/cycle; USER at the first Bandwidth value.</summary>
    public int OfmapDrainWordsPerCycle => Calc ? Mapping.Cols : Config.BandwidthWordsPerCycle;

    public static ScaleSimLayerSetup For(int layerId, Layer layer, ScaleSimConfig config) => new(layerId, layer, config);

    public int Ports(ScaleSimOperand operand) => ScaleSimDemand.PortCount(Mapping, operand);

    /// <summary>The report of a run that ended with the last OFMAP row accepted at <paramref name="lastOfmapCycle"/>.</summary>
    public ScaleSimLayerReport Report(
        long lastOfmapCycle,
        long stalls,
        FoldStatistics counts,
        (SramAccessSpan Ifmap, SramAccessSpan Filter, SramAccessSpan Ofmap) sram,
        (DramActivity Ifmap, DramActivity Filter, DramActivity Ofmap) dram)
    {
        long total = lastOfmapCycle;
        int r = Mapping.Rows, c = Mapping.Cols;

        // In percent; SCALE-Sim scales the integer MAC count before dividing, so must we to match its digits.
        double overall = PeUtilization.Of(Problem.Macs * 100, PeUtilization.Slots(total, r, c));
        return new ScaleSimLayerReport(
            LayerId,
            Layer.Name,
            total,
            stalls,
            overall,
            counts.MappingEfficiency * 100,
            counts.ComputeUtilization * 100,
            sram.Ifmap,
            sram.Filter,
            sram.Ofmap,
            ToAccess(dram.Ifmap),
            ToAccess(dram.Filter),
            ToAccess(dram.Ofmap));
    }

    private static DramAccessSpan ToAccess(DramActivity dram) => new(dram.Start ?? 0, dram.Stop, dram.Words);

    /// <summary>Words of the IFMAP (H x W x C; a GEMM row is H=M, W=K, C=1).</summary>
    private static int IfmapWords(Layer layer) => layer switch
    {
        ConvLayer c => checked(c.InputHeight * c.InputWidth * c.InputChannels),
        GemmLayer g => checked(g.M * g.K),
        _ => throw new ArgumentException($"Layer '{layer.Name}' has no SCALE-Sim form.", nameof(layer)),
    };

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
}
