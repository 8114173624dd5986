using QuantSim.Datapaths.Contract;
using QuantSim.Workloads.Layers;

namespace QuantSim.Datapaths.MixedPrecision;

/// <summary>
/// Per-layer bit-widths on a precision-flexible PE: bit-composable (Bit Fusion, Sharma et al. ISCA 2018:
/// one 8x8 PE does one 8x8, four 4x4 or sixteen 2x2 multiplies per cycle) or bit-serial (cycles grow
/// with the activation bits).
/// </summary>
public sealed class MixedPrecisionDatapath : IDatapath
{
    private static readonly int[] SupportedBits = [2, 4, 8, 16];

    public string Name => "mixed-precision";

    public string Summary => "per-layer 2/4/8/16-bit operands on a bit-composable or bit-serial PE";

    public IReadOnlyList<DatapathOption> Options { get; } =
    [
        new("pe", ["bit-composable", "bit-serial"], "bit-composable",
            "bit-composable: Bit Fusion fusion units; bit-serial: one activation bit per cycle"),
    ];

    public IEnumerable<PrecisionProblem> CheckPrecision(Precision precision)
    {
        if (!SupportedBits.Contains(precision.WeightBits))
        {
            yield return new(PrecisionProblem.WeightBits, $"weight bits must be one of 2, 4, 8, 16, got {precision.WeightBits}");
        }

        if (!SupportedBits.Contains(precision.ActivationBits))
        {
            yield return new(PrecisionProblem.ActivationBits, $"activation bits must be one of 2, 4, 8, 16, got {precision.ActivationBits}");
        }

        if (precision.AccumulatorBits < precision.WeightBits + precision.ActivationBits)
        {
            yield return new(PrecisionProblem.AccumulatorBits, $"accumulator bits ({precision.AccumulatorBits}) must hold one product ({precision.WeightBits + precision.ActivationBits} bits)");
        }
    }
}
