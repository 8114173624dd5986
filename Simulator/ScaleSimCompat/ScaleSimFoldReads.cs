using QuantSim.Simulator.Config;
using QuantSim.Simulator.Mapping;

namespace QuantSim.Simulator.ScaleSimCompat;

/// <summary>
/// One read operand (IFMAP or filter) of <see cref="ScaleSimCalcFoldSimulation"/>: takes a fold's addresses into its
/// CALC buffer as a set when the buffer's window cannot move inside the fold, skips a fold whose set the window
/// already holds, and streams the fold row by row otherwise. It also keeps the operand's SRAM trace span.
/// </summary>
internal sealed class ScaleSimFoldReads
{
    /// <summary>Rows looked at per step while finding the first and last row of a fold that carries an address.</summary>
    private const int ScanRows = 8;

    /// <summary>Demand rows generated at once when a fold is streamed row by row.</summary>
    private const int WindowRows = 256;

    private readonly ArrayMapping map;
    private readonly ScaleSimAddressing a;
    private readonly ScaleSimFoldDemand demand;
    private readonly ScaleSimOperand operand;
    private readonly int ports;
    private readonly int foldRows;
    private readonly int[] rows;
    private readonly (int First, int Count)[] runs;

    // The window stamp at which the fold set of a row fold (or column fold) was last taken whole, where folds repeat sets.
    private readonly int[]? held;

    public ScaleSimFoldReads(ScaleSimLayerSetup setup, ScaleSimFoldDemand demand, ScaleSimOperand operand, BandwidthEstimatingReadBuffer buffer)
    {
        map = setup.Mapping;
        a = setup.Address;
        this.demand = demand;
        this.operand = operand;
        Buffer = buffer;
        ports = setup.Ports(operand);
        foldRows = checked((int)setup.FoldRows);
        rows = new int[checked(Math.Min(foldRows, WindowRows) * ports)];
        runs = new (int, int)[(a.WindowSize / (a.KernelWidth * a.Channels)) + 1];
        int? sets = RepeatedSets();
        if (sets is int n)
        {
            held = new int[n];
            Array.Fill(held, int.MinValue);
        }
    }

    public BandwidthEstimatingReadBuffer Buffer { get; }

    public SramWindow Sram { get; } = new();

    /// <summary>Reads fold <paramref name="fold"/>, whose demand row w is requested at <paramref name="cycleOf"/>(w).</summary>
    public void Read(Fold fold, Func<int, long> cycleOf)
    {
        var (from, to) = Extent(fold);
        int first = FirstAddressRow(fold, from, to);
        if (first < 0)
        {
            return;
        }

        Sram.See(cycleOf(first) + 1);
        Sram.See(cycleOf(LastAddressRow(fold, from, to)) + 1);
        Buffer.FirstRequestAt(cycleOf(first));

        int key = held is null ? -1 : SetOf(fold);
        if (key >= 0 && held![key] == Buffer.Window)
        {
            return;
        }

        // Rows go in as sets while they hold fewer addresses than the window can still take; where it could move
        // within one row, that row is served in SCALE-Sim's order and decides which later addresses hit.
        int window = Buffer.Window;
        for (int y = from; y <= to;)
        {
            int rowsAsSet = (int)Math.Min(to - y + 1, (Buffer.JoinBudget - 1) / ports);
            if (rowsAsSet == 0)
            {
                demand.Fill(fold, operand, rows, y, 1);
                Buffer.Service(new ReadOnlySpan<int>(rows, 0, ports), cycleOf(y));
                y++;
                continue;
            }

            JoinRows(fold, y, y + rowsAsSet);
            y += rowsAsSet;
        }

        if (key >= 0 && Buffer.Window == window)
        {
            held![key] = window;
        }
    }

    /// <summary>Number of distinct fold sets where the same set comes back in later folds; null where every fold has its own.</summary>
    private int? RepeatedSets() => (map.Dataflow, operand) switch
    {
        (Dataflow.OutputStationary, ScaleSimOperand.Ifmap) or (Dataflow.WeightStationary, ScaleSimOperand.Ifmap)
            or (Dataflow.InputStationary, ScaleSimOperand.Filter) => map.RowFolds,
        (Dataflow.OutputStationary, ScaleSimOperand.Filter) => map.ColFolds,
        _ => null,
    };

    /// <summary>Which repeated set fold <paramref name="fold"/> reads: its row fold, or for output-stationary filters its column fold.</summary>
    private int SetOf(Fold fold) => (map.Dataflow, operand) == (Dataflow.OutputStationary, ScaleSimOperand.Filter) ? fold.ColFold : fold.RowFold;

    /// <summary>First and last demand row of the fold on which this operand's streams can carry an address.</summary>
    private (int From, int To) Extent(Fold fold)
    {
        int r = map.Rows, t = map.T, ru = fold.UsedRows, cu = fold.UsedCols;
        var (from, to) = (map.Dataflow, operand) switch
        {
            (Dataflow.OutputStationary, ScaleSimOperand.Ifmap) => (0, ru + t - 2),
            (Dataflow.OutputStationary, _) => (0, cu + t - 2),
            (Dataflow.WeightStationary, ScaleSimOperand.Filter) or (Dataflow.InputStationary, ScaleSimOperand.Ifmap) => (r - ru, r - 1),
            _ => (r, r + ru + t - 2),
        };
        return (Math.Max(0, from), Math.Min(foldRows - 1, to));
    }

    private int FirstAddressRow(Fold fold, int from, int to)
    {
        for (int start = from; start <= to; start += ScanRows)
        {
            int count = Math.Min(ScanRows, to - start + 1);
            demand.Fill(fold, operand, rows, start, count);
            for (int x = 0; x < count * ports; x++)
            {
                if (rows[x] != -1)
                {
                    return start + (x / ports);
                }
            }
        }

        return -1;
    }

    private int LastAddressRow(Fold fold, int from, int to)
    {
        for (int end = to; end >= from; end -= ScanRows)
        {
            int start = Math.Max(from, end - ScanRows + 1), count = end - start + 1;
            demand.Fill(fold, operand, rows, start, count);
            for (int x = (count * ports) - 1; x >= 0; x--)
            {
                if (rows[x] != -1)
                {
                    return start + (x / ports);
                }
            }
        }

        return -1;
    }

    /// <summary>
    /// Takes the addresses of demand rows <paramref name="y0"/> .. <paramref name="y1"/> − 1 into the buffer in any
    /// order (the streams of <see cref="ScaleSimFoldDemand.Fill(Fold, ScaleSimOperand, int[], int, int)"/>), as runs of
    /// consecutive addresses: per pixel its window elements on those rows (consecutive IFMAP words within a kernel
    /// row), per filter its elements (consecutive filter words).
    /// </summary>
    private void JoinRows(Fold fold, int y0, int y1)
    {
        int r = map.Rows, t = map.T, ru = fold.UsedRows, cu = fold.UsedCols, o0 = fold.RowOffset, c0 = fold.ColOffset;
        int window = a.WindowSize, filterBase = a.FilterOffset;
        switch (map.Dataflow, operand)
        {
            case (Dataflow.OutputStationary, ScaleSimOperand.Ifmap):
                // Port i streams pixel o0 + i's window elements 0 .. T - 1 from row i.
                for (int i = 0; i < ru; i++)
                {
                    JoinWindow(o0 + i, Math.Max(0, y0 - i), Math.Min(t, y1 - i));
                }

                break;
            case (Dataflow.OutputStationary, ScaleSimOperand.Filter):
                // Port j streams filter c0 + j's elements 0 .. T - 1 from row j.
                for (int j = 0; j < cu; j++)
                {
                    int from = Math.Max(0, y0 - j), to = Math.Min(t, y1 - j);
                    Buffer.JoinAnyOrder(filterBase + ((c0 + j) * window) + from, to - from);
                }

                break;
            case (Dataflow.WeightStationary, ScaleSimOperand.Filter):
            {
                // Row q (R - ru <= q < R) loads element o0 + R - 1 - q of filters c0 .. c0 + cu - 1.
                var (from, to) = LoadedElements(r, ru, o0, y0, y1);
                for (int j = 0; j < cu; j++)
                {
                    Buffer.JoinAnyOrder(filterBase + ((c0 + j) * window) + from, to - from);
                }

                break;
            }

            case (Dataflow.WeightStationary, ScaleSimOperand.Ifmap):
                // Port i streams element o0 + i of pixel m on row R + i + m.
                for (int m = Math.Max(0, y0 - r - ru + 1); m < Math.Min(t, y1 - r); m++)
                {
                    JoinWindow(m, o0 + Math.Max(0, y0 - r - m), o0 + Math.Min(ru, y1 - r - m));
                }

                break;
            case (Dataflow.InputStationary, ScaleSimOperand.Ifmap):
            {
                // Row q (R - ru <= q < R) loads element o0 + R - 1 - q of pixels c0 .. c0 + cu - 1.
                var (from, to) = LoadedElements(r, ru, o0, y0, y1);
                for (int j = 0; j < cu; j++)
                {
                    JoinWindow(c0 + j, from, to);
                }

                break;
            }

            case (Dataflow.InputStationary, ScaleSimOperand.Filter):
                // Port i streams element o0 + i of filter n on row R + i + n.
                for (int n = Math.Max(0, y0 - r - ru + 1); n < Math.Min(t, y1 - r); n++)
                {
                    int from = Math.Max(0, y0 - r - n), to = Math.Min(ru, y1 - r - n);
                    Buffer.JoinAnyOrder(filterBase + (n * window) + o0 + from, to - from);
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(fold), operand, "Not a read operand.");
        }
    }

    /// <summary>Window elements loaded on rows [y0, y1) when row q loads element o0 + R − 1 − q, for R − ru &lt;= q &lt; R.</summary>
    private static (int From, int To) LoadedElements(int r, int ru, int o0, int y0, int y1)
    {
        int first = Math.Max(r - ru, y0), last = Math.Min(r, y1) - 1;
        return last < first ? (0, 0) : (o0 + r - 1 - last, o0 + r - first);
    }

    /// <summary>Takes window elements <paramref name="k0"/> .. <paramref name="k1"/> − 1 of pixel <paramref name="m"/>.</summary>
    private void JoinWindow(int m, int k0, int k1)
    {
        if (k1 <= k0)
        {
            return;
        }

        int count = demand.Ifmap.Runs(m, k0, k1, runs);
        for (int x = 0; x < count; x++)
        {
            Buffer.JoinAnyOrder(runs[x].First, runs[x].Count);
        }
    }
}
