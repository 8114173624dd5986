using QuantSim.Datapaths.Contract;
using QuantSim.Datapaths.Hardware;
using QuantSim.Datapaths.Numerics;
using QuantSim.Workloads.Layers;

namespace QuantSim.Datapaths.Lsq;

/// <summary>
/// A real-valued learned scale per weight tensor or per output channel, activations with one real scale
/// (unsigned codes, or signed with <c>activations: signed</c>, <see cref="ActivationSignOption"/>), a multiplier PE and the integer-multiplier output stage: LSQ and its per-channel
/// variant, which differ only in the weight-scale granularity and so in the (M0, shift) parameters stored.
/// </summary>
public abstract class LearnedScaleDatapath(Granularity weightScales) : IDatapath
{
    public abstract string Name { get; }

    public abstract string Summary { get; }

    public IReadOnlyList<DatapathOption> Options => [ActivationSignOption.Option, RoundingOption.Option];

    /// <summary>The forms a study compares (the variant itself unless a subclass adds more).</summary>
    public virtual IReadOnlyList<DatapathForm> StudyForms => [DatapathForm.Of(Name)];

    /// <summary>Names the requantizer in inventories.</summary>
    protected abstract string Form { get; }

    public IEnumerable<DatapathProblem> CheckPrecision(Precision precision) => PrecisionRules.MultiplierOperands(precision);

    public DatapathQuantizers Quantizers(Precision precision, DatapathSettings settings) => new(
        new QuantizerSpec(precision.WeightBits, true, weightScales, ScaleKind.Real, false),
        new QuantizerSpec(precision.ActivationBits, ActivationSignOption.IsSigned(settings), Granularity.PerTensor, ScaleKind.Real, false));

    public IntegerKernel CreateKernel(LayerQuantization quantization, int[,] weights, Precision precision, DatapathSettings settings)
    {
        KernelChecks.RequireShapes(quantization, Quantizers(precision, settings), weights);
        return MultiplierKernels.Symmetric(quantization, weights, precision, ArrayMultiplier.Instance, RoundingOption.Of(settings));
    }

    public HardwareInventory Inventory(Precision precision, DatapathSettings settings)
    {
        int bw = precision.WeightBits, ba = precision.ActivationBits, acc = precision.AccumulatorBits;
        var rounding = RoundingOption.Of(settings);
        return new(
            Name,
            Form,
            precision,
            [.. MultiplierPe.MacOps(ba, bw, bw, ba, acc), .. MultiplierRequantizer.OutputOps(acc, ba, false, rounding)],
            MultiplierRequantizer.Parameters(acc, weightScales == Granularity.PerChannel, rounding),
            [.. MultiplierPe.Components(ba, bw, bw, ba, acc)],
            [.. MultiplierRequantizer.LaneComponents(acc, false, rounding)],
            PeThroughput.OnePerCycle)
        {
            Operands = new(ba, bw),
        };
    }
}
