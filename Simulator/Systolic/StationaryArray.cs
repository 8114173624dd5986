using System.Numerics;
using System.Runtime.InteropServices;
using QuantSim.Simulator.Mapping;

namespace QuantSim.Simulator.Systolic;

/// <summary>
/// Register-level array for the two dataflows that keep an operand in the PEs (WS and IS), written
/// for the common form Y[T x Sc] += X[T x Sr] * S[Sr x Sc]: S is tiled into the PEs, X streams in from
/// the left (row i carries X[.][k0+i]), partial sums ripple down and leave the bottom of each column.
/// WS: X = A, S = B, Y = C. IS: X = B^T, S = A^T, Y = C^T.
/// <para>Registers per PE: x and a swap flag (moving right), psum (moving down), active and shadow
/// stationary values plus a shadow-full bit. A column load bus writes one array row of the next tile
/// into the shadow registers per cycle, only into a row whose shadows have all been consumed; the swap
/// flag on a fold's first streamed element makes each PE copy shadow to active as it passes. The
/// controller starts a fold's stream once the previous stream is fully issued and row 0 of the fold's
/// tile is in the shadow registers. A swap of an empty shadow register is a hazard and throws.</para>
/// </summary>
internal sealed class StationaryArray
{
    private readonly int _rows;
    private readonly int _cols;
    private readonly int _t;
    private readonly int _sr;
    private readonly int _sc;
    private readonly Fold[] _folds;
    private readonly int[][] _x;
    private readonly int[][] _s;

    /// <param name="rows">Array rows R.</param>
    /// <param name="cols">Array columns C.</param>
    /// <param name="t">Streamed length T.</param>
    /// <param name="sr">Row-spatial extent (the contracted dimension).</param>
    /// <param name="sc">Column-spatial extent.</param>
    /// <param name="folds">Folds over (Sr, Sc) in execution order.</param>
    /// <param name="x">Per group, T x Sr row-major (the streamed operand).</param>
    /// <param name="s">Per group, Sr x Sc row-major (the stationary operand).</param>
    public StationaryArray(
        int rows, int cols, int t, int sr, int sc, Fold[] folds, int[][] x, int[][] s)
    {
        _rows = rows;
        _cols = cols;
        _t = t;
        _sr = sr;
        _sc = sc;
        _folds = folds;
        _x = x;
        _s = s;
    }

    /// <summary>Runs all folds; returns cycles, Y per group (T x Sc) and the real words per edge.</summary>
    public (long Cycles, int[][] Y, long Left, long Top, long Bottom, long PsumReads) Run()
    {
        int r = _rows, c = _cols;
        int lanes = Vector<int>.Count;
        int w = (c + lanes - 1) / lanes * lanes;
        var x = new ShiftRows(r, w);
        var swap = new ShiftRows(r, w);
        var active = new int[r * w];
        var shadow = new int[r * w];
        var full = new int[r * w];
        var psum = new int[r * w];
        var log = new ScheduleLog(r + c + 2);
        var y = Enumerable.Range(0, _x.Length).Select(_ => new int[(long)_t * _sc]).ToArray();

        long remaining = 0;
        int longest = 1;
        foreach (var f in _folds)
        {
            remaining += (long)f.UsedTime * f.UsedCols;
            longest = Math.Max(longest, f.UsedTime);
        }

        var row0LoadedAt = new long[_folds.Length];
        Array.Fill(row0LoadedAt, long.MaxValue);
        int loadFold = 0, loadRow = 0;
        int fold = -1, mNext = 0, foldT = 0;
        long lastOut = -1;
        long guard = (long)_folds.Length * (Math.Max(longest, r) + r + c + 2) + 2 * (r + c) + 8;
        int bottom = (r - 1) * w;
        long left = 0, top = 0, bottomOut = 0, psumReads = 0;
        var lastSwapIn = new long[r];
        Array.Fill(lastSwapIn, long.MinValue / 2);
        var realLanes = new int[w];
        realLanes.AsSpan(0, c).Fill(-1);

        for (long t = 0; remaining > 0; t++)
        {
            if (t > guard)
            {
                throw new InvalidOperationException("Stationary array did not finish: controller deadlock.");
            }

            if (mNext >= foldT && fold + 1 < _folds.Length && row0LoadedAt[fold + 1] < t)
            {
                fold++;
                mNext = 0;
                foldT = _folds[fold].UsedTime;
            }

            // The log holds the streamed index within T (time tile offset included).
            log.Record(t, mNext < foldT ? fold : -1, mNext < foldT ? _folds[fold].TimeOffset + mNext++ : 0);

            // Bottom edge: column j emits the psum of the element row 0 was given R + j cycles ago.
            for (int j = 0; j < c; j++)
            {
                if (log.TryGet(t - r - j, out int ff, out int m) && j < _folds[ff].UsedCols)
                {
                    ref readonly var fd = ref _folds[ff];
                    y[fd.Group][(long)m * _sc + fd.ColOffset + j] += psum[bottom + j];
                    remaining--;
                    bottomOut++;
                    psumReads += fd.RowFold > 0 ? 1 : 0;
                    lastOut = t;
                }
            }

            x.Shift();
            swap.Shift();

            // Bottom-up so that each row reads the psums its upper neighbour held last cycle.
            for (int i = r - 1; i >= 0; i--)
            {
                int row = i * w;
                var xRow = x.Row(i);
                var swapRow = swap.Row(i);
                int xv = 0, sv = 0;
                if (log.TryGet(t - i, out int fx, out int m))
                {
                    ref readonly var fd = ref _folds[fx];
                    int kk = fd.RowOffset + i;
                    if (kk < _sr)
                    {
                        xv = _x[fd.Group][(long)m * _sr + kk];
                        left++;
                    }

                    bool first = m == fd.TimeOffset;
                    sv = first ? -1 : 0;
                    if (first)
                    {
                        lastSwapIn[i] = t;
                    }
                }

                xRow[0] = xv;
                swapRow[0] = sv;
                // A swap flag stays in a row for the C cycles after it entered.
                if (t - lastSwapIn[i] <= c)
                {
                    Swap(swapRow, shadow.AsSpan(row, w), full.AsSpan(row, w), active.AsSpan(row, w), realLanes, t, i);
                }

                if (i == 0)
                {
                    MacTopRow(xRow, active.AsSpan(row, w), psum.AsSpan(row, w));
                }
                else
                {
                    MacRow(xRow, active.AsSpan(row, w), psum.AsSpan(row - w, w), psum.AsSpan(row, w));
                }
            }

            // Load bus: one row of the next tile into shadows that have all been consumed.
            if (loadFold < _folds.Length && !System.MemoryExtensions.ContainsAnyExcept(full.AsSpan(loadRow * w, c), 0))
            {
                var fd = _folds[loadFold];
                int kk = fd.RowOffset + loadRow;
                var shRow = shadow.AsSpan(loadRow * w, w);
                shRow.Clear();
                if (loadRow < fd.UsedRows)
                {
                    _s[fd.Group].AsSpan(checked((int)((long)kk * _sc + fd.ColOffset)), fd.UsedCols).CopyTo(shRow);
                    top += fd.UsedCols;
                }

                full.AsSpan(loadRow * w, c).Fill(-1);
                if (loadRow == 0)
                {
                    row0LoadedAt[loadFold] = t;
                }

                if (++loadRow == r)
                {
                    loadRow = 0;
                    loadFold++;
                }
            }
        }

        return (lastOut + 1, y, left, top, bottomOut, psumReads);
    }

    private static void Swap(
        ReadOnlySpan<int> swap, ReadOnlySpan<int> shadow, Span<int> full, Span<int> active, ReadOnlySpan<int> realLanes, long t, int i)
    {
        var vs = MemoryMarshal.Cast<int, Vector<int>>(swap);
        var vsh = MemoryMarshal.Cast<int, Vector<int>>(shadow);
        var vfull = MemoryMarshal.Cast<int, Vector<int>>(full);
        var vact = MemoryMarshal.Cast<int, Vector<int>>(active);
        var vreal = MemoryMarshal.Cast<int, Vector<int>>(realLanes);
        for (int x = 0; x < vs.Length; x++)
        {
            var s = vs[x];
            if (Vector.EqualsAll(s, Vector<int>.Zero))
            {
                continue;
            }

            // Padding lanes beyond the last column are never loaded; only real columns must be full.
            if (!Vector.EqualsAll(Vector.AndNot(s, vfull[x]) & vreal[x], Vector<int>.Zero))
            {
                throw new InvalidOperationException($"Row {i} swapped in an empty shadow register in cycle {t}.");
            }

            vact[x] = Vector.ConditionalSelect(s, vsh[x], vact[x]);
            vfull[x] = Vector.AndNot(vfull[x], s);
        }
    }

    private static void MacRow(ReadOnlySpan<int> x, ReadOnlySpan<int> w, ReadOnlySpan<int> above, Span<int> psum)
    {
        var vx = MemoryMarshal.Cast<int, Vector<int>>(x);
        var vw = MemoryMarshal.Cast<int, Vector<int>>(w);
        var va = MemoryMarshal.Cast<int, Vector<int>>(above);
        var vp = MemoryMarshal.Cast<int, Vector<int>>(psum);
        for (int q = 0; q < vp.Length; q++)
        {
            vp[q] = va[q] + (vx[q] * vw[q]);
        }
    }

    private static void MacTopRow(ReadOnlySpan<int> x, ReadOnlySpan<int> w, Span<int> psum)
    {
        var vx = MemoryMarshal.Cast<int, Vector<int>>(x);
        var vw = MemoryMarshal.Cast<int, Vector<int>>(w);
        var vp = MemoryMarshal.Cast<int, Vector<int>>(psum);
        for (int q = 0; q < vp.Length; q++)
        {
            vp[q] = vx[q] * vw[q];
        }
    }
}
