using QuantSim.Datapaths.Contract;
using QuantSim.Workloads.Layers;

namespace QuantSim.Datapaths.Lsq;

/// <summary>
/// Per-tensor learned step size (LSQ, Esser et al. ICLR 2020): arbitrary real scales, requantized by an
/// integer fixed-point multiplier and shift with gemmlowp/TFLite rounding, then clamped.
/// </summary>
public sealed class LsqDatapath : IDatapath
{
    public string Name => "lsq";

    public string Summary => "per-tensor learned scale; requantize by int32 multiplier + rounding shift (gemmlowp)";

    public IReadOnlyList<DatapathOption> Options => [];

    public IEnumerable<PrecisionProblem> CheckPrecision(Precision precision) => PrecisionRules.IntegerOperands(precision);
}
