namespace QuantSim.Simulator.ScaleSimCompat;

/// <summary>
/// <see cref="ScaleSimAddressing.Ifmap"/> split into a per-pixel and a per-window-element part, computed
/// once per layer: A[m][k] = offset + base(m) + element(k), idle (-1) where SCALE-Sim's bounds check
/// fails (pixel row p*Sh + r past the IFMAP height, or column q*Sw + s past its width). The demand
/// streams read it millions of times per layer, so the four divisions of the direct formula are paid
/// once per pixel and once per element instead of once per address.
/// </summary>
internal sealed class IfmapAddressTable
{
    private readonly int[] pixelBase;
    private readonly int[] pixelRow;
    private readonly int[] pixelCol;
    private readonly int[] elementOffset;
    private readonly int[] elementRow;
    private readonly int[] elementCol;
    private readonly int offset;
    private readonly int height;
    private readonly int width;
    private readonly int channels;
    private readonly int rowElements;

    public IfmapAddressTable(ScaleSimAddressing a, int pixels, int windowElements)
    {
        offset = a.IfmapOffset;
        height = a.IfmapHeight;
        width = a.IfmapWidth;
        channels = a.Channels;
        rowElements = a.KernelWidth * a.Channels;
        pixelBase = new int[pixels];
        pixelRow = new int[pixels];
        pixelCol = new int[pixels];
        for (int m = 0; m < pixels; m++)
        {
            int p = m / a.OfmapWidth, q = m % a.OfmapWidth;
            pixelRow[m] = p * a.StrideH;
            pixelCol[m] = q * a.StrideW;
            pixelBase[m] = ((pixelRow[m] * a.IfmapWidth) + pixelCol[m]) * a.Channels;
        }

        elementOffset = new int[windowElements];
        elementRow = new int[windowElements];
        elementCol = new int[windowElements];
        for (int k = 0; k < windowElements; k++)
        {
            int c = k % a.Channels, s = k / a.Channels % a.KernelWidth, r = k / (a.Channels * a.KernelWidth);
            elementRow[k] = r;
            elementCol[k] = s;
            elementOffset[k] = (((r * a.IfmapWidth) + s) * a.Channels) + c;
        }
    }

    /// <summary>Address of A[m][k], or -1 where the window hangs over the IFMAP edge.</summary>
    public int At(int m, int k)
    {
        if (height > 0 && (pixelRow[m] + elementRow[k] >= height || pixelCol[m] + elementCol[k] >= width))
        {
            return -1;
        }

        return offset + pixelBase[m] + elementOffset[k];
    }

    /// <summary>
    /// The addresses of A[m][k0 .. k1 − 1] that are not idle, as runs of consecutive addresses into
    /// <paramref name="into"/> (at most one per kernel row the range touches); returns how many. Within one kernel
    /// row a window's elements are consecutive IFMAP words, up to the IFMAP's right edge.
    /// </summary>
    public int Runs(int m, int k0, int k1, Span<(int First, int Count)> into)
    {
        int runs = 0;
        int pBase = offset + pixelBase[m], pRow = pixelRow[m];
        int valid = height > 0 ? Math.Max(0, Math.Min(rowElements, (width - pixelCol[m]) * channels)) : rowElements;
        for (int k = k0; k < k1;)
        {
            int kernelRow = k / rowElements, rowStart = kernelRow * rowElements;
            int end = Math.Min(k1, rowStart + rowElements);
            if (height <= 0 || pRow + kernelRow < height)
            {
                int first = k, last = Math.Min(end, rowStart + valid);
                if (last > first)
                {
                    into[runs++] = (pBase + elementOffset[first], last - first);
                }
            }

            k = end;
        }

        return runs;
    }
}
