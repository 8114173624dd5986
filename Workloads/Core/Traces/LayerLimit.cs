using System.Globalization;
using QuantSim.Input;
using QuantSim.Workloads.Layers;

namespace QuantSim.Workloads.Traces;

/// <summary>
/// What both CSV readers refuse past the limits: the first row past <see cref="InputLimits.Layers"/>,
/// and a row of more than <see cref="InputLimits.LayerMacs"/> multiply-accumulates.
/// </summary>
internal static class LayerLimit
{
    public static string Message =>
        $"more than {InputLimits.Layers} layers; a workload may have at most {InputLimits.Layers} (split the network into several traces)";

    /// <summary>Why <paramref name="layer"/> is too large to simulate, or null when it is not.</summary>
    public static string? TooManyMacs(Layer layer)
    {
        // In doubles: every dimension may be up to 2^31 - 1, and their product overflows a long.
        double macs = layer switch
        {
            ConvLayer c => (double)c.OutputHeight * c.OutputWidth * c.Filters * c.KernelHeight * c.KernelWidth * c.ChannelsPerGroup,
            FullyConnectedLayer f => (double)f.Batch * f.InputFeatures * f.OutputFeatures,
            GemmLayer g => (double)g.M * g.N * g.K,
            _ => layer.Macs,
        };
        return macs <= InputLimits.LayerMacs
            ? null
            : string.Create(CultureInfo.InvariantCulture,
                $"the layer has {macs:0.###e0} multiply-accumulates, more than {InputLimits.LayerMacs:N0} (2^32), the most one layer may have (the simulator holds every fold of a layer in memory); split it into smaller layers");
    }
}
