using QuantSim.Datapaths.Contract;
using QuantSim.Workloads.Layers;

namespace QuantSim.Datapaths.ScaleOffset;

/// <summary>
/// Learned scale plus offset (LSQ+, asymmetric quantization): activations, and optionally weights,
/// carry a zero point. The hardware form decides where the zero point is handled: subtracted inside
/// every PE (a one-bit-wider multiplier plus a subtractor per PE) or folded into per-channel and
/// per-output correction terms outside the array.
/// </summary>
public sealed class ScaleOffsetDatapath : IDatapath
{
    public string Name => "scale-offset";

    public string Summary => "learned scale + zero point (LSQ+); offset handled in every PE or folded into per-output corrections";

    public IReadOnlyList<DatapathOption> Options { get; } =
    [
        new("form", ["in-pe", "folded"], "in-pe",
            "in-pe: each PE subtracts the zero point before multiplying; folded: zero-point terms are added per output"),
        new("weights", ["symmetric", "asymmetric"], "symmetric",
            "whether weights carry a zero point too (activations always do)"),
    ];

    public IEnumerable<PrecisionProblem> CheckPrecision(Precision precision) => PrecisionRules.IntegerOperands(precision);
}
