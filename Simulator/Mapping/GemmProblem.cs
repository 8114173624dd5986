using QuantSim.Workloads.Layers;

namespace QuantSim.Simulator.Mapping;

/// <summary>
/// A layer's <see cref="GemmView"/> with the layer's name, as the array runs it: <see cref="Groups"/>
/// independent products of an M x K matrix (im2col rows: one per output pixel, one column per window
/// element) by a K x N matrix (one column per filter). Dense layers have one group; a depthwise
/// convolution has one group per channel with K = R*S and N = 1.
/// </summary>
public sealed record GemmProblem(string LayerName, int M, int N, int K, int Groups = 1)
{
    public static GemmProblem Of(string layerName, GemmView view) => new(layerName, view.M, view.N, view.K, view.Groups);

    public GemmView View => new(M, K, N, Groups);

    /// <summary>Multiply-accumulates of all groups.</summary>
    public long Macs => View.Macs;
}
