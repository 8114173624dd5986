using QuantSim.Datapaths.Lsq;
using QuantSim.Datapaths.Numerics;

namespace QuantSim.Datapaths.PerChannel;

/// <summary>
/// As LSQ, but weights carry one scale per output channel (TFLite per-axis), so every output channel
/// has its own requantization multiplier and shift M[c] = s_in·s_w[c]/s_out. The PE and the output
/// datapath are those of LSQ; the cost is the (M0, shift) table, stored and fetched per channel.
/// </summary>
public sealed class PerChannelDatapath() : LearnedScaleDatapath(Granularity.PerChannel)
{
    public override string Name => "per-channel";

    public override string Summary => "per-output-channel weight scales; one multiplier + shift per channel";

    protected override string Form => "per-channel multipliers";
}
