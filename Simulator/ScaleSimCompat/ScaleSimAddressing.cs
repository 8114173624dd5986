using QuantSim.Workloads.Layers;

namespace QuantSim.Simulator.ScaleSimCompat;

/// <summary>
/// SCALE-Sim v2's SRAM addresses of GEMM elements (<c>compute/operand_matrix.py</c>): the ifmap is
/// H x W x C (channel fastest), a window element k enumerates (r, s, c) with c fastest, filter n's
/// elements are contiguous, outputs are ofmap pixel-major. A GEMM topology row (M, N, K) is the conv
/// H=M, W=K, 1 x K filter, C=1, so A[m][k] is at m*K + k.
/// </summary>
public sealed record ScaleSimAddressing(
    int IfmapWidth, int Channels, int KernelWidth, int StrideH, int StrideW, int OfmapWidth, int Filters, int WindowSize)
{
    public int IfmapOffset { get; init; }

    public int FilterOffset { get; init; } = 10_000_000;

    public int OfmapOffset { get; init; } = 20_000_000;

    /// <summary>
    /// IFMAP height for SCALE-Sim's bounds check (<c>operand_matrix.calc_ifmap_elem_addr</c>): with its
    /// ceil output size the last windows can hang over the bottom/right edge, and those elements are -1
    /// (idle). 0 (the default) skips the check.
    /// </summary>
    public int IfmapHeight { get; init; }

    public static ScaleSimAddressing ForGemm(int m, int n, int k) => new(k, 1, k, 1, 1, 1, n, k);

    /// <summary>Addresses of a dense (ungrouped, unpadded) convolution with SCALE-Sim's output width.</summary>
    public static ScaleSimAddressing ForConv(ConvLayer conv)
    {
        int ofmapWidth = ScaleSimLowering.OutputSize(conv.InputWidth, 0, conv.EffectiveKernelWidth, conv.StrideW);
        return new ScaleSimAddressing(
            conv.InputWidth, conv.InputChannels, conv.KernelWidth, conv.StrideH, conv.StrideW, ofmapWidth, conv.Filters,
            conv.KernelHeight * conv.KernelWidth * conv.InputChannels);
    }

    /// <summary>Address of A[m][k]: window element k of output pixel m.</summary>
    public int Ifmap(int m, int k)
    {
        int p = m / OfmapWidth, q = m % OfmapWidth;
        int c = k % Channels, s = k / Channels % KernelWidth, r = k / (Channels * KernelWidth);
        if (IfmapHeight > 0 && ((p * StrideH) + r >= IfmapHeight || (q * StrideW) + s >= IfmapWidth))
        {
            return -1;
        }

        return IfmapOffset + ((((p * StrideH) + r) * IfmapWidth) + (q * StrideW) + s) * Channels + c;
    }

    /// <summary>Address of B[k][n].</summary>
    public int Filter(int k, int n) => FilterOffset + (n * WindowSize) + k;

    /// <summary>Address of C[m][n].</summary>
    public int Ofmap(int m, int n) => OfmapOffset + (m * Filters) + n;
}
