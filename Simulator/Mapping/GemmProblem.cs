namespace QuantSim.Simulator.Mapping;

/// <summary>
/// A layer in GEMM form: <see cref="Groups"/> independent products of an M x K matrix (im2col
/// rows: one per output pixel, one column per window element) by a K x N matrix (one column per
/// filter). Dense layers have one group; a depthwise convolution has one group per channel with
/// K = R*S and N = 1.
/// </summary>
public sealed record GemmProblem(string LayerName, int M, int N, int K, int Groups = 1)
{
    /// <summary>Multiply-accumulates of all groups.</summary>
    public long Macs => (long)M * N * K * Groups;
}
