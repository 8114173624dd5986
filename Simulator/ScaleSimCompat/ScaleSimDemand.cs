using QuantSim.Simulator.Config;
using QuantSim.Simulator.Mapping;

namespace QuantSim.Simulator.ScaleSimCompat;

/// <summary>
/// SCALE-Sim v2's demand matrices in <c>timing: scalesim</c> mode: which address each SRAM port
/// serves in each cycle, fold after fold (F x <see cref="ScaleSimTiming.FoldRows"/> rows, -1 = idle).
/// Per fold, with i = array row, j = array column, partial folds padded with -1:
/// <code>
///  OS  ifmap  row k+i      port i: A[m0+i][k]          (K-stream skewed over rows, then C-1 idle)
///      filter row k+j      port j: B[k][n0+j]
///      ofmap  row T-1+q+j  port j: C[m0+R-1-q][n0+j]   (bottom array row first, skewed over columns)
///  WS  filter row q        port j: B[k0+R-1-q][n0+j]   (tile, bottom row first, not skewed)
///      ifmap  row R+m+i    port i: A[m][k0+i]
///      ofmap  row 2R-1+m+j port j: C[m][n0+j]
///  IS  ifmap  row q        port j: A[m0+j][k0+R-1-q]
///      filter row R+n+i    port i: B[k0+i][n]
///      ofmap  row 2R-1+n+j port j: C[m0+j][n]
/// </code>
/// The emulation streams these rows fold by fold through <see cref="ScaleSimFoldDemand"/>; this class is
/// the direct, readable form it is tested against.
/// SCALE-Sim's trace files stamp read rows with cycle = row + 1 (read hit latency 1) and write rows
/// with cycle = row.
/// </summary>
public static class ScaleSimDemand
{
    /// <summary>The demand matrix of one operand: one array of ports per cycle.</summary>
    public static int[][] Build(ArrayMapping mapping, ScaleSimAddressing address, ScaleSimOperand operand)
    {
        if (mapping.Problem.Groups != 1)
        {
            throw new ArgumentException("SCALE-Sim demand matrices exist for ungrouped layers only.", nameof(mapping));
        }

        int r = mapping.Rows, c = mapping.Cols, t = mapping.T;
        long foldRows = ScaleSimTiming.FoldRows(r, c, t, mapping.Dataflow);
        int ports = Ports(mapping.Dataflow, operand, r, c);
        var rows = new int[checked((int)(mapping.Folds * foldRows))][];
        for (int x = 0; x < rows.Length; x++)
        {
            rows[x] = Enumerable.Repeat(-1, ports).ToArray();
        }

        long f = 0;
        foreach (var fold in mapping.EnumerateFolds())
        {
            long baseRow = f++ * foldRows;
            Fill(mapping, fold, address, operand, (row, port, value) => rows[baseRow + row][port] = value);
        }

        return rows;
    }

    /// <summary>Ports (columns) of an operand's demand matrix.</summary>
    public static int PortCount(ArrayMapping mapping, ScaleSimOperand operand) =>
        Ports(mapping.Dataflow, operand, mapping.Rows, mapping.Cols);

    private static int Ports(Dataflow df, ScaleSimOperand operand, int r, int c) => (df, operand) switch
    {
        (_, ScaleSimOperand.Ofmap) => c,
        (Dataflow.OutputStationary, ScaleSimOperand.Ifmap) => r,
        (Dataflow.OutputStationary, ScaleSimOperand.Filter) => c,
        (Dataflow.WeightStationary, ScaleSimOperand.Ifmap) => r,
        (Dataflow.WeightStationary, ScaleSimOperand.Filter) => c,
        (Dataflow.InputStationary, ScaleSimOperand.Ifmap) => c,
        _ => r,
    };

    private static void Fill(ArrayMapping map, Fold fold, ScaleSimAddressing a, ScaleSimOperand operand, Action<long, int, int> set)
    {
        int r = map.Rows, c = map.Cols, t = map.T;
        int ru = fold.UsedRows, cu = fold.UsedCols, o0 = fold.RowOffset, c0 = fold.ColOffset;
        switch (map.Dataflow, operand)
        {
            case (Dataflow.OutputStationary, ScaleSimOperand.Ifmap):
                Stream(t, ru, (k, i) => a.Ifmap(o0 + i, k), set, 0);
                break;
            case (Dataflow.OutputStationary, ScaleSimOperand.Filter):
                Stream(t, cu, (k, j) => a.Filter(k, c0 + j), set, 0);
                break;
            case (Dataflow.OutputStationary, ScaleSimOperand.Ofmap):
                for (int q = 0; q < r; q++)
                {
                    int i = r - 1 - q;
                    for (int j = 0; i < ru && j < cu; j++)
                    {
                        set(t - 1 + q + j, j, a.Ofmap(o0 + i, c0 + j));
                    }
                }

                break;
            case (Dataflow.WeightStationary, ScaleSimOperand.Filter):
                Tile(r, ru, cu, (i, j) => a.Filter(o0 + i, c0 + j), set);
                break;
            case (Dataflow.WeightStationary, ScaleSimOperand.Ifmap):
                Stream(t, ru, (m, i) => a.Ifmap(m, o0 + i), set, r);
                break;
            case (Dataflow.WeightStationary, ScaleSimOperand.Ofmap):
                Stream(t, cu, (m, j) => a.Ofmap(m, c0 + j), set, 2 * r - 1);
                break;
            case (Dataflow.InputStationary, ScaleSimOperand.Ifmap):
                Tile(r, ru, cu, (i, j) => a.Ifmap(c0 + j, o0 + i), set);
                break;
            case (Dataflow.InputStationary, ScaleSimOperand.Filter):
                Stream(t, ru, (n, i) => a.Filter(o0 + i, n), set, r);
                break;
            case (Dataflow.InputStationary, ScaleSimOperand.Ofmap):
                Stream(t, cu, (n, j) => a.Ofmap(c0 + j, n), set, 2 * r - 1);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(operand), operand, "Unknown operand.");
        }
    }

    /// <summary>A skewed stream: element (time x, port p) lands on row offset + x + p.</summary>
    private static void Stream(int t, int usedPorts, Func<int, int, int> addr, Action<long, int, int> set, int offset)
    {
        for (int x = 0; x < t; x++)
        {
            for (int p = 0; p < usedPorts; p++)
            {
                set(offset + x + p, p, addr(x, p));
            }
        }
    }

    /// <summary>A stationary tile, one array row per cycle, bottom row first.</summary>
    private static void Tile(int r, int ru, int cu, Func<int, int, int> addr, Action<long, int, int> set)
    {
        for (int q = 0; q < r; q++)
        {
            int i = r - 1 - q;
            for (int j = 0; i < ru && j < cu; j++)
            {
                set(q, j, addr(i, j));
            }
        }
    }
}
