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

    public IfmapAddressTable(ScaleSimAddressing a, int pixels, int windowElements)
    {
        offset = a.IfmapOffset;
        height = a.IfmapHeight;
        width = a.IfmapWidth;
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

    /// <summary>A[m][k0 + x] into <paramref name="into"/>[x]: one pixel's window elements, -1 where they hang over the edge.</summary>
    public void Elements(int m, int k0, Span<int> into)
    {
        int pRow = pixelRow[m], pCol = pixelCol[m], pBase = offset + pixelBase[m];
        var rowOf = elementRow.AsSpan(k0, into.Length);
        var colOf = elementCol.AsSpan(k0, into.Length);
        var offsetOf = elementOffset.AsSpan(k0, into.Length);
        for (int x = 0; x < into.Length; x++)
        {
            into[x] = height > 0 && (pRow + rowOf[x] >= height || pCol + colOf[x] >= width) ? -1 : pBase + offsetOf[x];
        }
    }

    /// <summary>A[m0 + x][k] into <paramref name="into"/>[x]: one window element of consecutive pixels.</summary>
    public void Pixels(int m0, int k, Span<int> into)
    {
        int eRow = elementRow[k], eCol = elementCol[k], eBase = offset + elementOffset[k];
        var rowOf = pixelRow.AsSpan(m0, into.Length);
        var colOf = pixelCol.AsSpan(m0, into.Length);
        var baseOf = pixelBase.AsSpan(m0, into.Length);
        for (int x = 0; x < into.Length; x++)
        {
            into[x] = height > 0 && (rowOf[x] + eRow >= height || colOf[x] + eCol >= width) ? -1 : eBase + baseOf[x];
        }
    }
}
