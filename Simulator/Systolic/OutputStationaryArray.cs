using System.Numerics;
using System.Runtime.InteropServices;
using QuantSim.Simulator.Mapping;
using QuantSim.Simulator.Results;

namespace QuantSim.Simulator.Systolic;

/// <summary>
/// Register-level output-stationary array. Every cycle each PE(i,j) takes the A operand its left
/// neighbour held last cycle and the B operand its upper neighbour held, and accumulates their
/// product; the 'first' flag that travels with k = 0 restarts the accumulator, the 'last' flag
/// (k = T-1) makes the PE put its sum on column j's output port in the next cycle. Two PEs of one
/// column reading out in the same cycle is a structural hazard and throws.
/// <para>Registers per PE: a, flags (moving right), b (moving down), acc (stationary). Rows are
/// updated with <see cref="Vector{T}"/> arithmetic; the downward move of b is a rotation of row
/// buffers, which moves every b register one PE down without copying.</para>
/// </summary>
internal sealed class OutputStationaryArray
{
    private const int FirstFlag = 1;
    private const int LastFlag = 2;

    private readonly ArrayMapping _map;
    private readonly GemmOperands _ops;
    private readonly Fold[] _folds;

    public OutputStationaryArray(ArrayMapping map, GemmOperands ops)
    {
        _map = map;
        _ops = ops;
        _folds = map.EnumerateFolds().ToArray();
    }

    public RegisterArrayResult Run()
    {
        int r = _map.Rows, c = _map.Cols, t0 = _map.T;
        int n = _map.Problem.N, k = _map.Problem.K;
        int lanes = Vector<int>.Count;
        int w = (c + lanes - 1) / lanes * lanes;
        var a = new ShiftRows(r, w);
        var flags = new ShiftRows(r, w);
        var acc = new int[r * w];
        var bRing = new int[r * w];
        int top = 0;
        var log = new ScheduleLog(r + c + 2);
        var busCycle = new long[c];
        Array.Fill(busCycle, -1);
        var outputs = Enumerable.Range(0, _map.Problem.Groups).Select(_ => new int[(long)_map.Problem.M * n]).ToArray();

        long remaining = 0;
        foreach (var f in _folds)
        {
            remaining += (long)f.UsedRows * f.UsedCols;
        }

        long guard = (long)_folds.Length * (Math.Max(t0, r) + r + c + 2) + r + c + 8;
        int fold = -1, kNext = t0;
        long foldStart = 0, lastOut = -1;
        var bIn = new int[w];
        long left = 0, topIn = 0, bottomOut = 0;
        var lastFlagIn = new long[r];
        Array.Fill(lastFlagIn, long.MinValue / 2);

        for (long t = 0; remaining > 0; t++)
        {
            if (t > guard)
            {
                throw new InvalidOperationException("Output-stationary array did not finish: controller deadlock.");
            }

            // Controller: start the next fold once this one is fully issued and its output burst
            // (UsedRows cycles per column) will have cleared before the next one begins.
            if (kNext >= t0 && fold + 1 < _folds.Length && (fold < 0 || t >= foldStart + _folds[fold].UsedRows))
            {
                fold++;
                kNext = 0;
                foldStart = t;
            }

            log.Record(t, kNext < t0 ? fold : -1, kNext < t0 ? kNext++ : 0);

            // Top edge: column j receives the k that row 0 was given j cycles ago (skew buffer).
            top = top == 0 ? r - 1 : top - 1;
            for (int j = 0; j < c; j++)
            {
                int value = 0;
                if (log.TryGet(t - j, out int ff, out int kk) && j < _folds[ff].UsedCols)
                {
                    ref readonly var fd = ref _folds[ff];
                    value = _ops.B[fd.Group][(long)kk * n + fd.ColOffset + j];
                    topIn++;
                }

                bIn[j] = value;
            }

            bIn.AsSpan(0, w).CopyTo(bRing.AsSpan(top * w, w));

            // Read-out of sums finished last cycle (state at the end of cycle t-1). A row can only
            // hold a 'last' flag for the C cycles after one entered it.
            for (int i = 0; i < r; i++)
            {
                if (t - lastFlagIn[i] > c)
                {
                    continue;
                }

                var flagRow = flags.Row(i);
                for (int j = 0; j < c; j++)
                {
                    if ((flagRow[j] & LastFlag) == 0 || !log.TryGet(t - 1 - i - j, out int ff, out _))
                    {
                        continue;
                    }

                    ref readonly var fd = ref _folds[ff];
                    if (i >= fd.UsedRows || j >= fd.UsedCols)
                    {
                        continue;
                    }

                    if (busCycle[j] == t)
                    {
                        throw new InvalidOperationException($"Output port of column {j} used twice in cycle {t}.");
                    }

                    busCycle[j] = t;
                    outputs[fd.Group][(long)(fd.RowOffset + i) * n + fd.ColOffset + j] = acc[i * w + j];
                    remaining--;
                    bottomOut++;
                    lastOut = t;
                }
            }

            // Move a and its flags one PE right; inject at the left edge from the skew buffer.
            a.Shift();
            flags.Shift();
            for (int i = 0; i < r; i++)
            {
                var aRow = a.Row(i);
                var flagRow = flags.Row(i);
                int aIn = 0, fIn = 0;
                if (log.TryGet(t - i, out int fa, out int ka))
                {
                    ref readonly var fd = ref _folds[fa];
                    if (i < fd.UsedRows)
                    {
                        aIn = _ops.A[fd.Group][(long)(fd.RowOffset + i) * k + ka];
                        left++;
                    }

                    fIn = (ka == 0 ? FirstFlag : 0) | (ka == t0 - 1 ? LastFlag : 0);
                    if (ka == t0 - 1)
                    {
                        lastFlagIn[i] = t;
                    }
                }

                aRow[0] = aIn;
                flagRow[0] = fIn;

                MacRow(aRow, flagRow, bRing.AsSpan(((top + i) % r) * w, w), acc.AsSpan(i * w, w));
            }
        }

        long cycles = lastOut + 1;
        return new RegisterArrayResult(cycles, outputs, cycles * r * c, new EdgeTraffic(_map.Dataflow, left, topIn, bottomOut, 0));
    }

    /// <summary>acc = (first ? 0 : acc) + a * b for one row of PEs.</summary>
    private static void MacRow(ReadOnlySpan<int> a, ReadOnlySpan<int> flags, ReadOnlySpan<int> b, Span<int> acc)
    {
        var va = MemoryMarshal.Cast<int, Vector<int>>(a);
        var vf = MemoryMarshal.Cast<int, Vector<int>>(flags);
        var vb = MemoryMarshal.Cast<int, Vector<int>>(b);
        var vacc = MemoryMarshal.Cast<int, Vector<int>>(acc);
        var first = new Vector<int>(FirstFlag);
        for (int x = 0; x < vacc.Length; x++)
        {
            var keep = Vector.Equals(vf[x] & first, Vector<int>.Zero);
            vacc[x] = (vacc[x] & keep) + (va[x] * vb[x]);
        }
    }
}
