using QuantSim.Datapaths.Contract;
using QuantSim.Workloads.Layers;

namespace QuantSim.Datapaths.PerChannel;

/// <summary>
/// As LSQ, but weights carry one scale per output channel, so every output channel has its own
/// requantization multiplier and shift, stored on chip and fetched per channel.
/// </summary>
public sealed class PerChannelDatapath : IDatapath
{
    public string Name => "per-channel";

    public string Summary => "per-output-channel weight scales; one multiplier + shift per channel";

    public IReadOnlyList<DatapathOption> Options => [];

    public IEnumerable<PrecisionProblem> CheckPrecision(Precision precision) => PrecisionRules.IntegerOperands(precision);
}
