using QuantSim.Datapaths.Hardware;
using QuantSim.Datapaths.Numerics;
using QuantSim.Workloads.Layers;

namespace QuantSim.Datapaths.Contract;

/// <summary>
/// One datapath variant (a fixed-point quantization, or the floating-point baseline): the name users put in <c>datapath.kind</c>, the options it
/// accepts and the precisions it supports, its numerics (quantizer shapes and a bit-exact integer
/// kernel per layer) and its hardware inventory. Implementations live one per folder under
/// Datapaths/ and are listed in <see cref="DatapathRegistry.Default"/>; runs use them through a
/// resolved <see cref="DatapathChoice"/>.
/// </summary>
public interface IDatapath
{
    /// <summary>The name used in configs and on the command line, e.g. <c>lsq</c>.</summary>
    string Name { get; }

    /// <summary>One line: what the variant computes and what hardware it needs.</summary>
    string Summary { get; }

    /// <summary>Variant-specific config keys under <c>datapath:</c>, besides the bit widths.</summary>
    IReadOnlyList<DatapathOption> Options { get; }

    /// <summary>
    /// The hardware forms a study compares as separate points (each a set of option values); by
    /// default one form, the defaults, labelled with the name.
    /// </summary>
    IReadOnlyList<DatapathForm> StudyForms => [DatapathForm.Of(Name)];

    /// <summary>Whether every layer of a workload must carry its own precision (mixed precision).</summary>
    bool RequiresLayerPrecision => false;

    /// <summary>
    /// The one precision a variant runs at, fixed by its options (a floating-point PE: operand and accumulator
    /// widths are its formats'), or null for the quantized variants, which run at any precision they check.
    /// The study prices such a variant once, at this precision.
    /// </summary>
    Precision? FixedPrecision(DatapathSettings settings) => null;

    /// <summary>Why this precision cannot run on the variant, or nothing when it can.</summary>
    IEnumerable<DatapathProblem> CheckPrecision(Precision precision);

    /// <summary>
    /// <see cref="CheckPrecision(Precision)"/> for one set of option values, for variants whose options
    /// change what a precision needs (e.g. a wide dequantized multiplier needs a wider accumulator).
    /// </summary>
    IEnumerable<DatapathProblem> CheckPrecision(Precision precision, DatapathSettings settings) => CheckPrecision(precision);

    /// <summary>The weight and activation quantizer shapes at <paramref name="precision"/>.</summary>
    DatapathQuantizers Quantizers(Precision precision, DatapathSettings settings);

    /// <summary>The hardware this variant needs at <paramref name="precision"/>, as data.</summary>
    HardwareInventory Inventory(Precision precision, DatapathSettings settings);

    /// <summary>
    /// The bit-exact integer kernel of one layer: <paramref name="weights"/> are the K x N GEMM weight
    /// codes, <paramref name="quantization"/> the layer's quantizers and bias (shapes must match
    /// <see cref="Quantizers"/>). Float scales are turned into integer multipliers or shifts here, once.
    /// </summary>
    IntegerKernel CreateKernel(LayerQuantization quantization, int[,] weights, Precision precision, DatapathSettings settings);
}
