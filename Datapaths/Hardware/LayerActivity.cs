using QuantSim.Workloads.Layers;

namespace QuantSim.Datapaths.Hardware;

/// <summary>How many times each <see cref="OpScope"/> occurs in one layer.</summary>
public sealed record LayerActivity(long Macs, long RowActivations, long OutputRows, long Outputs, int OutputChannels)
{
    public long Count(OpScope scope) => scope switch
    {
        OpScope.PerMac => Macs,
        OpScope.PerRowActivation => RowActivations,
        OpScope.PerOutputRow => OutputRows,
        OpScope.PerOutput => Outputs,
        OpScope.PerOutputChannel => OutputChannels,
        OpScope.PerLayer => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, null),
    };

    /// <summary>GEMM view of a layer: a grouped convolution has OH·OW rows per group.</summary>
    public static LayerActivity Of(Layer layer) => layer switch
    {
        ConvLayer c => new(
            c.Macs,
            (long)c.OutputHeight * c.OutputWidth * c.Groups * c.KernelHeight * c.KernelWidth * c.ChannelsPerGroup,
            (long)c.OutputHeight * c.OutputWidth * c.Groups,
            (long)c.OutputHeight * c.OutputWidth * c.Filters,
            c.Filters),
        FullyConnectedLayer f => new(f.Macs, (long)f.Batch * f.InputFeatures, f.Batch, (long)f.Batch * f.OutputFeatures, f.OutputFeatures),
        GemmLayer g => new(g.Macs, (long)g.M * g.K, g.M, (long)g.M * g.N, g.N),
        _ => throw new ArgumentException($"no GEMM view for layer type {layer.GetType().Name}", nameof(layer)),
    };
}
