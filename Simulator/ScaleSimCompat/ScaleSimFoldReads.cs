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
    private readonly int[] addresses;

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
        addresses = new int[Math.Max(map.T, Math.Max(map.Rows, map.Cols))];
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
                Buffer.Service(rows.AsSpan(0, ports), cycleOf(y));
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
            int found = rows.AsSpan(0, count * ports).IndexOfAnyExcept(-1);
            if (found >= 0)
            {
                return start + (found / ports);
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
            int found = rows.AsSpan(0, count * ports).LastIndexOfAnyExcept(-1);
            if (found >= 0)
            {
                return start + (found / ports);
            }
        }

        return -1;
    }

    /// <summary>
    /// Takes the addresses of demand rows <paramref name="y0"/> .. <paramref name="y1"/> − 1 into the buffer in any
    /// order: stream by stream, the run of each stream's elements that falls on those rows (the streams of
    /// <see cref="ScaleSimFoldDemand.Fill(Fold, ScaleSimOperand, int[], int, int)"/>).
    /// </summary>
    private void JoinRows(Fold fold, int y0, int y1)
    {
        int r = map.Rows, t = map.T, ru = fold.UsedRows, cu = fold.UsedCols, o0 = fold.RowOffset, c0 = fold.ColOffset;
        int window = a.WindowSize, filterBase = a.FilterOffset;
        var buffer = Buffer;
        var ifmap = demand.Ifmap;
        var chunk = addresses.AsSpan();

        // Elements [From, To) of a stream whose element x is on row start + x.
        int From(int start) => Math.Max(0, y0 - start);
        int To(int start, int length) => Math.Min(length, y1 - start);
        switch (map.Dataflow, operand)
        {
            case (Dataflow.OutputStationary, ScaleSimOperand.Ifmap):
                // Port i streams pixel o0 + i's window from row i.
                for (int i = 0; i < ru; i++)
                {
                    int from = From(i), to = To(i, t);
                    if (to > from)
                    {
                        ifmap.Elements(o0 + i, from, chunk[..(to - from)]);
                        buffer.JoinAnyOrder(chunk[..(to - from)]);
                    }
                }

                break;
            case (Dataflow.OutputStationary, ScaleSimOperand.Filter):
                // Port j streams filter c0 + j's window from row j, contiguous.
                for (int j = 0; j < cu; j++)
                {
                    int from = From(j), to = To(j, t);
                    buffer.JoinAnyOrder(filterBase + ((c0 + j) * window) + from, to - from);
                }

                break;
            case (Dataflow.WeightStationary, ScaleSimOperand.Filter):
                // Row q loads array row q's weights: window element o0 + r - 1 - q of filters c0 .. c0 + cu - 1.
                for (int q = Math.Max(r - ru, y0); q < Math.Min(r, y1); q++)
                {
                    int k = o0 + r - 1 - q;
                    for (int j = 0; j < cu; j++)
                    {
                        chunk[j] = filterBase + ((c0 + j) * window) + k;
                    }

                    buffer.JoinAnyOrder(chunk[..cu]);
                }

                break;
            case (Dataflow.WeightStationary, ScaleSimOperand.Ifmap):
                // Port i streams window element o0 + i of every pixel from row r + i.
                for (int i = 0; i < ru; i++)
                {
                    int from = From(r + i), to = To(r + i, t);
                    if (to > from)
                    {
                        ifmap.Pixels(from, o0 + i, chunk[..(to - from)]);
                        buffer.JoinAnyOrder(chunk[..(to - from)]);
                    }
                }

                break;
            case (Dataflow.InputStationary, ScaleSimOperand.Ifmap):
                // Row q loads window element o0 + r - 1 - q of pixels c0 .. c0 + cu - 1.
                for (int q = Math.Max(r - ru, y0); q < Math.Min(r, y1); q++)
                {
                    int k = o0 + r - 1 - q;
                    for (int j = 0; j < cu; j++)
                    {
                        chunk[j] = ifmap.At(c0 + j, k);
                    }

                    buffer.JoinAnyOrder(chunk[..cu]);
                }

                break;
            case (Dataflow.InputStationary, ScaleSimOperand.Filter):
                // Port i streams window element o0 + i of every filter from row r + i.
                for (int i = 0; i < ru; i++)
                {
                    int from = From(r + i), to = To(r + i, t);
                    for (int n = from; n < to; n++)
                    {
                        chunk[n - from] = filterBase + o0 + i + (n * window);
                    }

                    buffer.JoinAnyOrder(chunk[..Math.Max(0, to - from)]);
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(fold), operand, "Not a read operand.");
        }
    }
}
