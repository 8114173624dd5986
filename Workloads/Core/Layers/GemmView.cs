namespace QuantSim.Workloads.Layers;

/// <summary>
/// A layer as matrix products, with im2col semantics: <see cref="Groups"/> independent products of
/// an M x K matrix (one row per output pixel, one column per element of a group's window) by a
/// K x N matrix (one column per filter of the group). The one GEMM view of a layer: the simulator
/// maps it onto the array, the datapaths count their per-row and per-output work from it.
/// <code>
///   convolution  H x W x C input, F filters of R x S, groups g, output P x Q
///     M = P * Q          one row per output pixel
///     K = R * S * C / g  one column per element of a group's window
///     N = F / g          one column per filter of the group
///     groups = g         the g products run one after another on the array
///   fully connected      M = batch, K = input features, N = output features
///   gemm                 M, N, K as given
/// </code>
/// </summary>
public sealed record GemmView(int M, int K, int N, int Groups)
{
    /// <summary>Multiply-accumulates of all groups.</summary>
    public long Macs => (long)M * N * K * Groups;

    /// <summary>Elements of the im2col matrices of all groups: M x K per group.</summary>
    public long RowActivations => (long)M * K * Groups;

    /// <summary>Rows of the output matrices of all groups: M per group.</summary>
    public long OutputRows => (long)M * Groups;

    /// <summary>Output elements of all groups: M x N per group.</summary>
    public long Outputs => (long)M * N * Groups;

    /// <summary>Output channels of the layer: N per group.</summary>
    public int OutputChannels => N * Groups;

    /// <summary>The view of a convolution, fully connected or GEMM layer.</summary>
    /// <exception cref="ArgumentException">The layer kind has no GEMM form.</exception>
    public static GemmView Of(Layer layer) => layer switch
    {
        ConvLayer c => new GemmView(
            M: checked(c.OutputHeight * c.OutputWidth),
            K: checked(c.KernelHeight * c.KernelWidth * c.ChannelsPerGroup),
            N: c.FiltersPerGroup,
            Groups: c.Groups),
        FullyConnectedLayer f => new GemmView(f.Batch, f.InputFeatures, f.OutputFeatures, 1),
        GemmLayer g => new GemmView(g.M, g.K, g.N, 1),
        _ => throw new ArgumentException($"no GEMM view for layer type {layer.GetType().Name}", nameof(layer)),
    };
}
