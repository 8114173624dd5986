using QuantSim.Datapaths.Contract;
using QuantSim.Datapaths.Hardware;
using QuantSim.Datapaths.Numerics;
using QuantSim.Workloads.Layers;

namespace QuantSim.Datapaths.Lsq;

/// <summary>
/// Per-tensor learned step size (LSQ, Esser et al. ICLR 2020): signed symmetric weights
/// [−2^(b−1), 2^(b−1)−1], unsigned activations [0, 2^b−1], one arbitrary real scale each. The rescale
/// s_in·s_w/s_out becomes one int32 multiplier and shift per layer (TFLite QuantizeMultiplier), applied
/// with one rounding (multiply, add half, arithmetic shift), then clamped.
/// </summary>
public sealed class LsqDatapath : IDatapath
{
    public string Name => "lsq";

    public string Summary => "per-tensor learned scale; requantize by int32 multiplier + rounding shift";

    public IReadOnlyList<DatapathOption> Options => [];

    public IEnumerable<PrecisionProblem> CheckPrecision(Precision precision) => PrecisionRules.MultiplierOperands(precision);

    public DatapathQuantizers Quantizers(Precision precision, DatapathSettings settings) =>
        LearnedScaleParts.Quantizers(precision, Granularity.PerTensor);

    public IntegerKernel CreateKernel(LayerQuantization quantization, int[,] weights, Precision precision, DatapathSettings settings)
    {
        KernelChecks.RequireShapes(quantization, Quantizers(precision, settings), weights);
        return MultiplierKernels.Symmetric(quantization, weights, precision, ArrayMultiplier.Instance);
    }

    public HardwareInventory Inventory(Precision precision, DatapathSettings settings) =>
        LearnedScaleParts.Inventory(Name, "per-tensor multiplier", precision, perChannel: false);
}
