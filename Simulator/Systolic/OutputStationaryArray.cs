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
/// <para>Rows never read each other's registers (a moves right within its row, b arrives from the top edge's
/// skew ring, the controller depends on the cycle alone), so the array runs as row blocks on their own threads,
/// each replaying the controller and the top edge; only the output ports are shared, and a port used by two
/// blocks in one cycle is found afterwards from each block's runs of port use.</para>
/// </summary>
internal sealed class OutputStationaryArray
{
    private const int FirstFlag = 1;
    private const int LastFlag = 2;

    private readonly ArrayMapping _map;
    private readonly GemmOperands _ops;
    private readonly Fold[] _folds;
    private readonly int[][] _outputs;

    public OutputStationaryArray(ArrayMapping map, GemmOperands ops)
    {
        _map = map;
        _ops = ops;
        _folds = map.EnumerateFolds().ToArray();
        // Blocks write disjoint rows of the outputs, so they share these arrays without locks.
        _outputs = Enumerable.Range(0, map.Problem.Groups).Select(_ => new int[(long)map.Problem.M * map.Problem.N]).ToArray();
    }

    /// <summary>
    /// Runs the array on row blocks in parallel (at most one per core, none smaller than
    /// <see cref="MinRowsPerBlock"/> rows): same cycles, outputs and counts at any block count.
    /// </summary>
    public RegisterArrayResult Run() => Run(Math.Clamp(Math.Min(Environment.ProcessorCount, _map.Rows / MinRowsPerBlock), 1, MaxBlocks));

    /// <summary>Runs the array split into <paramref name="blocks"/> row blocks (1 = one thread).</summary>
    public RegisterArrayResult Run(int blocks)
    {
        int r = _map.Rows;
        blocks = Math.Clamp(blocks, 1, r);
        var parts = new RowBlock[blocks];
        if (blocks == 1)
        {
            parts[0] = RunRows(0, r);
        }
        else
        {
            // Each block replays the controller and the top edge itself (they depend on the cycle only), so the
            // blocks share nothing while they run.
            Parallel.For(0, blocks, b => parts[b] = RunRows(b * r / blocks, (b + 1) * r / blocks));
        }

        if (FirstConflict(parts) is { } conflict)
        {
            throw new InvalidOperationException($"Output port of column {conflict.Column} used twice in cycle {conflict.Cycle}.");
        }

        long cycles = parts.Max(p => p.LastOut) + 1;
        var edges = new EdgeTraffic(_map.Dataflow, parts.Sum(p => p.Left), parts.Sum(p => p.Top), parts.Sum(p => p.Bottom), 0);
        return new RegisterArrayResult(cycles, _outputs, cycles * r * _map.Cols, edges);
    }

    /// <summary>Rows per block below which the second thread costs more than it saves.</summary>
    private const int MinRowsPerBlock = 8;

    private const int MaxBlocks = 2;

    /// <summary>
    /// One block's run: its edge counts, its last output cycle, the cycles in which it used each column's output
    /// port (as runs of consecutive cycles), and the first port conflict inside it.
    /// </summary>
    private sealed record RowBlock(long Left, long Top, long Bottom, long LastOut, List<(long Start, long End)>[] PortUse, (long Cycle, int Column)? Conflict);

    /// <summary>
    /// The earliest port conflict, by cycle then column: inside one block (found while it ran) or between blocks
    /// (overlapping runs of port use). Each block stops after its first conflicting cycle, so every conflict before
    /// the earliest one in any block is still seen.
    /// </summary>
    private static (long Cycle, int Column)? FirstConflict(RowBlock[] parts)
    {
        (long Cycle, int Column)? first = null;
        void Consider((long Cycle, int Column) c)
        {
            if (first is not { } f || c.Cycle < f.Cycle || (c.Cycle == f.Cycle && c.Column < f.Column))
            {
                first = c;
            }
        }

        foreach (var p in parts)
        {
            if (p.Conflict is { } c)
            {
                Consider(c);
            }
        }

        for (int a = 0; a < parts.Length; a++)
        {
            for (int b = a + 1; b < parts.Length; b++)
            {
                for (int j = 0; j < parts[a].PortUse.Length; j++)
                {
                    var x = parts[a].PortUse[j];
                    var y = parts[b].PortUse[j];
                    for (int i = 0, k = 0; i < x.Count && k < y.Count;)
                    {
                        long start = Math.Max(x[i].Start, y[k].Start);
                        if (start < Math.Min(x[i].End, y[k].End))
                        {
                            Consider((start, j));
                            break;
                        }

                        if (x[i].End <= y[k].End)
                        {
                            i++;
                        }
                        else
                        {
                            k++;
                        }
                    }
                }
            }
        }

        return first;
    }

    /// <summary>Rows <paramref name="r0"/> to <paramref name="r1"/> − 1 through every cycle of the layer.</summary>
    private RowBlock RunRows(int r0, int r1)
    {
        int r = _map.Rows, c = _map.Cols, t0 = _map.T;
        int n = _map.Problem.N, k = _map.Problem.K;
        int rows = r1 - r0;
        int lanes = Vector<int>.Count;
        int w = (c + lanes - 1) / lanes * lanes;
        var a = new ShiftRows(rows, w);
        var flags = new ShiftRows(rows, w);
        var acc = new int[rows * w];
        // Row i takes the b that entered the top i cycles ago: the whole ring, whatever rows this block has.
        var bRing = new int[r * w];
        int top = 0;
        var log = new ScheduleLog(r + c + 2);
        var busCycle = new long[c];
        Array.Fill(busCycle, -1);
        var portUse = Enumerable.Range(0, c).Select(_ => new List<(long, long)>()).ToArray();
        (long, int)? conflict = null;

        long remaining = 0;
        foreach (var f in _folds)
        {
            remaining += (long)Math.Max(0, Math.Min(f.UsedRows, r1) - r0) * f.UsedCols;
        }

        long guard = (long)_folds.Length * (Math.Max(t0, r) + r + c + 2) + r + c + 8;
        int fold = -1, kNext = t0;
        long foldStart = 0, lastOut = -1;
        var bIn = new int[w];
        var skew = new int[checked(t0 * w)];
        int skewGroup = -1, skewColFold = -1;
        long left = 0, topIn = 0, bottomOut = 0;
        // Cycles in which row 0 took a 'last' flag, oldest first. Row i takes each one i cycles later and it moves one PE
        // right per cycle, so at the end of cycle t-1 it sits in column t-1-(e+i): the read-out looks only there.
        var lastFlags = new Queue<long>();

        for (long t = 0; remaining > 0 && conflict is null; t++)
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

            if (kNext == t0 - 1)
            {
                lastFlags.Enqueue(t);
            }

            log.Record(t, kNext < t0 ? fold : -1, kNext < t0 ? kNext++ : 0);

            // Top edge: column j receives the k that row 0 was given j cycles ago (skew buffer).
            top = top == 0 ? r - 1 : top - 1;
            if (log.TryGet(t, out int fNow, out int kNow) && log.TryGet(t - (c - 1), out int fOld, out int kOld)
                && fNow == fOld && kNow - kOld == c - 1)
            {
                // Every column is inside one fold's stream: the fold's skewed copy of B holds this cycle's edge as one row.
                ref readonly var fd = ref _folds[fNow];
                if (fd.Group != skewGroup || fd.ColFold != skewColFold)
                {
                    Skew(fd, skew, w);
                    (skewGroup, skewColFold) = (fd.Group, fd.ColFold);
                }

                skew.AsSpan(kNow * w, w).CopyTo(bRing.AsSpan(top * w, w));
                topIn += fd.UsedCols;
            }
            else
            {
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
            }

            // Read-out of sums finished last cycle (state at the end of cycle t-1). A row can only
            // hold a 'last' flag for the C cycles after one entered it.
            while (lastFlags.Count > 0 && lastFlags.Peek() + r1 - 1 < t - 1 - c)
            {
                lastFlags.Dequeue();
            }

            for (int i = r0; i < r1 && lastFlags.Count > 0; i++)
            {
                var flagRow = flags.Row(i - r0);
                foreach (long entered in lastFlags)
                {
                    long column = t - 1 - (entered + i);
                    if (column < 0 || column >= c)
                    {
                        continue;
                    }

                    int j = (int)column;
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
                        // A structural hazard: finish the cycle, so the smallest column of it is the one reported.
                        conflict = conflict is { } seen && seen.Item2 <= j ? seen : (t, j);
                        continue;
                    }

                    busCycle[j] = t;
                    var use = portUse[j];
                    if (use.Count > 0 && use[^1].Item2 == t)
                    {
                        use[^1] = (use[^1].Item1, t + 1);
                    }
                    else
                    {
                        use.Add((t, t + 1));
                    }

                    _outputs[fd.Group][(long)(fd.RowOffset + i) * n + fd.ColOffset + j] = acc[(i - r0) * w + j];
                    remaining--;
                    bottomOut++;
                    lastOut = t;
                }
            }

            // Move a and its flags one PE right; inject at the left edge from the skew buffer.
            a.Shift();
            flags.Shift();
            int ring = (top + r0) % r;
            for (int i = r0; i < r1; i++)
            {
                var aRow = a.Row(i - r0);
                var flagRow = flags.Row(i - r0);
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
                }

                aRow[0] = aIn;
                flagRow[0] = fIn;

                MacRow(aRow, flagRow, bRing.AsSpan(ring * w, w), acc.AsSpan((i - r0) * w, w));
                ring = ring == r - 1 ? 0 : ring + 1;
            }
        }

        // The top edge is one per array, not per block: the first block counts it.
        return new RowBlock(left, r0 == 0 ? topIn : 0, bottomOut, lastOut, portUse, conflict);
    }

    /// <summary>
    /// The top edge's skew buffer for one column fold, precomputed: row k0 holds what columns 0..C-1 receive in the
    /// cycle row 0 is given k0, column j getting element k0 - j of its B column (0 outside the fold's columns, and
    /// for k0 &lt; j, which the caller never reads: it uses this only when every column is inside the stream).
    /// </summary>
    private void Skew(in Fold fd, int[] skew, int w)
    {
        int n = _map.Problem.N;
        var b = _ops.B[fd.Group];
        Array.Clear(skew);
        for (int k0 = 0; k0 < _map.T; k0++)
        {
            int last = Math.Min(fd.UsedCols, k0 + 1);
            for (int j = 0; j < last; j++)
            {
                skew[(k0 * w) + j] = b[((long)(k0 - j) * n) + fd.ColOffset + j];
            }
        }
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
