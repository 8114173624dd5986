using QuantSim.Workloads.Layers;

namespace QuantSim.Simulator.Memory;

/// <summary>
/// Elements of the real input tensor (not its im2col expansion) a slice of the GEMM's A matrix
/// touches. The DMA moves real tensors: an output-pixel range [m0, m1) needs the band of input rows
/// its windows cover, and a window-position range [k0, k1) of K is charged as the proportional share
/// (k1 - k0) / K of the group's channels and kernel positions (exact for dense layers and for
/// slices aligned to whole windows; an approximation otherwise).
/// </summary>
public sealed class IfmapFootprint
{
    private readonly ConvLayer? _conv;
    private readonly long _m;
    private readonly long _k;

    public IfmapFootprint(Layer layer, long m, long k)
    {
        _conv = layer as ConvLayer;
        _m = m;
        _k = k;
    }

    /// <summary>Input elements of one group (padding is not stored).</summary>
    public long GroupElements => _conv is { } c ? (long)c.InputHeight * c.InputWidth * c.ChannelsPerGroup : _m * _k;

    public long Elements(long m0, long m1, long k0, long k1)
    {
        if (_conv is not { } c)
        {
            return (m1 - m0) * (k1 - k0);
        }

        long q = c.OutputWidth;
        long firstOutRow = m0 / q;
        long lastOutRow = (m1 - 1) / q;
        long top = Math.Max(0, firstOutRow * c.StrideH - c.PadH);
        long bottom = Math.Min(c.InputHeight - 1, lastOutRow * c.StrideH - c.PadH + c.EffectiveKernelHeight - 1);
        long band = Math.Max(0, bottom - top + 1) * c.InputWidth * c.ChannelsPerGroup;
        return CeilDiv(band * (k1 - k0), _k);
    }

    private static long CeilDiv(long a, long b) => (a + b - 1) / b;
}
