using QuantSim.Datapaths.Contract;
using QuantSim.Datapaths.Hardware;
using QuantSim.Datapaths.Numerics;
using QuantSim.Workloads.Layers;

namespace QuantSim.Datapaths.PerChannel;

/// <summary>
/// As LSQ, but weights carry one scale per output channel (TFLite per-axis), so every output channel
/// has its own requantization multiplier and shift M[c] = s_in·s_w[c]/s_out. The PE and the output
/// datapath are those of LSQ; the cost is the (M0, shift) table, stored and fetched per channel.
/// </summary>
public sealed class PerChannelDatapath : IDatapath
{
    public string Name => "per-channel";

    public string Summary => "per-output-channel weight scales; one multiplier + shift per channel";

    public IReadOnlyList<DatapathOption> Options => [];

    public IEnumerable<PrecisionProblem> CheckPrecision(Precision precision) => PrecisionRules.MultiplierOperands(precision);

    public DatapathQuantizers Quantizers(Precision precision, DatapathSettings settings) =>
        LearnedScaleParts.Quantizers(precision, Granularity.PerChannel);

    public IntegerKernel CreateKernel(LayerQuantization quantization, int[,] weights, Precision precision, DatapathSettings settings)
    {
        KernelChecks.RequireShapes(quantization, Quantizers(precision, settings), weights);
        return MultiplierKernels.Symmetric(quantization, weights, precision, ArrayMultiplier.Instance);
    }

    public HardwareInventory Inventory(Precision precision, DatapathSettings settings) =>
        LearnedScaleParts.Inventory(Name, "per-channel multipliers", precision, perChannel: true);
}
