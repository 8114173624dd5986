using QuantSim.Simulator.Config;
using QuantSim.Simulator.Mapping;

namespace QuantSim.Simulator.ScaleSimCompat;

/// <summary>
/// How many OFMAP words row w of a fold's demand writes (<see cref="ScaleSimFoldDemand"/>'s OFMAP streams, counted):
/// output stationary drains array row q's used columns from row T − 1 + q on, one column per row; WS and IS write
/// column j's T outputs from row 2R − 1 + j on.
/// </summary>
internal readonly struct OfmapRowWrites
{
    private readonly int start;
    private readonly int lo;
    private readonly int hi;
    private readonly int length;

    public OfmapRowWrites(ArrayMapping mapping, Fold fold)
    {
        int r = mapping.Rows, t = mapping.T;
        if (mapping.Dataflow == Dataflow.OutputStationary)
        {
            // Row t - 1 + s carries the (q, j) with q + j = s, q in [R - ru, R), j in [0, cu).
            start = t - 1;
            lo = r - fold.UsedRows;
            hi = r - 1;
            length = fold.UsedCols;
        }
        else
        {
            // Row 2R - 1 + s carries the (j, m) with j + m = s, j in [0, cu), m in [0, T).
            start = (2 * r) - 1;
            lo = 0;
            hi = fold.UsedCols - 1;
            length = t;
        }
    }

    /// <summary>First row that writes.</summary>
    public int FirstRow => start + lo;

    /// <summary>Last row that writes.</summary>
    public int LastRow => start + hi + length - 1;

    /// <summary>
    /// The first row after <paramref name="w"/> whose count may differ: the count rises by one per row, stays flat
    /// while every x in [lo, hi] or every one of the length offsets is covered, then falls by one per row.
    /// </summary>
    public int SameUntil(int w)
    {
        int s = w - start, flatFrom = Math.Min(hi + 1, lo + length), flatTo = Math.Max(hi + 1, lo + length);
        return s >= flatFrom && s < flatTo ? start + flatTo : w + 1;
    }

    /// <summary>Words written by row <paramref name="w"/>: the x in [lo, hi] with s − x in [0, length).</summary>
    public int At(int w)
    {
        int s = w - start;
        return Math.Max(0, Math.Min(hi, s) - Math.Max(lo, s - length + 1) + 1);
    }
}
