using QuantSim.Simulator.Config;
using QuantSim.Simulator.ScaleSimCompat;

namespace QuantSim.Simulator.Timing;

/// <summary>The one place a <see cref="TimingConvention"/> is turned into its <see cref="IFoldTiming"/>.</summary>
public static class FoldTimings
{
    public static IFoldTiming For(TimingConvention convention) => convention switch
    {
        TimingConvention.Native => NativeFoldTiming.Instance,
        TimingConvention.ScaleSim => ScaleSimFoldTiming.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(convention), convention, "Unknown timing convention."),
    };
}
