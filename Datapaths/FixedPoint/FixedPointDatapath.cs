using QuantSim.Datapaths.Contract;
using QuantSim.Workloads.Layers;

namespace QuantSim.Datapaths.FixedPoint;

/// <summary>
/// Plain (dynamic) fixed point as in Ristretto: symmetric signed integers with power-of-two scales,
/// so requantization is a rounding arithmetic shift and a saturating clamp; no multiplier per output.
/// </summary>
public sealed class FixedPointDatapath : IDatapath
{
    public string Name => "fixed-point";

    public string Summary => "symmetric integers, power-of-two scales; requantize by rounding shift and clamp";

    public IReadOnlyList<DatapathOption> Options => [];

    public IEnumerable<PrecisionProblem> CheckPrecision(Precision precision) => PrecisionRules.IntegerOperands(precision);
}
